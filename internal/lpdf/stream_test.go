package lpdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"testing"
)

// pngEncode filters rows of width bytes with the PNG filter typ, as a
// writer with /Predictor 10-15 does (bytes per pixel bpp).
func pngEncode(rows [][]byte, typ byte, bpp int) []byte {
	var out []byte
	prev := make([]byte, len(rows[0]))
	for _, row := range rows {
		out = append(out, typ)
		for i, x := range row {
			var a, b, c byte
			if i >= bpp {
				a, c = row[i-bpp], prev[i-bpp]
			}
			b = prev[i]
			switch typ {
			case 1:
				x -= a
			case 2:
				x -= b
			case 3:
				x -= byte((int(a) + int(b)) / 2)
			case 4:
				x -= paeth(a, b, c)
			}
			out = append(out, x)
		}
		prev = row
	}
	return out
}

func TestPNGPredictors(t *testing.T) {
	rows := [][]byte{
		{1, 2, 3, 4, 250, 251, 252, 253},
		{9, 8, 7, 6, 5, 4, 3, 2},
		{0, 0, 255, 255, 17, 34, 51, 68},
	}
	want := bytes.Join(rows, nil)
	for typ := byte(0); typ <= 4; typ++ {
		for _, bpp := range []int{1, 2} {
			t.Run(fmt.Sprintf("type%d/bpp%d", typ, bpp), func(t *testing.T) {
				enc := pngEncode(rows, typ, bpp)
				pr := &pngReader{r: bytes.NewReader(enc), bpp: bpp, prev: make([]byte, 8), cur: make([]byte, 9)}
				got, err := io.ReadAll(pr)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("got %v, %v; want %v", got, err, want)
				}
			})
		}
	}
}

// onePDF is a file with one stream object 1 of dictionary dict and data,
// and no cross-reference table (Open rebuilds one).
func onePDF(dict string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n1 0 obj\n<< " + dict + " >>\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n2 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n3 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
	return b.Bytes()
}

func zlibData(p []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(p)
	w.Close()
	return b.Bytes()
}

// TestStreams reads streams that other readers read: a wrong /Length, a bad
// checksum, a truncated Flate stream, hex data.
func TestStreams(t *testing.T) {
	var lines bytes.Buffer
	for i := range 200 {
		fmt.Fprintf(&lines, "BT (Letno porocilo, vrstica %d od %d) Tj ET\n", i*7919%1000, i)
	}
	text := lines.Bytes()
	z := zlibData(text)
	badSum := bytes.Clone(z)
	badSum[len(badSum)-1] ^= 0xff
	tests := []struct {
		name, dict string
		data       []byte
		want       []byte // the data read, or its prefix if prefix
		prefix     bool
		note       string // a repair note
	}{
		{"plain", fmt.Sprintf("/Length %d", len(text)), text, text, false, ""},
		{"length too long", "/Length 99999", text, text, false, "/Length 99999 is wrong"},
		{"length missing", "", text, text, false, "/Length is missing"},
		{"flate", fmt.Sprintf("/Length %d /Filter /FlateDecode", len(z)), z, text, false, ""},
		{"bad checksum", fmt.Sprintf("/Length %d /Filter /FlateDecode", len(badSum)), badSum, text, false, ""},
		{"truncated flate", fmt.Sprintf("/Length %d /Filter /FlateDecode", len(z)/2), z[:len(z)/2], text[:20], true, "the bytes before were kept"},
		{"hex", "/Filter /ASCIIHexDecode", []byte("4C 65 74\n6e6F>"), []byte("Letno"), false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Open(context.Background(), onePDF(tc.dict, tc.data))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r.resolve(objptr{}, objptr{1, 0}).Reader())
			if err != nil {
				t.Fatal(err)
			}
			if tc.prefix {
				if len(got) < len(tc.want) || !bytes.HasPrefix(text, got) {
					t.Errorf("got %d bytes %q…, want a prefix of the text at least %d long", len(got), got[:min(len(got), 30)], len(tc.want))
				}
			} else if !bytes.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got[:min(len(got), 40)], tc.want[:min(len(tc.want), 40)])
			}
			notes := fmt.Sprint(r.Repairs())
			if tc.note != "" && !bytes.Contains([]byte(notes), []byte(tc.note)) {
				t.Errorf("repairs %s, want one with %q", notes, tc.note)
			}
		})
	}
}

// TestNoProgress: a reader that asks for the same token again and again
// (a parser loop) is stopped by the buffer.
func TestNoProgress(t *testing.T) {
	b := newBuffer(bytes.NewReader([]byte("endobj")), 0)
	defer func() {
		if recover() == nil {
			t.Error("no panic after a million tokens from 6 bytes")
		}
	}()
	for range 1 << 20 {
		b.unreadToken(b.readToken())
	}
}
