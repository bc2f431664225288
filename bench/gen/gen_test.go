package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAll renders two reports and checks that they are PDFs, that they
// differ, and that the same seed gives the same bytes. It is skipped where
// DejaVu Sans (Debian fonts-dejavu-core) is not installed.
func TestWriteAll(t *testing.T) {
	fonts, err := LoadFonts(DefaultFontDir)
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	pages, err := WriteAll(dir, 2, 7, fonts)
	if err != nil {
		t.Fatal(err)
	}
	if pages < 16 {
		t.Errorf("%d pages in 2 reports, want about 10 each", pages)
	}
	var files [2][]byte
	for i, name := range []string{"report-0000.pdf", "report-0001.pdf"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
			t.Errorf("%s: not a PDF (starts %q, ends %q)", name, b[:min(8, len(b))], b[max(0, len(b)-8):])
		}
		files[i] = b
	}
	if bytes.Equal(files[0], files[1]) {
		t.Error("two reports have the same bytes")
	}
	again, _, err := Render(Generate(7, 1), fonts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, files[1]) {
		t.Error("the same seed and index gave other bytes")
	}
}

func TestLoadFontsMissing(t *testing.T) {
	_, err := LoadFonts(t.TempDir())
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("fonts-dejavu-core")) {
		t.Errorf("err = %v, want one naming fonts-dejavu-core", err)
	}
}

func TestNum(t *testing.T) {
	for n, want := range map[int]string{7: "7", 830: "830", 22830: "22.830", 1234567: "1.234.567"} {
		if got := num(n); got != want {
			t.Errorf("num(%d) = %q, want %q", n, got, want)
		}
	}
}
