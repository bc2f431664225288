// Command layoutpdf writes the layout fixtures of extract/pdf: PDFs of the
// layouts that reports are made of (rotated pages, text and tables turned
// on a portrait page, tables without rules with wrapped cells and dot
// leaders, ruled tables with a nested table, row labels left of the grid and
// a totals row under it, a table continued on the next page with its header
// repeated, running headers and footers), each with the cells its tables
// must come out with beside it (NAME.cells.json):
//
//	go run ./scripts/layoutpdf -out testdata/layout
//
// The PDFs are drawn with fpdf in DejaVu Sans (Debian: fonts-dejavu-core);
// pages are given their /Rotate with pdfcpu. With -render, the HTML
// fixtures of the same folder (NAME.html) are also printed to PDF by
// Chromium (NAME-chromium.pdf) and LibreOffice (NAME-libreoffice.pdf):
// real-world renderings of the same tables (Debian: chromium,
// libreoffice-writer-nogui). Everything is committed, so the tests need
// neither the fonts nor the programs.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func main() {
	out := flag.String("out", "testdata/layout", "folder to write the fixtures to")
	fonts := flag.String("fonts", "/usr/share/fonts/truetype/dejavu", "folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf")
	render := flag.Bool("render", false, "also print the folder's NAME.html files to PDF with Chromium and LibreOffice")
	flag.Parse()
	if err := run(*out, *fonts, *render); err != nil {
		fmt.Fprintln(os.Stderr, "layoutpdf:", err)
		os.Exit(1)
	}
}

func run(out, fontDir string, render bool) error {
	regular, err := os.ReadFile(filepath.Join(fontDir, "DejaVuSans.ttf"))
	if err != nil {
		return fmt.Errorf("%v (Debian: apt-get install fonts-dejavu-core, or give -fonts)", err)
	}
	bold, err := os.ReadFile(filepath.Join(fontDir, "DejaVuSans-Bold.ttf"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, fx := range fixtures {
		g := newGen(regular, bold, fx.header)
		fx.draw(g)
		if err := g.write(filepath.Join(out, fx.name)); err != nil {
			return fmt.Errorf("%s: %w", fx.name, err)
		}
	}
	if render {
		return renderHTML(out)
	}
	return nil
}

// fixture is one PDF the generator writes.
type fixture struct {
	name   string
	header string // running header of every page, "" for none
	draw   func(g *gen)
}

var fixtures = []fixture{
	{"borderless", "", drawBorderless},
	{"ruled", "", drawRuled},
	{"continued", "Društvo Svetilnik · Letno poročilo 2023", drawContinued},
	{"rotated-pages", "", drawRotatedPages},
	{"rotated-blocks", "", drawRotatedBlocks},
	{"headings", "", drawHeadings},
}

// Table is an expected table: the cells its rows hold, row by row, and the
// page where it starts (0: any page). Kind says how it is drawn: ruled,
// borderless, or rotated (turned on its page or on a rotated page).
type Table struct {
	Name string     `json:"name"`
	Kind string     `json:"kind"`
	Page int        `json:"page,omitempty"`
	Rows [][]string `json:"rows"`
}

// Expected is the content of NAME.cells.json.
type Expected struct {
	Tables []Table `json:"tables"`
}

// Page size (A4) and margins, in mm.
const (
	pageW  = 210.0
	pageH  = 297.0
	margin = 20.0
)

// gen draws one fixture.
type gen struct {
	f      *fpdf.Fpdf
	page   int
	header string
	rotate map[int]int // page → /Rotate, clockwise degrees
	tables []Table
	w, h   float64 // the size of the page as drawn on (landscape inside a rotation)
}

func newGen(regular, bold []byte, header string) *gen {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	at := time.Date(2024, 3, 15, 10, 0, 0, 0, time.UTC)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetProducer("letopis scripts/layoutpdf", false)
	f.AddUTF8FontFromBytes("dejavu", "", regular)
	f.AddUTF8FontFromBytes("dejavu", "B", bold)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(margin, margin, margin)
	return &gen{f: f, header: header, rotate: map[int]int{}, w: pageW, h: pageH}
}

// newPage starts a page with the running header and the footer `Stran N`
// when the fixture has a header.
func (g *gen) newPage() {
	g.f.AddPage()
	g.page++
	g.w, g.h = pageW, pageH
	if g.header != "" {
		g.furniture()
	}
}

// furniture draws the running header and the page number in the page's
// current frame.
func (g *gen) furniture() {
	g.f.SetFont("dejavu", "", 8)
	g.f.SetTextColor(90, 90, 90)
	g.f.Text(g.w-margin-g.f.GetStringWidth(g.header), 12, g.header)
	n := "Stran " + strconv.Itoa(g.page)
	g.f.Text((g.w-g.f.GetStringWidth(n))/2, g.h-10, n)
	g.f.SetTextColor(0, 0, 0)
}

// turned draws with draw in a frame turned by angle degrees
// counter-clockwise about (cx, cy); inside, the page measures w × h.
func (g *gen) turned(angle, cx, cy, w, h float64, draw func()) {
	g.f.TransformBegin()
	g.f.TransformRotate(angle, cx, cy)
	sw, sh := g.w, g.h
	g.w, g.h = w, h
	draw()
	g.w, g.h = sw, sh
	g.f.TransformEnd()
}

// landscape draws the current page as a landscape page shown turned by
// its /Rotate (90 or 270): the content is drawn turned the other way, so
// that it reads upright on the screen.
func (g *gen) landscape(rotate int, draw func()) {
	g.rotate[g.page] = rotate
	if rotate == 90 {
		g.turned(90, pageH/2, pageH/2, pageH, pageW, draw)
	} else {
		g.turned(-90, pageW/2, pageW/2, pageH, pageW, draw)
	}
}

// lineH is the leading of a font size in points, in mm.
func lineH(size float64) float64 { return size * 0.3528 * 1.3 }

// heading draws a bold heading at the top y and returns its height.
func (g *gen) heading(x, y, size float64, s string) float64 {
	g.f.SetFont("dejavu", "B", size)
	g.f.Text(x, y+0.8*size*0.3528, s)
	return lineH(size) + 2
}

// para draws a left-aligned paragraph in width w from the top y and
// returns its height (with the space after it).
func (g *gen) para(x, y, w, size float64, s string) float64 {
	g.f.SetFont("dejavu", "", size)
	ls := g.f.SplitText(s, w)
	for i, l := range ls {
		g.f.Text(x, y+float64(i)*lineH(size)+0.8*size*0.3528, l)
	}
	return float64(len(ls))*lineH(size) + 3
}

// tab is a table to draw.
type tab struct {
	name    string
	kind    string
	rows    [][]string
	widths  []float64
	align   string // a letter a column: L, R or C
	header  int    // header rows, set in bold
	ruled   bool
	size    float64
	pad     float64
	leaders string // dot leaders between the first column and the second: "." or ". "
	bold    map[int]bool
	nested  map[[2]int]*tab
	labels  []string // row labels left of the grid, without rules, one a row
	labelW  float64
	totals  []string // a row under the grid, without rules: the label (in the label column if any) and the cells
}

func (t *tab) lh() float64 { return lineH(t.size) }

// cellLines returns the lines of a cell's text in its column.
func (g *gen) cellLines(t *tab, r, c int) []string {
	style := ""
	if r < t.header || t.bold[r] {
		style = "B"
	}
	g.f.SetFont("dejavu", style, t.size)
	s := t.rows[r][c]
	if s == "" {
		return nil
	}
	return g.f.SplitText(s, t.widths[c]-2*t.pad)
}

// rowHeight measures a row.
func (g *gen) rowHeight(t *tab, r int) float64 {
	h := t.lh()
	for c := range t.rows[r] {
		if n, ok := t.nested[[2]int{r, c}]; ok {
			h = max(h, g.tabHeight(n))
			continue
		}
		h = max(h, float64(len(g.cellLines(t, r, c)))*t.lh())
	}
	return h + 2*t.pad
}

func (g *gen) tabHeight(t *tab) float64 {
	h := 0.0
	for r := range t.rows {
		h += g.rowHeight(t, r)
	}
	return h
}

// table draws t with its top left corner at (x, y) and records its
// expected cells on the current page; it returns its height.
func (g *gen) table(x, y float64, t *tab) float64 {
	g.expect(t, g.page)
	return g.drawRows(x, y, t, 0, len(t.rows), true)
}

// expect records t's expected cells, starting on page: a cell holding a
// nested table refers to it as "[table N]", N its number among the tables
// of the page, and the nested tables follow the table that holds them.
func (g *gen) expect(t *tab, page int) {
	idx := len(g.tables)
	g.tables = append(g.tables, Table{Name: t.name, Kind: t.kind, Page: page})
	var rows [][]string
	for r, row := range t.rows {
		cells := append([]string(nil), row...)
		for c := range cells {
			if n, ok := t.nested[[2]int{r, c}]; ok {
				num := 1
				for _, e := range g.tables {
					if e.Page == page {
						num++
					}
				}
				cells[c] = fmt.Sprintf("[table %d]", num)
				g.expect(n, page)
			}
		}
		if t.labels != nil {
			cells = append([]string{t.labels[r]}, cells...)
		}
		rows = append(rows, cells)
	}
	if t.totals != nil {
		rows = append(rows, append([]string(nil), t.totals...))
	}
	g.tables[idx].Rows = rows
}

// drawRows draws rows from … to-1 of t (with its header rows first when
// they are not among them and header is true) and returns the height.
func (g *gen) drawRows(x, y float64, t *tab, from, to int, header bool) float64 {
	var order []int
	if header && from > 0 {
		for r := 0; r < t.header; r++ {
			order = append(order, r)
		}
	}
	for r := from; r < to; r++ {
		order = append(order, r)
	}
	total := 0.0
	for _, w := range t.widths {
		total += w
	}
	top := y
	g.f.SetLineWidth(0.25)
	for _, r := range order {
		h := g.rowHeight(t, r)
		cx := x
		for c := range t.rows[r] {
			w := t.widths[c]
			if n, ok := t.nested[[2]int{r, c}]; ok {
				g.drawRows(cx+t.pad, y+t.pad, n, 0, len(n.rows), false)
			} else {
				g.cellText(t, r, c, cx, y, w)
			}
			if c == 0 && t.leaders != "" && len(t.rows[r]) > 1 {
				g.leaders(t, r, cx, y, w)
			}
			cx += w
		}
		if t.labels != nil && t.labels[r] != "" {
			g.f.SetFont("dejavu", "", t.size)
			g.f.Text(x-t.labelW, y+t.pad+0.8*t.size*0.3528, t.labels[r])
		}
		if t.ruled {
			g.f.Line(x, y, x+total, y)
		}
		y += h
	}
	if t.ruled {
		g.f.Line(x, y, x+total, y)
		cx := x
		for c := 0; c <= len(t.widths); c++ {
			g.f.Line(cx, top, cx, y)
			if c < len(t.widths) {
				cx += t.widths[c]
			}
		}
	}
	if t.totals != nil && to == len(t.rows) {
		y += 1
		g.f.SetFont("dejavu", "B", t.size)
		cells := t.totals
		cx := x
		if t.labels != nil {
			g.f.Text(x-t.labelW, y+t.pad+0.8*t.size*0.3528, cells[0])
			cells = cells[1:]
		}
		for c, s := range cells {
			w := t.widths[c]
			g.alignedText(t, c, cx, y, w, s)
			cx += w
		}
		y += t.lh() + 2*t.pad
	}
	return y - top
}

// cellText draws the lines of a cell.
func (g *gen) cellText(t *tab, r, c int, x, y, w float64) {
	for i, l := range g.cellLines(t, r, c) {
		g.alignedText(t, c, x, y+float64(i)*t.lh(), w, l)
	}
}

// alignedText draws one line of a cell in column c, aligned as the column
// is, with the current font.
func (g *gen) alignedText(t *tab, c int, x, y, w float64, s string) {
	sw := g.f.GetStringWidth(s)
	tx := x + t.pad
	switch t.align[c] {
	case 'R':
		tx = x + w - t.pad - sw
	case 'C':
		tx = x + (w-sw)/2
	}
	g.f.Text(tx, y+t.pad+0.8*t.size*0.3528, s)
}

// leaders fills the space between a row's first cell (one line, left
// aligned) and the second (right aligned) with leader dots.
func (g *gen) leaders(t *tab, r int, x, y, w float64) {
	g.cellLines(t, r, 0) // sets the row's font
	from := x + t.pad + g.f.GetStringWidth(t.rows[r][0]) + 1.5
	to := x + w + t.widths[1] - t.pad - g.f.GetStringWidth(t.rows[r][1]) - 1.5
	g.f.SetFont("dejavu", "", t.size)
	unit := g.f.GetStringWidth(t.leaders)
	n := int((to - from) / unit)
	if n < 3 {
		return
	}
	g.f.Text(to-float64(n)*unit, y+t.pad+0.8*t.size*0.3528, strings.TrimSpace(strings.Repeat(t.leaders, n)))
}

// write saves the PDF, gives its pages their /Rotate, and writes the
// expected cells beside it.
func (g *gen) write(base string) error {
	var buf bytes.Buffer
	if err := g.f.Output(&buf); err != nil {
		return err
	}
	data := buf.Bytes()
	for page, rot := range g.rotate {
		var out bytes.Buffer
		conf := model.NewDefaultConfiguration()
		if err := api.Rotate(bytes.NewReader(data), &out, rot, []string{strconv.Itoa(page)}, conf); err != nil {
			return err
		}
		data = out.Bytes()
	}
	if err := os.WriteFile(base+".pdf", data, 0o644); err != nil {
		return err
	}
	return writeJSON(base+".cells.json", Expected{Tables: g.tables})
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// renderHTML prints every NAME.html of dir to NAME-chromium.pdf and
// NAME-libreoffice.pdf.
func renderHTML(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(pages) == 0 {
		return fmt.Errorf("no HTML fixtures in %s", dir)
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		return fmt.Errorf("needs Chromium: apt-get install chromium")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return fmt.Errorf("needs LibreOffice: apt-get install libreoffice-writer-nogui")
	}
	tmp, err := os.MkdirTemp("", "layoutpdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, p := range pages {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(abs, ".html")
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
			"--user-data-dir="+filepath.Join(tmp, "chromium"), "--print-to-pdf="+name+"-chromium.pdf", "file://"+abs)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("chromium %s: %v: %s", p, err, out)
		}
		cmd = exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(tmp, "lo"), "--headless", "--norestore",
			"--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, abs)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("soffice %s: %v: %s", p, err, out)
		}
		data, err := os.ReadFile(filepath.Join(tmp, filepath.Base(name)+".pdf"))
		if err != nil {
			return err
		}
		if err := os.WriteFile(name+"-libreoffice.pdf", data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
