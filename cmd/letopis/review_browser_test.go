package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/go-pdf/fpdf"
	"github.com/letopis/letopis/internal/pdfrepeat"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the review page's screenshot of TestReviewBrowser to docs/review.png")

// chromiumPath returns Debian's Chromium, or skips the test without it
// (fails it under CI: scripts/test.sh installs it).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is missing (Debian: apt-get install chromium); scripts/test.sh installs it")
	}
	t.Skip("Chromium is missing (Debian: apt-get install chromium): the browser tests are skipped")
	return ""
}

// reviewServer runs `letopis review` on a free loopback port until the
// test ends and returns its address.
func reviewServer(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"review", "--addr", "127.0.0.1:0", "--reviewer", "tester"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Logf("review server stderr: %s", stderr.String())
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("review server: %v (%s)", err, stderr.String())
	}
	go io.Copy(io.Discard, out)
	f := strings.Fields(line)
	if len(f) < 3 || !strings.HasPrefix(f[2], "http://127.0.0.1:") {
		t.Fatalf("review server said %q", line)
	}
	return strings.TrimSuffix(f[2], "/")
}

// browser is a headless Chromium with what the page asked of the network
// and of the user (dialogs) recorded.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	dialogs  []string
	console  []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	var dialogs chan struct{}
	dialogs = make(chan struct{}, 16)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, e.Request.URL)
		case *page.EventJavascriptDialogOpening:
			b.dialogs = append(b.dialogs, e.Message)
			select {
			case dialogs <- struct{}{}:
			default:
			}
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			b.console = append(b.console, string(e.Type)+": "+strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			b.console = append(b.console, fmt.Sprintf("exception: %s (%s:%d)", msg, d.URL, d.LineNumber))
		}
	}))
	b.ctx = ctx
	t.Cleanup(func() { cancelC(); cancelA() })
	// The first call starts the browser, which lives as long as its
	// context: b.ctx, not one with a timeout.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{})
		return err
	})); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	go func() { // a dialog would stop the page: dismiss it (and fail the test)
		for range dialogs {
			chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
				return err
			}))
		}
	}()
	t.Cleanup(func() { close(dialogs) })
	return b
}

func (b *browser) fatal(t *testing.T, what string, err error) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	t.Fatalf("%s: %v\nconsole:\n%s", what, err, strings.Join(b.console, "\n"))
}

func (b *browser) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fatal(t, what, err)
	}
}

// eval evaluates JavaScript (awaiting a promise) and returns its value.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fatal(t, "evaluate "+js, err)
	}
	return v
}

// open loads a page and waits until its script says it is ready; it
// returns the milliseconds from the start of the navigation to then.
func (b *browser) open(t *testing.T, url string) float64 {
	t.Helper()
	b.do(t, "open "+url, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)))
	return eval[float64](t, b, `window.letopisReadyMs || 0`)
}

// waitFor polls a JavaScript condition until it is true.
func (b *browser) waitFor(t *testing.T, what, js string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !eval[bool](t, b, js) {
		if time.Now().After(deadline) {
			b.fatal(t, "wait for "+what, fmt.Errorf("still not %s after 30 s", js))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// submit submits a form as a person does (its submit event runs).
func (b *browser) submit(t *testing.T, form string) {
	t.Helper()
	eval[any](t, b, `document.querySelector('`+form+`').requestSubmit()`)
}

func (b *browser) key(t *testing.T, keys string) {
	t.Helper()
	b.do(t, "type "+keys, chromedp.KeyEvent(keys))
}

// TestReviewBrowser is the end-to-end test of the review page in headless
// Chromium on the imported 2020 brochure: the facts' boxes over page 3,
// a fact rejected, one edited and a missed one added, all kept after a
// reload and after importing the file again with --force, and applied by
// the view facts; a write without the session token refused; a report's
// <script> shown as text; and not one request to another host.
func TestReviewBrowser(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-brochure.pdf", "novus-2020-brochure.pdf")
	pdfPath := "novus-2020-brochure.pdf" // as a person gives it, from the folder of the warehouse
	if code, _, stderr := runBinary(t, dir, "import", pdfPath); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	base := reviewServer(t, dir)

	b.open(t, base+"/")
	sources := eval[string](t, b, `document.getElementById('sources').innerText`)
	if !strings.Contains(sources, "novus-2020-brochure.pdf") || !strings.Contains(sources, "Društvo NOVUS") {
		t.Fatalf("sources page: %q", sources)
	}

	// The page of the brochure: page 3 drawn with a box over each fact.
	sourceURL := eval[string](t, b, `document.querySelector('#sources a').href`)
	b.open(t, sourceURL)
	eval[any](t, b, `document.querySelector('.page[data-page="3"]').scrollIntoView()`)
	b.waitFor(t, "page 3 drawn", `!!document.querySelector('.page[data-page="3"].drawn')`)
	type pageMarks struct {
		Facts, Refused, Want int
		Inside               bool
	}
	marks := eval[pageMarks](t, b, `(async () => {
		const data = await (await fetch(location.pathname + '/data')).json();
		const p = document.querySelector('.page[data-page="3"]');
		const r = p.getBoundingClientRect();
		const ms = [...p.querySelectorAll('.mark.fact')];
		return {
			Facts: ms.length,
			Refused: p.querySelectorAll('.mark.refused').length,
			Want: data.facts.filter((f) => f.page === 3 && f.box).length,
			Inside: ms.every((m) => { const b = m.getBoundingClientRect(); return b.width > 4 && b.height > 4 && b.left >= r.left - 4 && b.right <= r.right + 4 && b.top >= r.top - 4 && b.bottom <= r.bottom + 4; }),
		};
	})()`)
	if marks.Want == 0 || marks.Facts != marks.Want || !marks.Inside || marks.Refused == 0 {
		t.Fatalf("page 3: %+v; want a box inside the page for each of its facts, and refused values marked", marks)
	}

	// Reject the first fact of page 3, edit the second (keys r and e).
	ids := eval[[]string](t, b, `fetch(location.pathname + '/data').then((r) => r.json()).then((d) => d.facts.filter((f) => f.page === 3).map((f) => f.id))`)
	if len(ids) < 2 {
		t.Fatalf("page 3 has %d facts", len(ids))
	}
	rejected, edited := ids[0], ids[1]
	b.do(t, "select the first fact", chromedp.Click(chromedp.CSS(`#fact-`+rejected)))
	b.key(t, "r")
	b.do(t, "give a reason", chromedp.SetValue(chromedp.CSS(`#detail input[name="reason"]`), "a count of pages, not a result"))
	b.submit(t, `#detail form`)
	b.waitFor(t, "the fact rejected", `document.getElementById('fact-`+rejected+`').classList.contains('st-rejected')`)
	b.do(t, "select the second fact", chromedp.Click(chromedp.CSS(`#fact-`+edited)))
	b.key(t, "e")
	b.do(t, "edit its value", chromedp.SetValue(chromedp.CSS(`#detail form.edit input[name="value"]`), "1.234"))
	b.submit(t, `#detail form.edit`)
	b.waitFor(t, "the fact corrected", `document.getElementById('fact-`+edited+`').classList.contains('st-corrected')`)

	// Add a missed fact: n, then a box drawn on page 3.
	rect := eval[[]float64](t, b, `(() => { const p = document.querySelector('.page[data-page="3"]'); p.scrollIntoView(); const r = p.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	b.key(t, "n")
	x0, y0 := rect[0]+rect[2]*0.1, rect[1]+rect[3]*0.05
	b.do(t, "draw a box", chromedp.MouseEvent(chromedp.MouseMoved, x0, y0),
		chromedp.MouseEvent(chromedp.MousePressed, x0, y0, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, x0+60, y0+20, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, x0+80, y0+25, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	b.do(t, "fill the added fact", chromedp.WaitVisible(chromedp.CSS(`#detail form.edit input[name="indicator"]`)),
		chromedp.SetValue(chromedp.CSS(`#detail form.edit input[name="value"]`), "42"),
		chromedp.SetValue(chromedp.CSS(`#detail form.edit input[name="indicator"]`), "prostovoljcev na dogodkih"),
		chromedp.SetValue(chromedp.CSS(`#detail form.edit select[name="unit"]`), "persons"))
	b.submit(t, `#detail form.edit`)
	b.waitFor(t, "the fact added", `document.querySelectorAll('#facts li.st-added').length === 1`)

	// The screenshot of the README: page 3 with its marks and a fact selected.
	b.do(t, "select for the screenshot", chromedp.Click(chromedp.CSS(`#fact-`+ids[2])))
	b.waitFor(t, "page 3 drawn again", `!!document.querySelector('.page[data-page="3"] .mark.selected')`)
	eval[any](t, b, `document.getElementById('toast').hidden = true`)
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.fatal(t, "screenshot", err)
	}
	shotPath := filepath.Join(t.TempDir(), "review.png")
	if *updateScreenshot {
		shotPath = filepath.Join("..", "..", "docs", "review.png")
		os.MkdirAll(filepath.Dir(shotPath), 0o755)
	}
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}

	// A write without the session token is refused.
	status := eval[int](t, b, `fetch('/api/review', {method: 'POST', headers: {'Content-Type': 'application/json'},
		body: JSON.stringify({action: 'accept', fact_id: '`+ids[2]+`'})}).then((r) => r.status)`)
	if status != 403 {
		t.Errorf("a write without the token: status %d, want 403", status)
	}

	checkKept := func(when string) {
		t.Helper()
		b.open(t, sourceURL)
		st := eval[map[string]string](t, b, `fetch(location.pathname + '/data').then((r) => r.json()).then((d) => Object.fromEntries(d.facts.map((f) => [f.id, f.status + ' ' + f.value])))`)
		added := eval[int](t, b, `document.querySelectorAll('#facts li.st-added').length`)
		if !strings.HasPrefix(st[rejected], "rejected") || st[edited] != "corrected 1234" || added != 1 || !strings.HasPrefix(st[ids[2]], "unreviewed") {
			t.Errorf("%s: rejected %q, edited %q, other %q, %d added", when, st[rejected], st[edited], st[ids[2]], added)
		}
	}
	checkKept("after a reload")

	// Import the same file again with --force while the page is open.
	code, out, stderr := runBinary(t, dir, "import", "--force", pdfPath)
	if code != 0 {
		t.Fatalf("import --force: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "3 corrections kept") {
		t.Errorf("import --force said %q; want 3 corrections kept", out)
	}
	checkKept("after import --force")

	// The view facts applies the corrections.
	if n := queryInt(t, dir, `SELECT count(*) FROM facts WHERE fact_id = '`+rejected+`'`); n != 0 {
		t.Errorf("the rejected fact is in the view facts")
	}
	if n := queryInt(t, dir, `SELECT count(*) FROM facts WHERE fact_id = '`+edited+`' AND value = 1234 AND review_status = 'corrected'`); n != 1 {
		t.Errorf("the edited fact: %d rows with value 1234, corrected", n)
	}
	if n := queryInt(t, dir, `SELECT count(*) FROM facts WHERE review_status = 'added' AND value = 42 AND unit = 'persons' AND page = 3`); n != 1 {
		t.Errorf("the added fact: %d rows", n)
	}

	// The edited fact's indicator across years: a chart and a link back.
	key := eval[string](t, b, `fetch(location.pathname + '/data').then((r) => r.json()).then((d) => d.facts.find((f) => f.id === '`+edited+`').indicator_key)`)
	b.open(t, base+"/indicator?key="+url.QueryEscape(key))
	if n := eval[int](t, b, `document.querySelectorAll('#chart canvas').length`); n == 0 {
		t.Errorf("no chart drawn for %s", key)
	}
	if href := eval[string](t, b, `document.querySelector('#points a').getAttribute('href')`); !strings.Contains(href, "#fact-"+edited) {
		t.Errorf("the indicator's link to its fact: %q", href)
	}

	// A report whose text holds a script shows it as text.
	hostile := filepath.Join(dir, "hostile.pdf")
	writeHostilePDF(t, hostile)
	if code, _, stderr := runBinary(t, dir, "import", "--year", "2021", "--org", `<img src=x onerror=alert(2)>`, hostile); code != 0 {
		t.Fatalf("import hostile.pdf: exit %d: %s", code, stderr)
	}
	b.open(t, base+"/")
	b.open(t, eval[string](t, b, `[...document.querySelectorAll('#sources a')].find((a) => a.textContent.includes('hostile.pdf')).href`))
	type hostilePage struct {
		Detail  string
		Scripts int
		Imgs    int
	}
	b.do(t, "select the hostile fact", chromedp.Click(chromedp.CSS(`#facts li`)))
	shown := eval[hostilePage](t, b, `({Detail: document.getElementById('detail').textContent, Scripts: document.scripts.length, Imgs: document.images.length})`)
	if !strings.Contains(shown.Detail, "<script>alert(1)</script>") || shown.Scripts != 2 || shown.Imgs != 0 {
		t.Errorf("hostile report: detail %q, %d scripts (want 2: data and module), %d images", shown.Detail, shown.Scripts, shown.Imgs)
	}
	b.open(t, base+"/")
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) > 0 {
		t.Errorf("the page opened dialogs: %q", b.dialogs)
	}
	// Not one request to another host.
	for _, u := range b.requests {
		if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("request to another host: %s", u)
		}
	}
	if len(b.requests) < 10 {
		t.Errorf("only %d requests recorded: is the network watched?", len(b.requests))
	}
	for _, c := range b.console {
		if strings.HasPrefix(c, "exception") || strings.HasPrefix(c, "error") {
			t.Errorf("console: %s", c)
		}
	}
}

// writeHostilePDF writes a one-page report whose text holds HTML.
func writeHostilePDF(t *testing.T, path string) {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 18)
	pdf.Cell(0, 12, "LETNO POROCILO 2021")
	pdf.Ln(16)
	pdf.SetFont("Helvetica", "", 11)
	pdf.MultiCell(0, 6, "V letu 2021 smo izvedli 12 delavnic <script>alert(1)</script> za mlade.", "", "L", false)
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
}

// TestReviewBrowser100Pages measures the opening of the review page of a
// 110-page report (the brochure ten times) in the browser: from the start
// of the navigation until the first page is drawn with its boxes and the
// list of facts is filled. The figure is logged (go test -v), for the
// README; a time is not a test's verdict.
func TestReviewBrowser100Pages(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	b := newBrowser(t)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "novus-2020-brochure.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	big, err := pdfrepeat.Repeat(src, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.pdf"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runBinary(t, dir, "import", "big.pdf"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	base := reviewServer(t, dir)
	b.open(t, base+"/")
	url := eval[string](t, b, `document.querySelector('#sources a').href`)
	var times []float64
	for i := 0; i < 3; i++ {
		times = append(times, b.open(t, url))
	}
	type counts struct{ Pages, Facts int }
	n := eval[counts](t, b, `({Pages: document.querySelectorAll('.page').length, Facts: document.querySelectorAll('#facts li').length})`)
	if n.Pages != 110 || n.Facts < 700 {
		t.Errorf("%d pages, %d facts listed; want 110 pages and the facts of ten brochures", n.Pages, n.Facts)
	}
	t.Logf("steps of the last load (ms from the start of the navigation): %s", eval[string](t, b,
		`[...performance.getEntriesByType('navigation').map((n) => 'response ' + Math.round(n.responseEnd) + ', DOM ' + Math.round(n.domInteractive)),
		  ...performance.getEntriesByType('mark').map((m) => m.name.replace('letopis-', '') + ' ' + Math.round(m.startTime))].join(', ')`))
	t.Logf("review page of a 110-page report (%d facts) ready after %.0f ms, %.0f ms, %.0f ms (first load, then two reloads)", n.Facts, times[0], times[1], times[2])
}

// TestReviewExportImport: corrections made through a running review page
// go to another warehouse with the same report by --export and --import.
func TestReviewExportImport(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		p := fixture(t, dir, "novus-2020-brochure.pdf", "brochure.pdf")
		if code, _, stderr := runBinary(t, dir, "import", p); code != 0 {
			t.Fatalf("import: exit %d: %s", code, stderr)
		}
	}
	base := reviewServer(t, a)
	get := func(url string) string {
		t.Helper()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
		}
		return string(body)
	}
	sources := get(base + "/")
	i := strings.Index(sources, `href="/source/`)
	src := sources[i+len(`href="`) : i+len(`href="/source/`)+64]
	page := get(base + src)
	j := strings.Index(page, `name="letopis-token" content="`) + len(`name="letopis-token" content="`)
	token := page[j : j+64]
	var data struct{ Facts []struct{ ID string } }
	if err := json.Unmarshal([]byte(get(base+src+"/data")), &data); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		`{"action":"reject","fact_id":"` + data.Facts[0].ID + `","reason":"not a result"}`,
		`{"action":"edit","fact_id":"` + data.Facts[1].ID + `","set":{"value":"77"}}`,
	} {
		req, _ := http.NewRequest("POST", base+"/api/review", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Letopis-Token", token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", body, resp.StatusCode)
		}
	}
	if code, _, stderr := runBinary(t, a, "review", "--export", "c.csv"); code != 0 || !strings.Contains(stderr, "wrote 2 corrections") {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	csv, err := os.ReadFile(filepath.Join(a, "c.csv"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(b, "c.csv"), csv, 0o644)
	code, out, stderr := runBinary(t, b, "review", "--import", "c.csv")
	if code != 0 || !strings.Contains(out, "read 2 corrections from c.csv: 2 new; of the facts reviewed, 2 corrections apply here and 0 do not") {
		t.Fatalf("import: exit %d: %s%s", code, out, stderr)
	}
	if n := queryInt(t, b, `SELECT count(*) FROM facts`); n != 72 {
		t.Errorf("%d facts in the other warehouse, want 72 (one rejected)", n)
	}
	if n := queryInt(t, b, `SELECT count(*) FROM facts WHERE review_status = 'corrected' AND value = 77`); n != 1 {
		t.Errorf("the edit is not in the other warehouse")
	}
	if code, _, _ := runBinary(t, b, "review", "--import", "missing.csv"); code != 66 {
		t.Errorf("import of a missing file: exit %d, want 66", code)
	}
	if code, _, _ := runBinary(t, b, "review", "--addr", "0.0.0.0:0"); code != 64 {
		t.Errorf("--addr beyond loopback without --token: exit %d, want 64", code)
	}
}

// TestReviewBrowserRotatedPages: on pages turned by /Rotate (a landscape
// table), each fact's mark stands inside the box the import recorded,
// narrowed to its number.
func TestReviewBrowserRotatedPages(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	fixture(t, dir, "layout/rotated-pages.pdf", "rotated.pdf")
	if code, _, stderr := runBinary(t, dir, "import", "--year", "2021", "--org", "Društvo", "rotated.pdf"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	base := reviewServer(t, dir)
	b.open(t, base+"/")
	b.open(t, eval[string](t, b, `document.querySelector('#sources a').href`))
	pages := eval[[]int](t, b, `fetch(location.pathname + '/data').then((r) => r.json()).then((d) => [...new Set(d.facts.map((f) => f.page))])`)
	narrowed := 0
	for _, p := range pages {
		sel := fmt.Sprintf(`.page[data-page="%d"]`, p)
		eval[any](t, b, `document.querySelector('`+sel+`').scrollIntoView()`)
		b.waitFor(t, fmt.Sprintf("page %d drawn", p), `!!document.querySelector('`+sel+`.drawn')`)
		type check struct {
			Marks, Inside, Narrowed int
		}
		c := eval[check](t, b, `fetch(location.pathname + '/data').then((r) => r.json()).then((d) => {
			const page = document.querySelector('`+sel+`');
			const h = page.getBoundingClientRect();
			let marks = 0, inside = 0, narrowed = 0;
			for (const f of d.facts.filter((f) => f.page === `+fmt.Sprint(p)+` && f.box)) {
				const m = page.querySelector('[data-key="f:' + f.id + '"]');
				if (!m) continue;
				marks++;
				const r = m.getBoundingClientRect();
				// the recorded box in the page's pixels (points from the bottom left, scale from the canvas)
				const c = page.querySelector('canvas');
				const k = c.offsetWidth / c.dataset.points;
				const box = {left: h.left + f.box[0] * k, right: h.left + f.box[2] * k, top: h.bottom - f.box[3] * k, bottom: h.bottom - f.box[1] * k};
				if (r.left >= box.left - 4 && r.right <= box.right + 4 && r.top >= box.top - 4 && r.bottom <= box.bottom + 4) inside++;
				if (r.width < (box.right - box.left) - 4) narrowed++;
			}
			return {Marks: marks, Inside: inside, Narrowed: narrowed};
		})`)
		if c.Marks == 0 || c.Inside != c.Marks {
			t.Errorf("page %d: %d marks, %d inside their recorded boxes", p, c.Marks, c.Inside)
		}
		narrowed += c.Narrowed
	}
	if narrowed == 0 {
		t.Errorf("no mark narrowed to its number")
	}
}
