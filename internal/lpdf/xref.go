// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package lpdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// xrefTable collects the entries of a chain of cross-reference sections.
// The sections are read newest first, so the first entry set for an
// object wins.
type xrefTable struct {
	t    []xref
	seen []bool
}

func (t *xrefTable) set(x int64, e xref) error {
	if x < 0 || x >= maxObjects {
		return fmt.Errorf("object number %d out of range", x)
	}
	if x >= int64(len(t.t)) {
		n := x + 1 - int64(len(t.t))
		t.t = append(t.t, make([]xref, n)...)
		t.seen = append(t.seen, make([]bool, n)...)
	}
	if !t.seen[x] {
		t.seen[x] = true
		t.t[x] = e
	}
	return nil
}

// startxref returns the offset named by the last startxref of the file's
// last 4 KiB (bytes after %%EOF are ignored).
func (r *Reader) startxref() (int64, error) {
	tail := r.data[max(0, len(r.data)-4096):]
	base := int64(len(r.data) - len(tail))
	for lim := len(tail); ; {
		i := bytes.LastIndex(tail[:lim], []byte("startxref"))
		if i < 0 {
			if bytes.Contains(tail, []byte("%%EOF")) {
				return 0, errors.New("no startxref before %%EOF")
			}
			return 0, errors.New("no startxref and no %%EOF at the end (truncated?)")
		}
		b := newBuffer(bytes.NewReader(tail[i+len("startxref"):]), base+int64(i))
		b.allowEOF = true
		if off, ok := b.readToken().(int64); ok {
			return off, nil
		}
		lim = i
	}
}

// readXrefChain reads the cross-reference sections from the one startxref
// names along the /Prev chain (and the /XRefStm of hybrid files), and
// returns the table and the newest trailer.
func (r *Reader) readXrefChain() (table []xref, ptr objptr, trailer dict, err error) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(error); ok && r.ctx.Err() != nil && errors.Is(e, r.ctx.Err()) {
				panic(x)
			}
			table, ptr, trailer, err = nil, objptr{}, nil, asError(x)
		}
	}()
	off, err := r.startxref()
	if err != nil {
		return nil, objptr{}, nil, err
	}
	var t xrefTable
	seen := map[int64]bool{}
	for n := 0; ; n++ {
		if seen[off] {
			return nil, objptr{}, nil, fmt.Errorf("cross-reference sections loop (/Prev %d was read before)", off)
		}
		if n >= maxXrefSections {
			return nil, objptr{}, nil, fmt.Errorf("more than %d cross-reference sections", maxXrefSections)
		}
		seen[off] = true
		hdr, sptr, err := r.readSection(off, &t)
		if err != nil {
			return nil, objptr{}, nil, err
		}
		if n == 0 {
			trailer, ptr = hdr, sptr
		}
		if xs, ok := hdr["XRefStm"].(int64); ok && !seen[xs] {
			seen[xs] = true
			if _, _, err := r.readSection(xs, &t); err != nil {
				return nil, objptr{}, nil, err
			}
		}
		prev, ok := hdr["Prev"]
		if !ok || prev == nil {
			break
		}
		if off, ok = prev.(int64); !ok {
			return nil, objptr{}, nil, fmt.Errorf("xref /Prev is not an integer: %v", objfmt(prev))
		}
	}
	if size, ok := trailer["Size"].(int64); ok && size >= 0 && size < int64(len(t.t)) {
		t.t = t.t[:size]
	}
	return t.t, ptr, trailer, nil
}

// readSection reads the cross-reference section (a table or a stream) at
// off into t and returns its trailer dictionary (the stream's dictionary).
func (r *Reader) readSection(off int64, t *xrefTable) (dict, objptr, error) {
	if off <= 0 || off >= r.end {
		return nil, objptr{}, fmt.Errorf("cross-reference offset %d is outside the file", off)
	}
	b := newBuffer(io.NewSectionReader(r.f, off, r.end-off), off)
	tok := b.readToken()
	if tok == keyword("xref") {
		hdr, err := readXrefTable(b, t)
		return hdr, objptr{}, err
	}
	if _, ok := tok.(int64); ok {
		b.unreadToken(tok)
		return r.readXrefStream(b, t)
	}
	return nil, objptr{}, fmt.Errorf("cross-reference table not found at offset %d", off)
}

func (r *Reader) readXrefStream(b *buffer, t *xrefTable) (dict, objptr, error) {
	obj1 := b.readObject()
	obj, ok := obj1.(objdef)
	if !ok {
		return nil, objptr{}, fmt.Errorf("cross-reference stream not found: %v", objfmt(obj1))
	}
	strm, ok := obj.obj.(stream)
	if !ok {
		return nil, objptr{}, fmt.Errorf("cross-reference stream not found: %v", objfmt(obj))
	}
	if strm.hdr["Type"] != name("XRef") {
		return nil, objptr{}, errors.New("xref stream does not have type XRef")
	}
	size, ok := strm.hdr["Size"].(int64)
	if !ok || size < 0 || size > maxObjects {
		return nil, objptr{}, fmt.Errorf("xref stream /Size %v missing or out of range", objfmt(strm.hdr["Size"]))
	}
	if err := r.readXrefStreamData(strm, t, size); err != nil {
		return nil, objptr{}, err
	}
	return strm.hdr, obj.ptr, nil
}

func (r *Reader) readXrefStreamData(strm stream, t *xrefTable, size int64) error {
	index, _ := strm.hdr["Index"].(array)
	if index == nil {
		index = array{int64(0), size}
	}
	if len(index)%2 != 0 {
		return fmt.Errorf("invalid Index array %v", objfmt(index))
	}
	ww, ok := strm.hdr["W"].(array)
	if !ok || len(ww) < 3 {
		return errors.New("xref stream missing W array")
	}
	var w []int
	wtotal := 0
	for _, x := range ww {
		i, ok := x.(int64)
		if !ok || i < 0 || i > 8 {
			return fmt.Errorf("invalid W array %v", objfmt(ww))
		}
		w = append(w, int(i))
		wtotal += int(i)
	}
	buf := make([]byte, wtotal)
	v := Value{r, objptr{}, strm}
	data := v.reader(false)
	defer data.Close()
	for len(index) > 0 {
		start, ok1 := index[0].(int64)
		n, ok2 := index[1].(int64)
		if !ok1 || !ok2 || start < 0 || n < 0 || start+n > maxObjects {
			return fmt.Errorf("malformed Index pair %v %v", objfmt(index[0]), objfmt(index[1]))
		}
		index = index[2:]
		for i := int64(0); i < n; i++ {
			if _, err := io.ReadFull(data, buf); err != nil {
				return fmt.Errorf("error reading xref stream: %v", err)
			}
			v1 := decodeInt(buf[0:w[0]])
			if w[0] == 0 {
				v1 = 1
			}
			v2 := decodeInt(buf[w[0] : w[0]+w[1]])
			v3 := decodeInt(buf[w[0]+w[1] : w[0]+w[1]+w[2]])
			x := start + i
			var e xref
			switch v1 {
			case 0:
				e = xref{ptr: objptr{0, 65535}}
			case 1:
				e = xref{ptr: objptr{uint32(x), uint16(v3)}, offset: int64(v2)}
			case 2:
				e = xref{ptr: objptr{uint32(x), 0}, inStream: true, stream: objptr{uint32(v2), 0}, offset: int64(v3)}
			default:
				continue
			}
			if err := t.set(x, e); err != nil {
				return err
			}
		}
	}
	return nil
}

func decodeInt(b []byte) int {
	x := 0
	for _, c := range b {
		x = x<<8 | int(c)
	}
	return x
}

func readXrefTable(b *buffer, t *xrefTable) (dict, error) {
	for {
		tok := b.readToken()
		if tok == keyword("trailer") {
			break
		}
		start, ok1 := tok.(int64)
		n, ok2 := b.readToken().(int64)
		if !ok1 || !ok2 || start < 0 || n < 0 || start+n > maxObjects {
			return nil, errors.New("malformed xref table")
		}
		for i := int64(0); i < n; i++ {
			off, ok1 := b.readToken().(int64)
			gen, ok2 := b.readToken().(int64)
			alloc, ok3 := b.readToken().(keyword)
			if !ok1 || !ok2 || !ok3 || alloc != keyword("f") && alloc != keyword("n") {
				return nil, errors.New("malformed xref table")
			}
			e := xref{ptr: objptr{0, 65535}}
			if alloc == "n" {
				e = xref{ptr: objptr{uint32(start + i), uint16(gen)}, offset: off}
			}
			if err := t.set(start+i, e); err != nil {
				return nil, err
			}
		}
	}
	trailer, ok := b.readObject().(dict)
	if !ok {
		return nil, errors.New("xref table not followed by trailer dictionary")
	}
	return trailer, nil
}

// entryOK reports whether entry id of table points at its object: a
// direct object's header at its offset, or a direct object stream.
func entryOK(data []byte, table []xref, id int) bool {
	e := table[id]
	if id == 0 || e.ptr.id != uint32(id) {
		return true // free or absent: nothing to check
	}
	if e.inStream {
		s := int(e.stream.id)
		return s < len(table) && !table[s].inStream && table[s].ptr.id == uint32(s) && headerAt(data, table[s].offset, table[s].ptr)
	}
	if e.offset == 0 {
		return true
	}
	return headerAt(data, e.offset, e.ptr)
}

// badEntries counts the entries of the table that point at no such object.
func (r *Reader) badEntries() int {
	bad := 0
	for id := range r.xref {
		if !entryOK(r.data, r.xref, id) {
			bad++
		}
	}
	return bad
}

// headerAt reports whether the object header "id gen obj" of ptr starts at
// off (after white space).
func headerAt(data []byte, off int64, ptr objptr) bool {
	if off < 0 || off >= int64(len(data)) {
		return false
	}
	p := int(off)
	for p < len(data) && p < int(off)+64 && isSpace(data[p]) {
		p++
	}
	id, p, ok := digitsAt(data, p)
	if !ok || id != int64(ptr.id) || p >= len(data) || !isSpace(data[p]) {
		return false
	}
	for p < len(data) && isSpace(data[p]) {
		p++
	}
	gen, p, ok := digitsAt(data, p)
	if !ok || gen != int64(ptr.gen) {
		return false
	}
	for p < len(data) && isSpace(data[p]) {
		p++
	}
	return bytes.HasPrefix(data[p:], []byte("obj"))
}

// digitsAt reads a decimal number of at most 10 digits at p.
func digitsAt(data []byte, p int) (int64, int, bool) {
	var n int64
	q := p
	for q < len(data) && q-p < 10 && data[q] >= '0' && data[q] <= '9' {
		n = n*10 + int64(data[q]-'0')
		q++
	}
	return n, q, q > p
}
