// Package web is the review page: an HTTP front end over package review,
// served by `letopis review`. Pages are html/template, scripts and styles
// are embedded files (go:embed), PDF pages are drawn in the browser by
// PDF.js and charts by uPlot, both vendored under assets/vendor; nothing is
// loaded from another host.
//
// Safety: a report's text is hostile input, so every page is made by
// html/template (text escaped, data as JSON in a data block) and the
// scripts put text into the page only as text (textContent), under a
// Content-Security-Policy that allows scripts, styles, fonts, images and
// connections of this origin only. Every write needs the session token
// the pages carry (a header a cross-site form or fetch cannot send);
// without an access token only loopback host names are answered (no DNS
// rebinding); with one, every request needs it. Only the recorded source
// files are served, and only when their bytes are those imported.
package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/review"
)

//go:embed assets templates
var files embed.FS

// Options configure the handler.
type Options struct {
	// Service is the review of the warehouse.
	Service *review.Service
	// AccessToken, if not "", is needed by every request: as the cookie
	// the page sets after a first visit with ?token=…, or as
	// "Authorization: Bearer …". It must be set to listen beyond loopback.
	AccessToken string
	// SessionToken is needed by every write (header X-Letopis-Token); a
	// random one if "".
	SessionToken string
	// Log hears errors of requests; nil for none.
	Log *slog.Logger
}

// TokenHeader is the header a write carries the session token in.
const TokenHeader = "X-Letopis-Token"

const accessCookie = "letopis_access"

// maxBody bounds the body of a write.
const maxBody = 64 << 10

type server struct {
	svc       *review.Service
	access    string
	session   string
	log       *slog.Logger
	pages     map[string]*template.Template
	assets    fs.FS
	assetBase string // /assets/HASH/

	mu       sync.Mutex
	prefetch map[string]*prefetched // a source's facts, read while its page's frame loads
}

// prefetched is a source's facts read for the page whose frame was just
// served; the page's first request for them takes them (once).
type prefetched struct {
	done chan struct{}
	page *review.Page
	err  error
	at   time.Time
}

// prefetchFor is how long prefetched facts wait for their page; a write
// drops them all.
const prefetchFor = 5 * time.Second

// startPrefetch reads a source's facts in the background, so that they
// are read while the browser loads the page's scripts and the file.
func (s *server) startPrefetch(sha string) {
	p := &prefetched{done: make(chan struct{}), at: time.Now()}
	s.mu.Lock()
	if s.prefetch == nil {
		s.prefetch = map[string]*prefetched{}
	}
	for k, old := range s.prefetch {
		if time.Since(old.at) > prefetchFor {
			delete(s.prefetch, k)
		}
	}
	s.prefetch[sha] = p
	s.mu.Unlock()
	go func() {
		defer close(p.done)
		ctx, cancel := context.WithTimeout(context.Background(), prefetchFor)
		defer cancel()
		p.page, p.err = s.svc.Source(ctx, sha)
	}()
}

// takePrefetch returns the facts read for a page just served, or nil.
func (s *server) takePrefetch(ctx context.Context, sha string) *review.Page {
	s.mu.Lock()
	p := s.prefetch[sha]
	delete(s.prefetch, sha)
	s.mu.Unlock()
	if p == nil || time.Since(p.at) > prefetchFor {
		return nil
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		return nil
	}
	if p.err != nil {
		return nil
	}
	return p.page
}

// New returns the handler of the review page.
func New(o Options) (http.Handler, error) {
	if o.Service == nil {
		return nil, errors.New("web: no review service")
	}
	s := &server{svc: o.Service, access: o.AccessToken, session: o.SessionToken, log: o.Log}
	if s.session == "" {
		s.session = RandomToken()
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	assets, err := fs.Sub(files, "assets")
	if err != nil {
		return nil, err
	}
	s.assets = assets
	sum, err := hashFS(assets)
	if err != nil {
		return nil, err
	}
	s.assetBase = "/assets/" + sum[:12] + "/"
	funcs := template.FuncMap{
		"num":     formatNumber,
		"percent": func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + " %" },
		"date":    func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") },
		"asset":   func(p string) string { return s.assetBase + p },
		"query":   url.QueryEscape,
	}
	s.pages = map[string]*template.Template{}
	for _, p := range []string{"sources", "source", "indicator", "error"} {
		t, err := template.New(p).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+p+".html")
		if err != nil {
			return nil, err
		}
		s.pages[p] = t
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.sources)
	mux.HandleFunc("GET /source/{id}", s.source)
	mux.HandleFunc("GET /source/{id}/data", s.sourceData)
	mux.HandleFunc("GET /source/{id}/file", s.file)
	mux.HandleFunc("GET /source/{id}/sheets", s.sheets)
	mux.HandleFunc("GET /indicator", s.indicator)
	mux.HandleFunc("POST /api/review", s.correct)
	mux.HandleFunc("GET "+s.assetBase+"{path...}", s.asset)
	return s.guard(mux), nil
}

// RandomToken returns 32 random bytes in hex.
func RandomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

func hashFS(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// csp allows this origin's scripts, styles, fonts, images, workers and
// connections only; PDF.js's WebAssembly decoders need wasm-unsafe-eval,
// its fonts data: and its canvases blob:.
const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
	"font-src 'self' data:; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// guard checks every request (host, access token) and sets the safety
// headers of every answer.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.access == "" {
			if !loopbackHost(r.Host) {
				http.Error(w, "letopis review answers only to localhost, 127.0.0.1 or [::1]", http.StatusMisdirectedRequest)
				return
			}
		} else if !s.authorised(w, r) {
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether the Host header names this machine's
// loopback: a page of another site that rebinds its name to 127.0.0.1
// sends its own name, and is refused.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorised checks the access token: the cookie, a bearer header, or a
// first visit's ?token=, which sets the cookie and redirects to the page
// without it.
func (s *server) authorised(w http.ResponseWriter, r *http.Request) bool {
	if c, err := r.Cookie(accessCookie); err == nil && equal(c.Value, s.access) {
		return true
	}
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") && equal(strings.TrimPrefix(a, "Bearer "), s.access) {
		return true
	}
	if t := r.URL.Query().Get("token"); t != "" && equal(t, s.access) && r.Method == http.MethodGet {
		http.SetCookie(w, &http.Cookie{Name: accessCookie, Value: s.access, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		q := r.URL.Query()
		q.Del("token")
		u := *r.URL
		u.RawQuery = q.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	http.Error(w, "letopis review: open the address with ?token=… as printed when it started", http.StatusUnauthorized)
	return false
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// layout is what every page's template gets.
type layout struct {
	Title string
	Token string
	Data  any // the page's own data
	JSON  any // data for the page's script, in a JSON data block; nil for none
}

func (s *server) render(w http.ResponseWriter, page string, status int, l layout) {
	l.Token = s.session
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := s.pages[page].ExecuteTemplate(w, "layout", l); err != nil {
		s.log.Error("render", "page", page, "error", err)
	}
}

// fail answers an error: a page for a person, JSON for a script.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error, asJSON bool) {
	status := http.StatusInternalServerError
	var inv *review.InvalidError
	switch {
	case review.Busy(err):
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "2")
		err = review.ErrBusy
	case errors.Is(err, review.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		status = http.StatusNotFound
	case errors.As(err, &inv):
		status = http.StatusBadRequest
	case errors.Is(err, context.Canceled):
		return
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if status == http.StatusInternalServerError {
		s.log.Error("request", "method", r.Method, "path", r.URL.Path, "error", msg)
	}
	if asJSON {
		writeJSON(w, status, map[string]any{"error": msg, "busy": status == http.StatusServiceUnavailable})
		return
	}
	s.render(w, "error", status, layout{Title: http.StatusText(status), Data: map[string]any{"Message": msg, "Busy": status == http.StatusServiceUnavailable}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *server) sources(w http.ResponseWriter, r *http.Request) {
	ov, err := s.svc.Sources(r.Context())
	if err != nil {
		s.fail(w, r, err, false)
		return
	}
	s.render(w, "sources", http.StatusOK, layout{Title: "Sources", Data: ov})
}

// sourceID is the source named by the path: the SHA-256 of its bytes, so
// that its address stays the same when it is imported again.
func sourceID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if len(id) != 64 || strings.Trim(id, "0123456789abcdef") != "" {
		return "", fmt.Errorf("source %q: %w", id, review.ErrNotFound)
	}
	return id, nil
}

// source is the page of one source: its frame, with what its script needs
// to start drawing the file at once; the facts come from sourceData,
// fetched while the file is read.
func (s *server) source(w http.ResponseWriter, r *http.Request) {
	id, err := sourceID(r)
	if err != nil {
		s.fail(w, r, err, false)
		return
	}
	src, err := s.svc.SourceInfo(r.Context(), id)
	if err != nil {
		s.fail(w, r, err, false)
		return
	}
	d := pageJSON(&review.Page{Source: *src}, s.assetBase)
	d.Facts, d.Refused = nil, nil
	d.Data = "/source/" + src.SHA256 + "/data"
	s.startPrefetch(src.SHA256)
	s.render(w, "source", http.StatusOK, layout{Title: filepath.Base(src.Path), Data: src, JSON: d})
}

func (s *server) sourceData(w http.ResponseWriter, r *http.Request) {
	var p *review.Page
	id, err := sourceID(r)
	if err == nil {
		if p = s.takePrefetch(r.Context(), id); p == nil {
			p, err = s.svc.Source(r.Context(), id)
		}
	}
	if err != nil {
		s.fail(w, r, err, true)
		return
	}
	writeJSON(w, http.StatusOK, pageJSON(p, s.assetBase))
}

// file serves a source's bytes: only a recorded source, only from where
// the import left it, only if they are the bytes imported. It is served
// as a download in a sandbox, never as a page of this origin.
func (s *server) file(w http.ResponseWriter, r *http.Request) {
	id, err := sourceID(r)
	if err != nil {
		s.fail(w, r, err, false)
		return
	}
	src, err := s.svc.SourceFile(r.Context(), id)
	if err != nil {
		s.fail(w, r, err, false)
		return
	}
	f, err := os.Open(src.File.Path)
	if err != nil {
		s.fail(w, r, fmt.Errorf("source %s: %w", src.Path, review.ErrNotFound), false)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() != src.Size {
		s.fail(w, r, fmt.Errorf("source %s: the file has changed: %w", src.Path, review.ErrNotFound), false)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	h.Set("Content-Type", "application/octet-stream")
	if src.Format == "pdf" {
		h.Set("Content-Type", "application/pdf")
	}
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filepath.Base(src.File.Path)}))
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+src.SHA256+`"`)
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

func (s *server) sheets(w http.ResponseWriter, r *http.Request) {
	id, err := sourceID(r)
	if err != nil {
		s.fail(w, r, err, true)
		return
	}
	grids, err := s.svc.Sheets(r.Context(), id)
	if err != nil {
		s.fail(w, r, err, true)
		return
	}
	writeJSON(w, http.StatusOK, grids)
}

// correct records a correction. It needs the session token in its header
// and a JSON body: a cross-site form cannot send either, and a cross-site
// fetch with them needs a preflight this server never allows.
func (s *server) correct(w http.ResponseWriter, r *http.Request) {
	if !equal(r.Header.Get(TokenHeader), s.session) {
		writeJSON(w, http.StatusForbidden, map[string]any{"error": "refused: a write needs the page's session token"})
		return
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		writeJSON(w, http.StatusForbidden, map[string]any{"error": "refused: a write from another site"})
		return
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		writeJSON(w, http.StatusUnsupportedMediaType, map[string]any{"error": "a write is a JSON body (Content-Type: application/json)"})
		return
	}
	var c review.Correction
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "a correction: " + err.Error()})
		return
	}
	rf, err := s.svc.Correct(r.Context(), c)
	s.mu.Lock()
	s.prefetch = nil // read before this write
	s.mu.Unlock()
	if err != nil {
		s.fail(w, r, err, true)
		return
	}
	writeJSON(w, http.StatusOK, factOf(rf))
}

func (s *server) indicator(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimSpace(r.URL.Query().Get("key"))
	if key == "" {
		s.fail(w, r, fmt.Errorf("no indicator key given: %w", review.ErrNotFound), false)
		return
	}
	pts, err := s.svc.Indicator(r.Context(), key)
	if err != nil {
		s.fail(w, r, err, false)
		return
	}
	s.render(w, "indicator", http.StatusOK, layout{Title: key, Data: map[string]any{"Key": key, "Points": pts}, JSON: seriesJSON(key, pts)})
}

// asset serves an embedded file under the content hash of all assets, so
// it can be kept by the browser for good.
func (s *server) asset(w http.ResponseWriter, r *http.Request) {
	p := path.Clean(r.PathValue("path"))
	b, err := fs.ReadFile(s.assets, p)
	if err != nil || strings.HasPrefix(p, ".") {
		http.NotFound(w, r)
		return
	}
	ct := map[string]string{".mjs": "text/javascript", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
		".ttf": "font/ttf", ".pfb": "application/octet-stream", ".icc": "application/vnd.iccprofile", ".png": "image/png",
		".svg": "image/svg+xml"}[path.Ext(p)]
	if ct == "" {
		ct = "text/plain; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(b)
}

// formatNumber writes a value as the report would: 1.234,5.
func formatNumber(f float64) string {
	neg := f < 0
	if neg {
		f = -f
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// factJSON is a fact as the page's script reads it.
type factJSON struct {
	ID           string      `json:"id"`
	Seq          int         `json:"seq"`
	Status       string      `json:"status"`
	Value        float64     `json:"value"`
	Unit         string      `json:"unit"`
	Qualifier    string      `json:"qualifier"`
	Kind         string      `json:"kind"`
	Target       *float64    `json:"target"`
	ShareValue   *float64    `json:"share_value"`
	ShareOf      string      `json:"share_of"`
	Activity     string      `json:"activity"`
	ActivityKey  string      `json:"activity_key"`
	Indicator    string      `json:"indicator"`
	IndicatorKey string      `json:"indicator_key"`
	Page         int         `json:"page"`
	Sheet        string      `json:"sheet,omitempty"`
	Cell         string      `json:"cell,omitempty"`
	Box          *[4]float64 `json:"box"`
	Snippet      string      `json:"snippet,omitempty"`
	SnippetRef   *int        `json:"snippet_ref,omitempty"` // in a page's data: the snippet is texts[snippet_ref]
	Confidence   float64     `json:"confidence"`
	Total        bool        `json:"total,omitempty"`
	OCR          bool        `json:"ocr,omitempty"`
	Reason       string      `json:"reason,omitempty"`
	Reviewer     string      `json:"reviewer,omitempty"`
	ReviewedAt   string      `json:"reviewed_at,omitempty"`
	Read         *readJSON   `json:"read,omitempty"` // as the import read it, for a reviewed fact
	Added        bool        `json:"added,omitempty"`
}

type readJSON struct {
	Value        float64  `json:"value"`
	Unit         string   `json:"unit"`
	Qualifier    string   `json:"qualifier"`
	Target       *float64 `json:"target"`
	Activity     string   `json:"activity"`
	Indicator    string   `json:"indicator"`
	IndicatorKey string   `json:"indicator_key"`
}

type refusedJSON struct {
	Seq        int         `json:"seq"`
	Text       string      `json:"text"`
	Reason     string      `json:"reason"`
	Activity   string      `json:"activity"`
	Page       int         `json:"page"`
	Sheet      string      `json:"sheet,omitempty"`
	Cell       string      `json:"cell,omitempty"`
	Box        *[4]float64 `json:"box"`
	Snippet    string      `json:"snippet,omitempty"`
	SnippetRef *int        `json:"snippet_ref,omitempty"`
	PromotedTo string      `json:"promoted_to,omitempty"`
}

type sourceJSON struct {
	SHA256       string `json:"sha256"`
	Path         string `json:"path"`
	Format       string `json:"format"`
	Organisation string `json:"organisation"`
	Year         int    `json:"year"`
	File         string `json:"file"`         // URL of the file, "" if it is not there
	FileProblem  string `json:"file_problem"` // why not
}

type pageDataJSON struct {
	Source  sourceJSON    `json:"source"`
	Facts   []factJSON    `json:"facts"`
	Refused []refusedJSON `json:"refused"`
	Assets  string        `json:"assets"`
	Units   []string      `json:"units"`
	Data    string        `json:"data,omitempty"`  // where the facts are, on the page's frame
	Texts   []string      `json:"texts,omitempty"` // the snippets, each once (a sentence holds several values)
}

func box(b letopis.BBox) *[4]float64 {
	if b == (letopis.BBox{}) {
		return nil
	}
	return &[4]float64{b.X0, b.Y0, b.X1, b.Y1}
}

func factOf(rf *load.ReviewFact) factJSON {
	f := &rf.Fact
	j := factJSON{ID: f.ID, Seq: rf.Seq, Status: rf.Status, Value: f.Value, Unit: string(f.Unit), Qualifier: string(f.Qualifier), Kind: string(f.Kind),
		Target: f.Target, ShareValue: f.ShareValue, ShareOf: f.ShareOf, Activity: f.Activity, ActivityKey: f.ActivityKey,
		Indicator: f.Indicator, IndicatorKey: f.IndicatorKey, Page: f.Location.Page, Sheet: f.Location.Sheet, Cell: f.Location.Cell,
		Box: box(f.Location.BBox), Snippet: f.Snippet, Confidence: f.Confidence, Total: f.Total, OCR: f.OCR, Added: rf.Read == nil}
	if rv := rf.Review; rv != nil {
		j.Reason, j.Reviewer, j.ReviewedAt = rv.Reason, rv.Reviewer, rv.At.Format(time.RFC3339)
	}
	if rd := rf.Read; rd != nil && rf.Review != nil {
		j.Read = &readJSON{Value: rd.Value, Unit: string(rd.Unit), Qualifier: string(rd.Qualifier), Target: rd.Target,
			Activity: rd.Activity, Indicator: rd.Indicator, IndicatorKey: rd.IndicatorKey}
	}
	return j
}

func pageJSON(p *review.Page, assets string) pageDataJSON {
	src := &p.Source
	d := pageDataJSON{Assets: assets, Facts: make([]factJSON, 0, len(p.Facts)), Refused: make([]refusedJSON, 0, len(p.Refused)),
		Source: sourceJSON{SHA256: src.SHA256, Path: src.Path, Format: src.Format, Organisation: src.Organisation, Year: src.Year, FileProblem: src.File.Problem}}
	if src.File.Path != "" {
		d.Source.File = "/source/" + src.SHA256 + "/file"
	}
	for _, u := range letopis.Units {
		d.Units = append(d.Units, string(u))
	}
	texts := map[string]int{}
	ref := func(s *string) *int {
		i, ok := texts[*s]
		if !ok {
			i = len(d.Texts)
			texts[*s] = i
			d.Texts = append(d.Texts, *s)
		}
		*s = ""
		return &i
	}
	for i := range p.Facts {
		f := factOf(&p.Facts[i])
		f.SnippetRef = ref(&f.Snippet)
		d.Facts = append(d.Facts, f)
	}
	for _, v := range p.Refused {
		r := refusedJSON{Seq: v.Seq, Text: v.Text, Reason: v.Reason, Activity: v.Activity, Page: v.Location.Page,
			Sheet: v.Location.Sheet, Cell: v.Location.Cell, Box: box(v.Location.BBox), Snippet: v.Snippet, PromotedTo: v.PromotedTo}
		r.SnippetRef = ref(&r.Snippet)
		d.Refused = append(d.Refused, r)
	}
	return d
}

// seriesJSON is an indicator's values by year for the chart: one series
// per organisation and activity.
func seriesJSON(key string, pts []load.SeriesPoint) map[string]any {
	yearSet := map[int]bool{}
	type series struct {
		Label  string     `json:"label"`
		Unit   string     `json:"unit"`
		Values []*float64 `json:"values"`
	}
	byLabel := map[string]map[int]float64{}
	units := map[string]string{}
	var labels []string
	for _, p := range pts {
		if p.Total {
			continue
		}
		yearSet[p.Year] = true
		label := p.Organisation
		if p.Activity != "" {
			label += " · " + p.Activity
		}
		if byLabel[label] == nil {
			byLabel[label] = map[int]float64{}
			labels = append(labels, label)
			units[label] = p.Unit
		}
		byLabel[label][p.Year] += p.Value
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	sort.Ints(years)
	out := []series{}
	for _, l := range labels {
		s := series{Label: l, Unit: units[l]}
		for _, y := range years {
			if v, ok := byLabel[l][y]; ok {
				s.Values = append(s.Values, &v)
			} else {
				s.Values = append(s.Values, nil)
			}
		}
		out = append(out, s)
	}
	if years == nil {
		years = []int{}
	}
	return map[string]any{"key": key, "years": years, "series": out}
}
