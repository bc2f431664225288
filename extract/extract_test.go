package extract_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/all"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		path    string
		data    string
		want    string
		wantErr string
	}{
		{"a.pdf", "%PDF-1.7\n...", "pdf", ""},
		{"A.PDF", "%PDF-1.4", "pdf", ""},
		{"a.pdf", "", "", "empty file"},
		{"a.pdf", "<!DOCTYPE html><html>", "", "not a PDF file: its content is an HTML page"},
		{"a.pdf", "PK\x03\x04rest", "", "not a PDF file: its content is a zip archive"},
		{"a.xlsx", "%PDF-1.4", "", "not an XLSX file: its content is a PDF"},
		{"a.pages", "PK\x03\x04", "", "unknown format: extension .pages"},
		{"README", "text", "", "extension (none)"},
		{"k.csv", "a;b\n1;2\n", "csv", ""},
	}
	for _, tt := range tests {
		f, err := extract.Detect(tt.path, []byte(tt.data))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Detect(%q) error %v, want %q", tt.path, err, tt.wantErr)
			}
			continue
		}
		if err != nil || f.Name != tt.want {
			t.Errorf("Detect(%q) = %q, %v; want %q", tt.path, f.Name, err, tt.want)
		}
	}
}

func TestFileErrorsNameThePath(t *testing.T) {
	_, err := extract.File(context.Background(), "in/x.pages", []byte("PK"), extract.Options{})
	var ie *letopis.InputError
	if !errors.As(err, &ie) || ie.Path != "in/x.pages" || !errors.Is(err, letopis.ErrUnknownFormat) {
		t.Fatalf("got %v", err)
	}
	if !strings.HasPrefix(err.Error(), "in/x.pages: ") {
		t.Fatalf("error does not start with the path: %q", err)
	}
}

func TestRegisterTwicePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("registering pdf twice did not panic")
		}
	}()
	extract.Register(extract.Format{Name: "pdf", Extensions: []string{".pdf2"}})
}

func TestSupported(t *testing.T) {
	for path, want := range map[string]bool{"a.pdf": true, "b.XLSX": true, "c.xls": true, "d.csv": true, "e.txt": false, "f": false} {
		if got := extract.Supported(path); got != want {
			t.Errorf("Supported(%q) = %v", path, got)
		}
	}
}
