package sheet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// TestDump prints every cell of the fixtures; run with DUMP=1 go test -run TestDump -v.
func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip("set DUMP=1 to print the fixtures")
	}
	for _, name := range []string{"kazalniki-2020.xlsx", "kazalniki-2020.xls", "kazalniki-2020-cp1250.csv"} {
		p := filepath.Join("..", "..", "testdata", name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.File(context.Background(), p, data, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		fmt.Println("FILE", name)
		for _, s := range doc.Sheets {
			dumpTable(s)
		}
	}
}

func dumpTable(s letopis.Table) {
	fmt.Printf(" SHEET %q hidden=%v hiddenRows=%v rows=%d\n", s.Sheet, s.Hidden, s.HiddenRows, len(s.Rows))
	for _, r := range s.Rows {
		for _, c := range r {
			if c.Kind == letopis.CellEmpty {
				continue
			}
			fmt.Printf("   %s %s %q n=%v f=%q d=%s m=%v\n", c.Ref, c.Kind, c.Text, c.Number, c.Format, c.Date, c.Merged)
		}
	}
}
