package lpdf

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// FuzzOpen mutates the small files of the hostile corpus and reads every
// object of the result and every stream (up to 1 MiB each): Open returns
// a Reader or an error, reading an object panics with nothing but an
// error about the file (no runtime error), nothing hangs.
func FuzzOpen(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.pdf"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	if len(files) == 0 {
		f.Fatal("no hostile corpus")
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()
		r, err := Open(ctx, data)
		if err != nil {
			return
		}
		for id := range r.xref {
			func() {
				defer func() {
					// damaged objects panic with an error; a runtime
					// error (an index out of range) is a bug
					if x := recover(); x != nil {
						if _, ok := x.(runtime.Error); ok {
							panic(x)
						}
					}
				}()
				v := r.resolve(objptr{}, r.xref[id].ptr)
				if v.Kind() == Stream {
					io.Copy(io.Discard, io.LimitReader(v.Reader(), 1<<20))
				}
				for _, k := range v.Keys() {
					v.Key(k)
				}
			}()
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
	})
}
