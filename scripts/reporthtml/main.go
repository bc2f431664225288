// Command reporthtml writes a report PDF's text as an HTML document with
// its headings, paragraphs, lists and tables, for LibreOffice to convert
// into the word-processor fixtures (scripts/officedocs.sh):
//
//	go run ./scripts/reporthtml testdata/novus-2020-plain.pdf > novus-2020.html
//
// Result boxes become items of a numbered list; a block that goes on from
// the previous page (it starts in lower case) joins it; a list item set
// further right than the list before it is nested in that list's last item.
package main

import (
	"context"
	"fmt"
	"html"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/pdf"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: reporthtml FILE.pdf > FILE.html")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "reporthtml:", err)
		os.Exit(1)
	}
	doc, err := extract.File(context.Background(), os.Args[1], data, extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "reporthtml:", err)
		os.Exit(1)
	}
	var blocks []letopis.Block
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			if b.Kind == letopis.BlockFurniture {
				continue
			}
			text := b.Text()
			first, _ := utf8.DecodeRuneInString(text)
			if n := len(blocks); n > 0 && b.Kind != letopis.BlockTable && b.Label == "" && unicode.IsLower(first) &&
				blocks[n-1].Kind != letopis.BlockTable && blocks[n-1].Kind != letopis.BlockHeading {
				// goes on from the previous page
				blocks[n-1].Lines = append(blocks[n-1].Lines, b.Lines...)
				continue
			}
			blocks = append(blocks, b)
		}
	}
	w := &writer{}
	w.printf("<!DOCTYPE html>\n<html lang=\"sl\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", html.EscapeString(doc.Title))
	for _, b := range blocks {
		switch b.Kind {
		case letopis.BlockHeading:
			w.closeLists(0)
			level := min(max(b.Level, 1), 6)
			w.printf("<h%d>%s</h%d>\n", level, esc(b.Text()), level)
		case letopis.BlockListItem, letopis.BlockBox:
			w.item(b)
		case letopis.BlockTable:
			w.closeLists(0)
			w.table(b.Table)
		default:
			w.closeLists(0)
			w.printf("<p>%s</p>\n", esc(b.Text()))
		}
	}
	w.closeLists(0)
	w.printf("</body></html>\n")
}

func esc(s string) string { return html.EscapeString(strings.Join(strings.Fields(s), " ")) }

// list is an open list: its tag and the left edge of its items.
type list struct {
	tag string
	x   float64
}

type writer struct {
	open []list
}

func (w *writer) printf(format string, args ...any) { fmt.Printf(format, args...) }

// closeLists closes the open lists down to depth n.
func (w *writer) closeLists(n int) {
	for len(w.open) > n {
		w.printf("</li></%s>\n", w.open[len(w.open)-1].tag)
		w.open = w.open[:len(w.open)-1]
	}
}

// item writes a list item or result box, opening, nesting or closing lists
// by its label and its left edge.
func (w *writer) item(b letopis.Block) {
	label := strings.TrimSpace(b.Label)
	tag, start := "ul", 0
	if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(label, "."), ")")); err == nil {
		tag, start = "ol", n
	}
	x := b.BBox.X0
	for len(w.open) > 0 && x < w.open[len(w.open)-1].x-2 {
		w.closeLists(len(w.open) - 1)
	}
	if n := len(w.open); n > 0 && x <= w.open[n-1].x+2 && w.open[n-1].tag != tag {
		w.closeLists(n - 1)
	}
	if n := len(w.open); n == 0 || x > w.open[n-1].x+2 {
		if tag == "ol" && start != 1 {
			w.printf("<ol start=\"%d\">\n", start)
		} else {
			w.printf("<%s>\n", tag)
		}
		w.open = append(w.open, list{tag, x})
	} else {
		w.printf("</li>\n")
	}
	w.printf("<li>%s", esc(b.Text()))
}

func (w *writer) table(t *letopis.Table) {
	w.printf("<table border=\"1\">\n")
	for i, row := range t.Rows {
		cellTag := "td"
		if i < t.HeaderRows {
			cellTag = "th"
		}
		w.printf("<tr>")
		for j := 0; j < len(row); j++ {
			c := row[j]
			span := 1
			for j+span < len(row) && row[j+span].Merged && row[j+span].Text == c.Text {
				span++
			}
			if span > 1 {
				w.printf("<%s colspan=\"%d\">%s</%s>", cellTag, span, esc(c.Text), cellTag)
			} else {
				w.printf("<%s>%s</%s>", cellTag, esc(c.Text), cellTag)
			}
			j += span - 1
		}
		w.printf("</tr>\n")
	}
	w.printf("</table>\n")
}
