package extract

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/letopis/letopis"
)

// TestFileHonoursDeadline: File returns at its context's deadline with its
// cause, even while an extractor does not return.
func TestFileHonoursDeadline(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	f := Format{Name: "stuck", Extensions: []string{".stuck"}, Extractor: stuck{release}}
	cause := errors.New("file took longer than 200ms to read")
	ctx, cancel := context.WithTimeoutCause(context.Background(), 200*time.Millisecond, cause)
	defer cancel()
	start := time.Now()
	_, err := extractWithin(ctx, f, "a.stuck", []byte("x"), Options{})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v", d)
	}
	if !errors.Is(err, cause) {
		t.Errorf("got %v, want the deadline's cause", err)
	}
}

// stuck is an extractor that ignores its context until released.
type stuck struct{ release chan struct{} }

func (s stuck) Extract(context.Context, string, []byte, Options) (*letopis.Document, error) {
	<-s.release
	return nil, errors.New("released")
}
