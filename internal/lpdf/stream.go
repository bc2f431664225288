// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package lpdf

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
)

type errorReadCloser struct {
	err error
}

func (e *errorReadCloser) Read([]byte) (int, error) {
	return 0, e.err
}

func (e *errorReadCloser) Close() error {
	return e.err
}

// Reader returns the data contained in the stream v, decoded by its
// filters. If v.Kind() != Stream, Reader returns a ReadCloser that
// responds to all reads with a “stream not present” error. The data is not
// bounded: a caller reads at most what it can hold. An unknown filter
// panics.
func (v Value) Reader() io.ReadCloser {
	return v.reader(true)
}

// keyIn is Key, refusing objects in object streams if objStmOK is false.
func (v Value) keyIn(key string, objStmOK bool) Value {
	x, ok := v.data.(dict)
	if !ok {
		strm, ok := v.data.(stream)
		if !ok {
			return Value{}
		}
		x = strm.hdr
	}
	return v.r.resolveIn(v.ptr, x[name(key)], objStmOK)
}

// indexIn is Index, refusing objects in object streams if objStmOK is false.
func (v Value) indexIn(i int, objStmOK bool) Value {
	x, ok := v.data.(array)
	if !ok || i < 0 || i >= len(x) {
		return Value{}
	}
	return v.r.resolveIn(v.ptr, x[i], objStmOK)
}

func (v Value) reader(objStmOK bool) io.ReadCloser {
	x, ok := v.data.(stream)
	if !ok || v.r == nil {
		return &errorReadCloser{errors.New("stream not present")}
	}
	n := v.r.streamLength(x, v.keyIn("Length", objStmOK))
	// An empty stream gets no filters: a 0-length FlateDecode stream is no
	// error.
	if n == 0 {
		return io.NopCloser(bytes.NewReader(nil))
	}
	var rd io.Reader = bytes.NewReader(v.r.data[x.offset : x.offset+n])
	if v.r.key != nil {
		rd = decryptStream(v.r.key, v.r.useAES, x.ptr, rd)
	}
	filter := v.keyIn("Filter", objStmOK)
	param := v.keyIn("DecodeParms", objStmOK)
	switch filter.Kind() {
	default:
		panic(fmt.Errorf("unsupported filter %v", filter))
	case Null:
		// ok
	case Name:
		rd = v.r.applyFilter(rd, filter.Name(), param, x.ptr)
	case Array:
		for i := 0; i < filter.Len() && i < 8; i++ {
			rd = v.r.applyFilter(rd, filter.indexIn(i, objStmOK).Name(), param.indexIn(i, objStmOK), x.ptr)
		}
	}
	return io.NopCloser(rd)
}

// streamLength returns the length of the data of s: its /Length lv if
// "endstream" follows that many bytes, else the bytes up to the next
// "endstream" (the end of the file if there is none).
func (r *Reader) streamLength(s stream, lv Value) int64 {
	start := s.offset
	if start <= 0 || start > r.end {
		return 0
	}
	L := int64(-1)
	if lv.Kind() == Integer {
		L = lv.Int64()
	}
	if L >= 0 && L <= r.end-start && endstreamAt(r.data, start+L) {
		return L
	}
	r.mu.Lock()
	n, ok := r.lengths[start]
	r.mu.Unlock()
	if ok {
		return n
	}
	n = L
	if k := bytes.Index(r.data[start:], []byte("endstream")); k >= 0 {
		n = int64(k)
		if n > 0 && r.data[start+n-1] == '\n' {
			n--
		}
		if n > 0 && r.data[start+n-1] == '\r' {
			n--
		}
	} else if L < 0 || L > r.end-start {
		n = r.end - start
	}
	if n != L {
		what := "is missing"
		if lv.Kind() != Null {
			what = objfmt(lv.data) + " is wrong"
		}
		r.note("stream %d: /Length %s; read up to endstream (%d bytes)", s.ptr.id, what, n)
	}
	r.mu.Lock()
	r.lengths[start] = n
	r.mu.Unlock()
	return n
}

// endstreamAt reports whether "endstream" follows white space at p.
func endstreamAt(data []byte, p int64) bool {
	for p < int64(len(data)) && isSpace(data[p]) {
		p++
	}
	return bytes.HasPrefix(data[p:], []byte("endstream"))
}

func (r *Reader) applyFilter(rd io.Reader, name string, param Value, ptr objptr) io.Reader {
	switch name {
	default:
		panic("unknown filter " + name)
	case "FlateDecode", "Fl":
		return predict(r.inflate(rd, ptr), param)
	case "ASCII85Decode", "A85":
		return ascii85.NewDecoder(newAlphaReader(rd))
	case "ASCIIHexDecode", "AHx":
		return &hexReader{r: bufio.NewReader(rd)}
	}
}

// inflate decodes a zlib stream leniently: the zlib header is skipped if
// there is one (some writers leave it out), the Adler-32 checksum is not
// checked, and a truncated or corrupt stream ends after the bytes that
// inflated before the damage, with a repair note.
func (r *Reader) inflate(rd io.Reader, ptr objptr) io.Reader {
	br := bufio.NewReader(rd)
	if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		dict := h[1]&0x20 != 0
		br.Discard(2)
		if dict {
			br.Discard(4) // a preset dictionary's id: none is known, inflate without
		}
	}
	return &inflater{fr: flate.NewReader(br), r: r, ptr: ptr}
}

type inflater struct {
	fr   io.Reader
	r    *Reader
	ptr  objptr
	n    int64
	done bool
}

func (z *inflater) Read(p []byte) (int, error) {
	if z.done {
		return 0, io.EOF
	}
	n, err := z.fr.Read(p)
	z.n += int64(n)
	if err != nil && err != io.EOF {
		z.done = true
		z.r.note("stream %d: %v after %d bytes; the bytes before were kept", z.ptr.id, err, z.n)
		return n, io.EOF
	}
	return n, err
}

// predict undoes a PNG predictor (/Predictor 10 to 15) named by param.
func predict(rd io.Reader, param Value) io.Reader {
	pred := param.Key("Predictor").Int64()
	switch {
	case pred <= 1:
		return rd
	case pred < 10:
		panic(fmt.Errorf("unsupported predictor %d", pred))
	}
	colors, bpc, columns := int64(1), int64(8), int64(1)
	if c := param.Key("Colors"); c.Kind() == Integer {
		colors = c.Int64()
	}
	if c := param.Key("BitsPerComponent"); c.Kind() == Integer {
		bpc = c.Int64()
	}
	if c := param.Key("Columns"); c.Kind() == Integer {
		columns = c.Int64()
	}
	if colors < 1 || colors > 32 || bpc < 1 || bpc > 16 || columns < 1 || columns > 1<<20 {
		panic(fmt.Errorf("bad predictor parameters %v", param))
	}
	bpp := max(1, int(colors*bpc/8))
	row := int((colors*bpc*columns + 7) / 8)
	return &pngReader{r: rd, bpp: bpp, prev: make([]byte, row), cur: make([]byte, row+1)}
}

// pngReader undoes the PNG row filters (None, Sub, Up, Average, Paeth).
type pngReader struct {
	r         io.Reader
	bpp       int
	prev, cur []byte
	pend      []byte
}

func (p *pngReader) Read(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		if len(p.pend) > 0 {
			m := copy(b, p.pend)
			n += m
			b = b[m:]
			p.pend = p.pend[m:]
			continue
		}
		if _, err := io.ReadFull(p.r, p.cur); err != nil {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF // a partial last row is dropped
			}
			return n, err
		}
		row := p.cur[1:]
		switch p.cur[0] {
		case 0:
		case 1:
			for i := p.bpp; i < len(row); i++ {
				row[i] += row[i-p.bpp]
			}
		case 2:
			for i := range row {
				row[i] += p.prev[i]
			}
		case 3:
			for i := range row {
				var left byte
				if i >= p.bpp {
					left = row[i-p.bpp]
				}
				row[i] += byte((int(left) + int(p.prev[i])) / 2)
			}
		case 4:
			for i := range row {
				var a, c byte
				if i >= p.bpp {
					a, c = row[i-p.bpp], p.prev[i-p.bpp]
				}
				row[i] += paeth(a, p.prev[i], c)
			}
		default:
			return n, fmt.Errorf("malformed PNG predictor row type %d", p.cur[0])
		}
		copy(p.prev, row)
		p.pend = p.prev
	}
	return n, nil
}

func paeth(a, b, c byte) byte {
	pa := abs(int(b) - int(c))
	pb := abs(int(a) - int(c))
	pc := abs(int(a) + int(b) - 2*int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// hexReader decodes ASCIIHexDecode data up to its '>'.
type hexReader struct {
	r    *bufio.Reader
	done bool
}

func (h *hexReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) && !h.done {
		var d [2]int
		k := 0
		for k < 2 {
			c, err := h.r.ReadByte()
			if err != nil || c == '>' {
				h.done = true
				break
			}
			if v := unhex(c); v >= 0 {
				d[k] = v
				k++
			}
		}
		if k == 0 {
			break
		}
		b[n] = byte(d[0]<<4 | d[1])
		n++
	}
	if n == 0 && h.done {
		return 0, io.EOF
	}
	return n, nil
}
