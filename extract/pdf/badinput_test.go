package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func readCorpus(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// buildPDF writes a PDF of the given objects (numbered from 1, object 1
// the catalog) with a correct cross-reference table.
func buildPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// onePage is a one-page PDF whose page has the given content stream
// object and resources.
func onePage(content, resources string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + resources + " >>",
		content,
	}
	return buildPDF(append(objs, extra...)...)
}

func encryptPDF(t testing.TB, data []byte, userPW string) []byte {
	t.Helper()
	conf := model.NewAESConfiguration(userPW, "lastnik-"+userPW, 256)
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(data), &out, conf); err != nil {
		t.Fatalf("encrypting the fixture: %v", err)
	}
	return out.Bytes()
}

func imageOnlyPDF(t testing.TB) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 60, 80))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(3, 3, color.Gray{Y: 0})
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	imp := api.DefaultImportConfig()
	if err := api.ImportImages(nil, &out, []io.Reader{&pngData}, imp, nil); err != nil {
		t.Fatalf("building the image-only fixture: %v", err)
	}
	return out.Bytes()
}

// TestBadInput runs every bad input of the issue through extract.File and
// checks the one-line error: it names the file and the cause.
func TestBadInput(t *testing.T) {
	plain := readCorpus(t, "novus-2020-plain.pdf")
	brokenXref := append([]byte(nil), plain...)
	if i := bytes.LastIndex(brokenXref, []byte("startxref")); i > 0 {
		// point startxref into the middle of a stream
		copy(brokenXref[i:], "startxref\n1234\n%%EOF\n")
		brokenXref = brokenXref[:i+len("startxref\n1234\n%%EOF\n")]
	}
	garbledXref := append([]byte(nil), plain...)
	if i := bytes.LastIndex(garbledXref, []byte("\nxref")); i > 0 {
		for k := i + 6; k < i+400 && k < len(garbledXref); k++ {
			if garbledXref[k] >= '0' && garbledXref[k] <= '9' {
				garbledXref[k] = '7'
			}
		}
	} else {
		t.Fatal("fixture has no xref table")
	}
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*131 + i/7)
	}
	cycle := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>",
	)
	badFilter := onePage(stream("/Filter /NoSuchFilter", "BT ET"), "<< >>")
	selfForm := onePage(stream("", "/X1 Do /X1 Do /X1 Do"), "<< /XObject << /X1 5 0 R >> >>",
		stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >>", "/X1 Do /X1 Do /X1 Do"))

	cases := []struct {
		name string
		data []byte
		opts extract.Options
		want string // substring of the error; "" means it must import
		is   error
	}{
		{"empty", nil, extract.Options{}, "empty.pdf: empty file", nil},
		{"random", random, extract.Options{}, "random.pdf: not a PDF file", nil},
		{"html", []byte("<!DOCTYPE html><html><body>Letno poročilo</body></html>"), extract.Options{}, "html.pdf: not a PDF file: its content is an HTML page", nil},
		{"truncated", plain[:len(plain)/2], extract.Options{}, "truncated.pdf: truncated or damaged PDF", nil},
		{"truncated-head", plain[:300], extract.Options{}, "truncated-head.pdf: truncated or damaged PDF", nil},
		// a broken cross-reference table is rebuilt by a scan of the file
		{"broken-xref", brokenXref, extract.Options{}, "", nil},
		{"garbled-xref", garbledXref, extract.Options{}, "", nil},
		{"page-tree-cycle", cycle, extract.Options{}, "page-tree-cycle.pdf: damaged PDF: no pages found", nil},
		{"bad-filter", badFilter, extract.Options{}, "bad-filter.pdf: page 1: cannot read page: damaged page content: unknown filter NoSuchFilter", nil},
		{"self-form", selfForm, extract.Options{}, "self-form.pdf: no text layer (scanned image?): no page has text of 1", letopis.ErrNoText},
		{"scanned", imageOnlyPDF(t), extract.Options{}, "scanned.pdf: no text layer (scanned image?): only images on page 1 of 1", letopis.ErrNoText},
		{"aes256-empty-user-password", encryptPDF(t, plain, ""), extract.Options{}, "", nil},
		{"aes256-password", encryptPDF(t, plain, "geslo"), extract.Options{}, "aes256-password.pdf: encrypted: a password is needed (use --password)", letopis.ErrEncrypted},
		{"aes256-wrong-password", encryptPDF(t, plain, "geslo"), extract.Options{Password: "napačno"}, "aes256-wrong-password.pdf: encrypted: a password is needed (use --password): the password given does not open it", letopis.ErrEncrypted},
		{"aes256-right-password", encryptPDF(t, plain, "geslo"), extract.Options{Password: "geslo"}, "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			doc, err := extract.File(ctx, c.name+".pdf", c.data, c.opts)
			if c.want == "" {
				if err != nil {
					t.Fatalf("want a document, got %v", err)
				}
				if len(doc.Pages) != 9 || !strings.Contains(doc.Pages[1].Blocks[len(doc.Pages[1].Blocks)-1].Text(), "ZRSZ") {
					t.Errorf("decrypted document does not read as the plain report: %d pages", len(doc.Pages))
				}
				return
			}
			if err == nil {
				t.Fatalf("want error %q, got a document of %d pages", c.want, len(doc.Pages))
			}
			msg := err.Error()
			if !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want it to contain %q on one line", msg, c.want)
			}
			var ie *letopis.InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not a *letopis.InputError", err)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %q does not wrap %v", msg, c.is)
			}
		})
	}
}

// TestBatchContinues checks that a bad file does not stop the next one.
func TestBatchContinues(t *testing.T) {
	files := map[string][]byte{
		"a-bad.pdf":  []byte("%PDF-1.4\ngarbage"),
		"b-good.pdf": readCorpus(t, "novus-2020-plain.pdf"),
	}
	var got []string
	for _, name := range []string{"a-bad.pdf", "b-good.pdf"} {
		_, err := extract.File(context.Background(), name, files[name], extract.Options{})
		got = append(got, fmt.Sprint(err == nil))
	}
	if strings.Join(got, ",") != "false,true" {
		t.Errorf("imports: %v", got)
	}
}

// TestCancel checks that a cancelled context stops the extraction.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, "x.pdf", readCorpus(t, "novus-2020-brochure.pdf"), extract.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
