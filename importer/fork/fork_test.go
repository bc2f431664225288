package fork

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/all"
	"github.com/letopis/letopis/importer"
)

// The test binary is also the child of its pools: run with "child" it
// serves requests, with a format .hang whose extractor never returns (a
// parser looping where Go cannot stop it) and a format .crash that brings
// the process down.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		extract.Register(extract.Format{Name: "hang", Extensions: []string{".hang"}, Extractor: hang{}})
		extract.Register(extract.Format{Name: "crash", Extensions: []string{".crash"}, Extractor: crash{}})
		if err := Serve(context.Background(), os.Stdin, os.Stdout, nil); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

type hang struct{}

func (hang) Extract(context.Context, string, []byte, extract.Options) (*letopis.Document, error) {
	select {} // ignores its context
}

type crash struct{}

func (crash) Extract(context.Context, string, []byte, extract.Options) (*letopis.Document, error) {
	go func() { panic("a parser crashed in a goroutine of its own") }()
	select {}
}

func newTestPool(t *testing.T) *Pool {
	exe, err := Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := NewPool([]string{exe, "child"}, nil)
	t.Cleanup(p.Close)
	return p
}

func csvRequest(t *testing.T) importer.FileRequest {
	data, err := os.ReadFile("../../testdata/kazalniki-2021.csv")
	if err != nil {
		t.Fatal(err)
	}
	return importer.FileRequest{Path: "k.csv", SHA256: "abc", Data: data}
}

// TestPool: a child reads a report as this process would; a child that
// hangs is killed at the deadline and the next file is read by a new
// child; a child that crashes fails its file with the crash's first line;
// an error keeps its fields and its sentinel cause across the pipe.
func TestPool(t *testing.T) {
	p := newTestPool(t)
	ctx := context.Background()
	want, err := importer.ReadReport(ctx, csvRequest(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Read(ctx, csvRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if !bytes.Equal(gj, wj) || len(got.Facts) == 0 {
		t.Fatalf("child read\n%s\nwant, as in this process,\n%s", gj, wj)
	}

	cause := errors.New("file took longer than 1s")
	hctx, cancel := context.WithTimeoutCause(ctx, time.Second, cause)
	defer cancel()
	start := time.Now()
	_, err = p.Read(hctx, importer.FileRequest{Path: "loop.hang", Data: []byte("x")})
	if !errors.Is(err, cause) || time.Since(start) > 5*time.Second {
		t.Errorf("hanging child: %v after %v", err, time.Since(start))
	}
	if got, err := p.Read(ctx, csvRequest(t)); err != nil || len(got.Facts) != len(want.Facts) {
		t.Errorf("after a killed child: %v", err)
	}

	_, err = p.Read(ctx, importer.FileRequest{Path: "bad.crash", Data: []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "the reading process failed") || !strings.Contains(err.Error(), "panic: a parser crashed") {
		t.Errorf("crashing child: %v", err)
	}

	_, err = p.Read(ctx, importer.FileRequest{Path: "scan.pdf", Data: []byte("%PDF-1.4\n%%EOF\n")})
	var ie *letopis.InputError
	if !errors.As(err, &ie) || ie.Path != "scan.pdf" {
		t.Errorf("error across the pipe: %v", err)
	}
	_, err = p.Read(ctx, importer.FileRequest{Path: "a.docx2", Data: []byte("x")})
	if !errors.Is(err, letopis.ErrUnknownFormat) || !strings.HasPrefix(err.Error(), "a.docx2: unknown format") {
		t.Errorf("sentinel across the pipe: %v", err)
	}
}
