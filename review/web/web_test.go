package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/letopis/letopis/internal/pdfrepeat"

	_ "github.com/letopis/letopis/extract/all"
	"github.com/letopis/letopis/importer"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/review"
)

// warehouse imports files into a new warehouse and returns its path.
func warehouse(t testing.TB, org string, files ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "w.duckdb")
	w, err := load.Open(context.Background(), db, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	c, err := importer.Run(context.Background(), files, importer.Options{Store: w, Organisation: org, Workers: 1})
	if err != nil || c.Failed > 0 {
		t.Fatalf("import %v: %+v, %v", files, c, err)
	}
	return db
}

// opener opens the warehouse for each use, one at a time, as the command
// does (its lock file aside).
func opener(db string) review.Opener {
	var mu sync.Mutex
	return func(ctx context.Context, write bool) (review.Store, func(), error) {
		mu.Lock()
		w, err := load.Open(ctx, db, load.Options{ReadOnly: !write})
		if err != nil {
			mu.Unlock()
			return nil, nil, err
		}
		return w, func() { w.Close(); mu.Unlock() }, nil
	}
}

const sessionToken = "session-token-for-tests"

func testHandler(t testing.TB, db, access string) http.Handler {
	t.Helper()
	h, err := New(Options{Service: &review.Service{Open: opener(db), Reviewer: "tester"}, AccessToken: access, SessionToken: sessionToken})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func copyFile(t testing.TB, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func shaOf(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

type call struct {
	method, path, body string
	header             map[string]string
}

func do(h http.Handler, c call) *httptest.ResponseRecorder {
	req := httptest.NewRequest(c.method, "http://127.0.0.1:8765"+c.path, strings.NewReader(c.body))
	for k, v := range c.header {
		req.Header.Set(k, v)
		if k == "Host" {
			req.Host = v
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func writeHeaders() map[string]string {
	return map[string]string{"Content-Type": "application/json", TokenHeader: sessionToken, "Sec-Fetch-Site": "same-origin"}
}

type pageData struct {
	Facts   []factJSON    `json:"facts"`
	Refused []refusedJSON `json:"refused"`
	Texts   []string      `json:"texts"`
}

func data(t *testing.T, h http.Handler, sha string) pageData {
	t.Helper()
	rec := do(h, call{method: "GET", path: "/source/" + sha + "/data"})
	if rec.Code != 200 {
		t.Fatalf("data: %d %s", rec.Code, rec.Body)
	}
	var d pageData
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestHandlers: what each address answers, and what it refuses.
func TestHandlers(t *testing.T) {
	dir := t.TempDir()
	pdf := copyFile(t, filepath.Join("..", "..", "testdata", "novus-2020-brochure.pdf"), dir)
	db := warehouse(t, `<b>NOVUS</b> & "drugi"`, pdf)
	h := testHandler(t, db, "")
	sha := shaOf(t, pdf)
	d := data(t, h, sha)
	if len(d.Facts) != 73 || len(d.Refused) == 0 || d.Facts[0].SnippetRef == nil {
		t.Fatalf("data: %d facts, %d refused", len(d.Facts), len(d.Refused))
	}
	fid := d.Facts[0].ID
	pdfBytes, _ := os.ReadFile(pdf)

	for _, tt := range []struct {
		name   string
		call   call
		status int
		has    []string // in the body
		hasNot []string
		header map[string]string
	}{
		{"sources", call{method: "GET", path: "/"}, 200,
			[]string{"novus-2020-brochure.pdf", "&lt;b&gt;NOVUS&lt;/b&gt; &amp; &#34;drugi&#34;", "/source/" + sha}, []string{"<b>NOVUS"},
			map[string]string{"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"}},
		{"source page", call{method: "GET", path: "/source/" + sha}, 200,
			[]string{`<meta name="letopis-token" content="` + sessionToken + `">`, `"file":"/source/` + sha + `/file"`, `\u003cb\u003eNOVUS`}, []string{"<b>NOVUS"}, nil},
		{"unknown source", call{method: "GET", path: "/source/" + strings.Repeat("0", 64)}, 404, []string{"not found"}, nil, nil},
		{"not a source id", call{method: "GET", path: "/source/1"}, 404, nil, nil, nil},
		{"file", call{method: "GET", path: "/source/" + sha + "/file"}, 200, nil, nil,
			map[string]string{"Content-Type": "application/pdf", "Content-Security-Policy": "sandbox; default-src 'none'", "Content-Disposition": `attachment; filename=novus-2020-brochure.pdf`}},
		{"file of no source", call{method: "GET", path: "/source/" + strings.Repeat("a", 64) + "/file"}, 404, nil, nil, nil},
		{"indicator", call{method: "GET", path: "/indicator?key=" + d.Facts[0].IndicatorKey}, 200, []string{`"years":[2020]`, d.Facts[0].Indicator}, nil, nil},
		{"asset", call{method: "GET", path: "/assets/x/review.js"}, 404, nil, nil, nil},
		{"unknown address", call{method: "GET", path: "/etc/passwd"}, 404, nil, nil, nil},
		{"rebound host", call{method: "GET", path: "/", header: map[string]string{"Host": "evil.example:8765"}}, 421, nil, nil, nil},
		{"write without token", call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"` + fid + `"}`,
			header: map[string]string{"Content-Type": "application/json"}}, 403, []string{"session token"}, nil, nil},
		{"write with a wrong token", call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"` + fid + `"}`,
			header: map[string]string{"Content-Type": "application/json", TokenHeader: "guess"}}, 403, nil, nil, nil},
		{"write from another site", call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"` + fid + `"}`,
			header: map[string]string{"Content-Type": "application/json", TokenHeader: sessionToken, "Sec-Fetch-Site": "cross-site"}}, 403, nil, nil, nil},
		{"write as a form", call{method: "POST", path: "/api/review", body: `action=accept`,
			header: map[string]string{"Content-Type": "application/x-www-form-urlencoded", TokenHeader: sessionToken}}, 415, nil, nil, nil},
		{"write by GET", call{method: "GET", path: "/api/review"}, 405, nil, nil, nil},
		{"unknown field", call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"` + fid + `","sql":"DROP"}`, header: writeHeaders()}, 400, nil, nil, nil},
		{"unknown unit", call{method: "POST", path: "/api/review", body: `{"action":"edit","fact_id":"` + fid + `","set":{"unit":"parsecs"}}`, header: writeHeaders()}, 400, []string{"not a unit"}, nil, nil},
		{"not a number", call{method: "POST", path: "/api/review", body: `{"action":"edit","fact_id":"` + fid + `","set":{"value":"dvajset"}}`, header: writeHeaders()}, 400, []string{"not a number"}, nil, nil},
		{"reject without reason", call{method: "POST", path: "/api/review", body: `{"action":"reject","fact_id":"` + fid + `"}`, header: writeHeaders()}, 400, []string{"reason"}, nil, nil},
		{"unknown fact", call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"nope"}`, header: writeHeaders()}, 400, []string{"no fact"}, nil, nil},
		{"accept", call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"` + fid + `"}`, header: writeHeaders()}, 200, []string{`"status":"accepted"`}, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(h, tt.call)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			body := rec.Body.String()
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q:\n%.2000s", s, body)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(body, s) {
					t.Errorf("body has %q", s)
				}
			}
			for k, v := range tt.header {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("header %s: %q, want %q", k, got, v)
				}
			}
			if tt.name == "file" && !bytes.Equal(rec.Body.Bytes(), pdfBytes) {
				t.Errorf("the file served is not the file imported")
			}
		})
	}

	// Corrections change the data, and the view facts.
	for _, c := range []string{
		`{"action":"edit","fact_id":"` + d.Facts[1].ID + `","set":{"value":"1.234,5","unit":"events"}}`,
		`{"action":"reject","fact_id":"` + d.Facts[2].ID + `","reason":"a page number"}`,
		`{"action":"add","source":"` + sha + `","page":3,"bbox":[100,200,130,212],"snippet":"42 prostovoljcev","set":{"value":"42","indicator":"prostovoljcev","unit":"persons"}}`,
		`{"action":"promote","source":"` + sha + `","refused_seq":` + itoa(d.Refused[0].Seq) + `,"set":{"indicator":"leto poročila","value":"2020"}}`,
	} {
		if rec := do(h, call{method: "POST", path: "/api/review", body: c, header: writeHeaders()}); rec.Code != 200 {
			t.Fatalf("%s: %d %s", c, rec.Code, rec.Body)
		}
	}
	d2 := data(t, h, sha)
	status := map[string]string{}
	for _, f := range d2.Facts {
		status[f.ID] = f.Status
	}
	if status[d.Facts[1].ID] != "corrected" || status[d.Facts[2].ID] != "rejected" || len(d2.Facts) != 75 || d2.Refused[0].PromotedTo == "" {
		t.Errorf("after corrections: %v, %d facts, promoted %q", status, len(d2.Facts), d2.Refused[0].PromotedTo)
	}
	w, err := load.Open(context.Background(), db, load.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	tab, err := w.Query(context.Background(), `SELECT review_status, count(*), sum(value) FILTER (WHERE unit = 'events' AND review_status = 'corrected') FROM facts GROUP BY 1 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, r := range tab.Rows {
		got += r[0].(string) + "=" + itoa(int(r[1].(int64))) + " "
	}
	if got != "accepted=1 added=2 corrected=1 unreviewed=70 " || tab.Rows[2][2].(float64) != 1234.5 {
		t.Errorf("facts by review_status: %s (%v)", got, tab.Rows)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestAccessToken: beyond loopback every request needs the token; a first
// visit with ?token= sets a cookie.
func TestAccessToken(t *testing.T) {
	dir := t.TempDir()
	db := warehouse(t, "", copyFile(t, filepath.Join("..", "..", "testdata", "kazalniki-2020-cp1250.csv"), dir))
	h := testHandler(t, db, "access-token-0123456789")
	other := map[string]string{"Host": "reports.example.org:8765"}
	if rec := do(h, call{method: "GET", path: "/", header: other}); rec.Code != 401 {
		t.Errorf("no token: %d", rec.Code)
	}
	if rec := do(h, call{method: "GET", path: "/?token=wrong", header: other}); rec.Code != 401 {
		t.Errorf("wrong token: %d", rec.Code)
	}
	rec := do(h, call{method: "GET", path: "/?token=access-token-0123456789", header: other})
	if rec.Code != 303 || rec.Header().Get("Location") != "/" || !strings.Contains(rec.Header().Get("Set-Cookie"), "HttpOnly") {
		t.Fatalf("first visit: %d %v", rec.Code, rec.Header())
	}
	cookie := strings.Split(rec.Header().Get("Set-Cookie"), ";")[0]
	if rec := do(h, call{method: "GET", path: "/", header: map[string]string{"Host": other["Host"], "Cookie": cookie}}); rec.Code != 200 {
		t.Errorf("with the cookie: %d", rec.Code)
	}
	if rec := do(h, call{method: "GET", path: "/", header: map[string]string{"Host": other["Host"], "Authorization": "Bearer access-token-0123456789"}}); rec.Code != 200 {
		t.Errorf("with a bearer token: %d", rec.Code)
	}
}

// TestBusy: while an import holds the warehouse, a page says so and
// tries again, and a write answers 503.
func TestBusy(t *testing.T) {
	busy := func(context.Context, bool) (review.Store, func(), error) {
		return nil, nil, &load.WarehouseError{Path: "w.duckdb", Err: load.ErrLocked}
	}
	h, err := New(Options{Service: &review.Service{Open: busy}, SessionToken: sessionToken})
	if err != nil {
		t.Fatal(err)
	}
	rec := do(h, call{method: "GET", path: "/"})
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), `http-equiv="refresh"`) {
		t.Errorf("page while busy: %d %s", rec.Code, rec.Body)
	}
	rec = do(h, call{method: "POST", path: "/api/review", body: `{"action":"accept","fact_id":"x"}`, header: writeHeaders()})
	var body struct {
		Busy bool
	}
	json.Unmarshal(rec.Body.Bytes(), &body)
	if rec.Code != 503 || !body.Busy {
		t.Errorf("write while busy: %d %s", rec.Code, rec.Body)
	}
	if !review.Busy(&load.WarehouseError{Err: load.ErrLocked}) || review.Busy(errors.New("x")) {
		t.Error("review.Busy")
	}
}

// TestGoneAndChangedFiles: a source whose file is gone or changed still
// lists its facts; its file is not served.
func TestGoneAndChangedFiles(t *testing.T) {
	dir := t.TempDir()
	pdf := copyFile(t, filepath.Join("..", "..", "testdata", "novus-2020-brochure.pdf"), dir)
	db := warehouse(t, "", pdf)
	sha := shaOf(t, pdf)
	for _, tt := range []struct {
		name   string
		change func()
		want   string
	}{
		{"changed", func() { os.WriteFile(pdf, []byte("%PDF-1.4 other bytes"), 0o644) }, "has changed since it was imported"},
		{"gone", func() { os.Remove(pdf) }, "the file is gone"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			h := testHandler(t, db, "")
			if rec := do(h, call{method: "GET", path: "/source/" + sha + "/file"}); rec.Code != 404 {
				t.Errorf("file: %d", rec.Code)
			}
			rec := do(h, call{method: "GET", path: "/source/" + sha})
			if rec.Code != 200 || !strings.Contains(rec.Body.String(), tt.want) {
				t.Errorf("page: %d, lacks %q", rec.Code, tt.want)
			}
			if d := data(t, h, sha); len(d.Facts) != 73 {
				t.Errorf("%d facts listed", len(d.Facts))
			}
		})
	}
}

// TestArchivedFile: a file the import moved to the archive is served from
// there.
func TestArchivedFile(t *testing.T) {
	dir := t.TempDir()
	pdf := copyFile(t, filepath.Join("..", "..", "testdata", "novus-2020-brochure.pdf"), dir)
	want, _ := os.ReadFile(pdf)
	db := filepath.Join(dir, "w.duckdb")
	w, err := load.Open(context.Background(), db, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(dir, "done")
	if _, err := importer.Run(context.Background(), []string{pdf}, importer.Options{Store: w, Archive: archive, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, err := os.Stat(pdf); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the file was not moved: %v", err)
	}
	rec := do(testHandler(t, db, ""), call{method: "GET", path: "/source/" + hexSHA(want) + "/file"})
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), want) {
		t.Errorf("archived file: %d, %d bytes", rec.Code, rec.Body.Len())
	}
}

func hexSHA(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestAssets: every embedded asset is served with its type, under the
// address the pages name.
func TestAssets(t *testing.T) {
	h := testHandler(t, warehouse(t, "", copyFile(t, filepath.Join("..", "..", "testdata", "kazalniki-2020-cp1250.csv"), t.TempDir())), "")
	rec := do(h, call{method: "GET", path: "/"})
	i := strings.Index(rec.Body.String(), "/assets/")
	if i < 0 {
		t.Fatal("no asset named on the sources page")
	}
	base := rec.Body.String()[i : i+len("/assets/")+13]
	for p, ct := range map[string]string{"review.js": "text/javascript", "style.css": "text/css", "vendor/pdfjs/pdf.min.mjs": "text/javascript",
		"vendor/pdfjs/pdf.worker.min.mjs": "text/javascript", "vendor/pdfjs/wasm/openjpeg.wasm": "application/wasm", "vendor/uplot/uPlot.iife.min.js": "text/javascript",
		"vendor/pdfjs/standard_fonts/LiberationSans-Regular.ttf": "font/ttf"} {
		rec := do(h, call{method: "GET", path: base + p})
		if rec.Code != 200 || rec.Header().Get("Content-Type") != ct || rec.Body.Len() == 0 {
			t.Errorf("%s: %d %q", p, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
	if rec := do(h, call{method: "GET", path: base + "../web.go"}); rec.Code == 200 {
		t.Errorf("a file outside the assets was served")
	}
}

// BenchmarkOpenReviewPage100Pages opens the review page of a 110-page
// report (the 2020 brochure ten times: 730 facts, 1,170 refused values):
// the page, its facts and the file, as the browser asks for them.
func BenchmarkOpenReviewPage100Pages(b *testing.B) {
	dir := b.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "novus-2020-brochure.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	big, err := pdfrepeat.Repeat(src, 10)
	if err != nil {
		b.Fatal(err)
	}
	pdf := filepath.Join(dir, "big.pdf")
	if err := os.WriteFile(pdf, big, 0o644); err != nil {
		b.Fatal(err)
	}
	db := warehouse(b, "", pdf)
	sha := hexSHA(big)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// a new server each time: nothing known from an earlier opening
		h := testHandler(b, db, "")
		for _, p := range []string{"/source/" + sha, "/source/" + sha + "/data", "/source/" + sha + "/file"} {
			if rec := do(h, call{method: "GET", path: p}); rec.Code != 200 {
				b.Fatalf("%s: %d", p, rec.Code)
			}
		}
	}
}

// TestSheets: a workbook's sheets come as grids of the text a person sees,
// with the cells of its facts in them.
func TestSheets(t *testing.T) {
	dir := t.TempDir()
	xlsx := copyFile(t, filepath.Join("..", "..", "testdata", "kazalniki-2020.xlsx"), dir)
	h := testHandler(t, warehouse(t, "", xlsx), "")
	sha := shaOf(t, xlsx)
	rec := do(h, call{method: "GET", path: "/source/" + sha + "/sheets"})
	var grids []struct {
		Sheet string
		Rows  [][]string
	}
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &grids) != nil || len(grids) == 0 {
		t.Fatalf("sheets: %d %.300s", rec.Code, rec.Body)
	}
	d := data(t, h, sha)
	found := 0
	for _, f := range d.Facts {
		for _, g := range grids {
			if g.Sheet != f.Sheet {
				continue
			}
			col, row := splitRef(f.Cell)
			if row < len(g.Rows) && col < len(g.Rows[row]) && g.Rows[row][col] != "" {
				found++
			}
		}
	}
	if len(d.Facts) == 0 || found != len(d.Facts) {
		t.Errorf("%d of %d facts' cells found in the grids", found, len(d.Facts))
	}
}

// splitRef turns an A1 reference into 0-based column and row.
func splitRef(ref string) (col, row int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, _ = strconv.Atoi(ref[i:])
	return col - 1, row - 1
}
