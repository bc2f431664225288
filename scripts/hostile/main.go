// Command hostile writes the corpus of hostile files (package
// internal/hostile) into testdata/hostile:
//
//	go run ./scripts/hostile [-out testdata/hostile]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/letopis/letopis/internal/hostile"
)

func main() {
	out := flag.String("out", filepath.Join("testdata", "hostile"), "folder to write the files into")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, f := range hostile.Files() {
		if err := os.WriteFile(filepath.Join(*out, f.Name), f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "README.md"), hostile.README(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
