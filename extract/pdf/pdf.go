// Package pdf reads PDF files into letopis Documents.
//
// The low-level parsing (cross-reference table, objects, streams) is
// internal/lpdf, an in-tree copy of github.com/ledongthuc/pdf made safe
// for files from anywhere; encrypted files are first
// decrypted in memory with github.com/pdfcpu/pdfcpu. On top of that this
// package has its own content-stream interpreter (glyph positions with
// correct widths for one- and two-byte fonts, fonts decoded once per
// document, drawn rectangles and rules) and its own layout analysis:
// glyphs to words, letter-spaced headings collapsed, words to lines,
// recursive XY-cut into columns and boxes, tables from ruling lines or from
// column alignment, hyphenation, and block kinds.
//
// Robustness: the object layer (internal/lpdf) bounds every loop over the
// file's structure and repairs what other readers repair (bytes after
// %%EOF, a broken cross-reference table, a wrong /Length, a damaged Flate
// stream). Every page is read in its own goroutine that recovers from
// panics, counts operators, glyphs and rectangles against fixed limits and
// checks a per-page deadline (extract.Options.PageTimeout); a page that
// still does not finish in time is abandoned (its goroutine is left to end
// on its own). A page that cannot be read is refused with its reason
// (letopis.Page.Refused) and the others are read; a file none of whose
// pages can be read is an error naming the first.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/lpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func init() {
	// pdfcpu would otherwise create a configuration directory in $HOME.
	api.DisableConfigDir()
	extract.Register(extract.Format{
		Name:       "pdf",
		Extensions: []string{".pdf"},
		Sniff:      Sniff,
		Extractor:  Extractor{},
	})
}

// Sniff reports whether head, the first bytes of a file, hold the PDF
// signature %PDF- within their first 1024 bytes.
func Sniff(head []byte) bool {
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// Extractor is the registered PDF extractor.
type Extractor struct{}

// Extract implements extract.Extractor.
func (Extractor) Extract(ctx context.Context, path string, data []byte, opts extract.Options) (*letopis.Document, error) {
	return Extract(ctx, path, data, opts)
}

// Extract reads the PDF in data (the bytes of the file at path) into a
// Document with its pages' blocks in reading order.
func Extract(ctx context.Context, path string, data []byte, opts extract.Options) (doc *letopis.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("damaged PDF: %s", oneLine(fmt.Errorf("%v", r)))
		}
	}()
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	if !Sniff(data) {
		return nil, errors.New("not a PDF file: no %PDF- signature")
	}
	if i := bytes.Index(data, []byte("%PDF-")); i > 0 {
		data = data[i:] // junk before the header: offsets count from it
	}
	data, err = decrypt(data, opts.Password)
	if err != nil {
		return nil, err
	}
	r, err := lpdf.Open(ctx, data)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, describeOpenError(err, data)
	}
	pages, err := pageTree(r)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errors.New("damaged PDF: no pages found (broken page tree or cross-reference table)")
	}
	doc = &letopis.Document{Path: path, Format: "pdf", Title: title(r)}
	doc.Pages = make([]letopis.Page, len(pages))
	fonts := newFontCache()

	type result struct {
		page letopis.Page
		text bool
		img  bool
		err  error
	}
	results := make([]chan result, len(pages))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// pageTimeout bounds the wall time of one page. The interpreter checks
	// it between operators; a page stuck inside the tokenizer is abandoned
	// when it expires (the goroutine cannot be killed, but it holds no
	// locks and its result is dropped).
	pageTimeout := opts.PageTime()
	workers := min(runtime.GOMAXPROCS(0), 4, len(pages))
	jobs := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for w := 0; w < workers; w++ {
		go func() {
			for i := range jobs {
				pctx, pcancel := context.WithTimeout(ctx, pageTimeout)
				done := make(chan result, 1)
				go func() {
					p, text, img, err := readPage(pctx, pages[i], i+1, fonts)
					if opts.NoWords {
						dropWords(&p)
					}
					done <- result{p, text, img, err}
				}()
				var res result
				select {
				case res = <-done:
				case <-pctx.Done():
					select {
					case res = <-done:
					case <-time.After(time.Second):
						res.err = fmt.Errorf("page took longer than %s to read (looping content?)", pageTimeout)
						if ctx.Err() != nil {
							res.err = ctx.Err()
						}
					}
				}
				if res.err != nil && errors.Is(res.err, context.DeadlineExceeded) && ctx.Err() == nil {
					res.err = fmt.Errorf("page took longer than %s to read (looping content?)", pageTimeout)
				}
				pcancel()
				results[i] <- res
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range pages {
			select {
			case jobs <- i:
			case <-ctx.Done():
				for j := i; j < len(pages); j++ {
					results[j] <- result{err: ctx.Err()}
				}
				return
			}
		}
	}()
	var noText, images, pictured, refused []int
	for i := range pages {
		res := <-results[i]
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if res.err != nil {
			// One unreadable page is refused with its reason; the others
			// are read.
			doc.Pages[i] = refusedPage(pages[i], i+1, res.err)
			refused = append(refused, i+1)
			continue
		}
		doc.Pages[i] = res.page
		if !res.text {
			noText = append(noText, i+1)
			if res.img {
				images = append(images, i+1)
			}
		} else if res.img {
			pictured = append(pictured, i+1)
		}
	}
	if len(refused) == len(pages) {
		what := "cannot read page: " + doc.Pages[0].Refused
		if len(pages) > 1 {
			what += fmt.Sprintf(" (nor any of the other %d pages)", len(pages)-1)
		}
		return nil, &letopis.InputError{Page: 1, Err: errors.New(what)}
	}
	if todo := ocrTodo(opts.OCR, images, pictured); len(todo) > 0 {
		if err := ocrPages(ctx, data, doc, todo, opts); err != nil {
			return nil, err
		}
		var left []int
		for _, p := range noText {
			if !doc.Pages[p-1].OCR || len(doc.Pages[p-1].Blocks) == 0 {
				left = append(left, p)
			}
		}
		noText = left
	}
	if len(noText)+len(refused) == len(pages) {
		what := "no page has text"
		if len(images) > 0 {
			what = "only images on " + pageList(images)
		}
		if len(refused) > 0 {
			what += ", " + pageList(refused) + " unreadable"
		}
		if len(images) > 0 && ocrTodo(opts.OCR, images, pictured) != nil {
			return nil, fmt.Errorf("%w: %s of %d, and OCR read no text on them", letopis.ErrNoText, what, len(pages))
		}
		return nil, fmt.Errorf("%w: %s of %d", letopis.ErrNoText, what, len(pages))
	}
	structure(doc)
	return doc, nil
}

// pageList formats page numbers as "pages 1-3, 5" or "page 2".
func pageList(p []int) string {
	var parts []string
	for i := 0; i < len(p); {
		j := i
		for j+1 < len(p) && p[j+1] == p[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(p[i])+"-"+strconv.Itoa(p[j]))
		} else {
			parts = append(parts, strconv.Itoa(p[i]))
		}
		i = j + 1
	}
	if len(p) == 1 {
		return "page " + parts[0]
	}
	return "pages " + strings.Join(parts, ", ")
}

// decrypt returns data decrypted in memory if it is encrypted. An empty
// user password (the "no editing" protection) needs no password; any
// other needs opts.Password.
func decrypt(data []byte, password string) ([]byte, error) {
	if !encrypted(data) {
		return data, nil
	}
	conf := model.NewDefaultConfiguration()
	conf.UserPW = password
	conf.OwnerPW = password
	conf.ValidationMode = model.ValidationRelaxed
	var out bytes.Buffer
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		return api.Decrypt(bytes.NewReader(data), &out, conf)
	}()
	switch {
	case err == nil:
		return out.Bytes(), nil
	case errors.Is(err, pdfcpu.ErrNotEncrypted):
		return data, nil
	case errors.Is(err, pdfcpu.ErrWrongPassword) || strings.Contains(err.Error(), "password"):
		if password != "" {
			return nil, fmt.Errorf("%w: the password given does not open it", letopis.ErrEncrypted)
		}
		return nil, letopis.ErrEncrypted
	}
	return nil, fmt.Errorf("encrypted PDF that cannot be decrypted: %v", oneLine(err))
}

// encrypted reports whether the trailer of data names an /Encrypt
// dictionary (the last 4 KiB hold the trailer or the xref stream dict).
func encrypted(data []byte) bool {
	tail := data
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	if bytes.Contains(tail, []byte("/Encrypt")) {
		return true
	}
	// Cross-reference streams may sit anywhere; look where startxref points.
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return false
	}
	f := strings.Fields(string(tail[i+len("startxref"):]))
	if len(f) == 0 {
		return false
	}
	off, err := strconv.Atoi(f[0])
	if err != nil || off < 0 || off >= len(data) {
		return false
	}
	end := min(len(data), off+4096)
	return bytes.Contains(data[off:end], []byte("/Encrypt"))
}

// describeOpenError words an error of lpdf.Open for a user: a file that
// does not end in %%EOF is called truncated.
func describeOpenError(err error, data []byte) error {
	msg := oneLine(err)
	switch {
	case errors.Is(err, lpdf.ErrInvalidPassword):
		return letopis.ErrEncrypted
	case strings.Contains(msg, "invalid header"):
		return errors.New("not a PDF file this reader supports: invalid header")
	case !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")):
		return fmt.Errorf("truncated or damaged PDF: %s", msg)
	}
	return fmt.Errorf("damaged PDF: %s", msg)
}

// refusedPage is the page n of a document that could not be read.
func refusedPage(pr pageRef, n int, err error) letopis.Page {
	p := letopis.Page{Number: n, Refused: oneLine(err)}
	if mb := pr.mediaBox; pr.hasMedia && mb[2]-mb[0] > 0 && mb[3]-mb[1] > 0 {
		p.Width, p.Height = mb[2]-mb[0], mb[3]-mb[1]
	}
	return p
}

// oneLine makes an error text one printable line of at most 160
// characters (parser errors may quote raw bytes of the file).
func oneLine(err error) string {
	s := strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, err.Error())
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}

func title(r *lpdf.Reader) (t string) {
	defer func() { _ = recover() }()
	return strings.TrimSpace(r.Trailer().Key("Info").Key("Title").Text())
}

// dropWords removes the words of the page's lines (Options.NoWords).
func dropWords(p *letopis.Page) {
	for i := range p.Blocks {
		for j := range p.Blocks[i].Lines {
			p.Blocks[i].Lines[j].Words = nil
		}
	}
}

// pageRef is a page dictionary with its inherited attributes resolved.
type pageRef struct {
	err       error // the page's object could not be read: the page is refused
	v         lpdf.Value
	res       lpdf.Value
	mediaBox  [4]float64
	hasMedia  bool
	inherited bool
	rotate    int // quarter turns clockwise the page is shown turned by (/Rotate / 90)
}

// Limits on the page tree walk: a cyclic or absurd tree stops here.
const (
	maxPages     = 100_000
	maxTreeDepth = 64
)

// pageTree lists the pages in order, walking the tree once (ledongthuc's
// Reader.Page walks from the root for every page) and never following a
// cycle. A node that cannot be read is listed as one page with its error,
// to be refused; the rest of the tree is read.
func pageTree(r *lpdf.Reader) (pages []pageRef, err error) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(error); ok && (errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded)) {
				panic(x)
			}
			err = fmt.Errorf("damaged PDF: broken page tree or cross-reference table (%s)", oneLine(fmt.Errorf("%v", x)))
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != lpdf.Dict {
		return nil, errors.New("damaged PDF: no document catalog (broken cross-reference table?)")
	}
	nodes := 0
	seen := map[string]bool{}
	var walk func(get func() lpdf.Value, inh pageRef, depth int)
	walk = func(get func() lpdf.Value, inh pageRef, depth int) {
		nodes++
		if depth > maxTreeDepth || nodes > 4*maxPages || len(pages) >= maxPages {
			return
		}
		defer func() {
			if x := recover(); x != nil {
				if e, ok := x.(error); ok && (errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded)) {
					panic(x)
				}
				inh.err = fmt.Errorf("page object unreadable: %s", oneLine(fmt.Errorf("%v", x)))
				pages = append(pages, inh)
			}
		}()
		v := get()
		if v.Kind() != lpdf.Dict {
			return
		}
		if res := v.Key("Resources"); res.Kind() == lpdf.Dict {
			inh.res = res
		}
		if r := v.Key("Rotate"); r.Kind() == lpdf.Integer || r.Kind() == lpdf.Real {
			// a multiple of 90; anything else is not a rotation a viewer shows
			if deg := int(num(r)); deg%90 == 0 {
				inh.rotate = (deg/90%4 + 4) % 4
			}
		}
		if mb := v.Key("MediaBox"); mb.Len() == 4 {
			for i := 0; i < 4; i++ {
				inh.mediaBox[i] = num(mb.Index(i))
			}
			inh.hasMedia = true
		}
		kids := v.Key("Kids")
		typ := v.Key("Type").Name()
		if kids.Kind() == lpdf.Array {
			// an inner node seen before: a cycle (or a shared subtree, which
			// is just as broken)
			k := v.String()
			if seen[k] {
				return
			}
			seen[k] = true
		}
		if typ == "Page" || (typ == "" && kids.Kind() != lpdf.Array && v.Key("Contents").Kind() != lpdf.Null) {
			inh.v = v
			pages = append(pages, inh)
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(func() lpdf.Value { return kids.Index(i) }, inh, depth+1)
		}
	}
	walk(func() lpdf.Value { return root.Key("Pages") }, pageRef{}, 0)
	return pages, nil
}

// readPage interprets and lays out one page. It never panics.
func readPage(ctx context.Context, pr pageRef, n int, fonts *fontCache) (page letopis.Page, hasText, hasImage bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && (errors.Is(e, errBudget) || errors.Is(e, context.DeadlineExceeded) || errors.Is(e, context.Canceled)) {
				err = e
				return
			}
			err = fmt.Errorf("damaged page content: %s", oneLine(fmt.Errorf("%v", r)))
		}
	}()
	page.Number = n
	if pr.err != nil {
		return page, false, false, pr.err
	}
	mb := pr.mediaBox
	if !pr.hasMedia || mb[2]-mb[0] <= 0 || mb[3]-mb[1] <= 0 {
		mb = [4]float64{0, 0, 595.28, 841.89}
	}
	// the page as displayed: the media box turned by /Rotate
	w, h := mb[2]-mb[0], mb[3]-mb[1]
	display := matrix{1, 0, 0, 1, -mb[0], -mb[1]}.mul(turn(pr.rotate, w, h))
	if pr.rotate&1 == 1 {
		w, h = h, w
	}
	page.Width, page.Height = w, h
	in := &interp{ctx: ctx, fonts: fonts, out: &pageContent{}, frames: frames(w, h)}
	contents := pr.v.Key("Contents")
	if contents.Kind() == lpdf.Stream || contents.Kind() == lpdf.Array {
		in.run(contents, pr.res, display, 0)
	}
	pc := in.out
	for _, g := range pc.glyphs {
		if !g.space {
			hasText = true
			break
		}
	}
	hasImage = pc.imageArea > 0.25*page.Width*page.Height
	if err := ctx.Err(); err != nil {
		return page, false, false, err
	}
	page.Blocks, page.Width, page.Height = layoutPage(ctx, pc, n, page.Width, page.Height)
	return page, hasText, hasImage, nil
}
