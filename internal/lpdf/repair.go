package lpdf

import (
	"bytes"
	"errors"
	"io"
	"sort"
)

// A scan of a damaged file for its objects, the way qpdf and pdf.js
// reconstruct a cross-reference table: every "N G obj" that starts an
// object, the object streams among them and the objects they hold, the
// trailer dictionaries (and cross-reference stream dictionaries), and the
// document catalogs. Where an object is defined twice, the later
// definition in the file wins, as an incremental update intends.

// found is a trailer candidate or a catalog, at its place in the file.
type found struct {
	off int64
	d   dict   // a trailer or cross-reference stream dictionary
	ptr objptr // a catalog
}

type scanResult struct {
	table    []xref
	at       []int64 // the file position each entry of table was defined at
	stms     []found // object streams
	trailers []found
	catalogs []found
}

// rebuild replaces r's table and trailer with those found by a scan of the
// file. The entries of old that point at their objects are kept; oldTrailer
// is the first trailer tried.
func (r *Reader) rebuild(old []xref, oldTrailer dict) error {
	s := r.scan()
	r.xref = s.table
	r.resetObjStms()
	r.addObjStms(&s)
	for id := range old {
		if id < len(s.table) && old[id].ptr.id == uint32(id) && id != 0 && entryOK(r.data, old, id) {
			s.table[id] = old[id]
		}
	}
	r.xref = s.table
	r.resetObjStms()

	var cands []dict
	if oldTrailer != nil {
		cands = append(cands, oldTrailer)
	}
	sort.SliceStable(s.trailers, func(i, j int) bool { return s.trailers[i].off < s.trailers[j].off })
	for i := len(s.trailers) - 1; i >= 0; i-- {
		cands = append(cands, s.trailers[i].d)
	}
	for _, d := range cands {
		r.trailer, r.trailerptr = d, objptr{}
		if r.catalogError() == nil {
			return nil
		}
	}
	if len(s.catalogs) == 0 {
		r.catalogsInStreams(&s)
	}
	for i := len(s.catalogs) - 1; i >= 0; i-- {
		t := dict{"Root": s.catalogs[i].ptr, "Size": int64(len(r.xref))}
		for _, d := range cands {
			for _, k := range []name{"Info", "ID", "Encrypt"} {
				if _, ok := t[k]; !ok && d[k] != nil {
					t[k] = d[k]
				}
			}
		}
		r.trailer, r.trailerptr = t, objptr{}
		if r.catalogError() == nil {
			return nil
		}
	}
	r.trailer = nil
	if len(s.table) == 0 {
		return errors.New("no objects")
	}
	return errors.New("no document catalog with a page tree")
}

func (r *Reader) resetObjStms() {
	r.mu.Lock()
	r.objstms = map[uint32]*objStm{}
	r.cached = 0
	r.mu.Unlock()
}

// scan finds the direct objects of the file, its trailers and catalogs.
func (r *Reader) scan() scanResult {
	var s scanResult
	data := r.data
	put := func(id int64, e xref, at int64) {
		if id >= int64(len(s.table)) {
			n := id + 1 - int64(len(s.table))
			s.table = append(s.table, make([]xref, n)...)
			s.at = append(s.at, make([]int64, n)...)
		}
		if at >= s.at[id] {
			s.table[id], s.at[id] = e, at
		}
	}
	for i := 0; i < len(data); {
		k := bytes.Index(data[i:], []byte("obj"))
		if k < 0 {
			break
		}
		p := i + k
		i = p + 3
		if i < len(data) && !isSpace(data[i]) && !isDelim(data[i]) {
			continue
		}
		start, id, gen, ok := headerBefore(data, p)
		if !ok || id >= maxObjects {
			continue
		}
		r.tick()
		ptr := objptr{uint32(id), uint16(gen)}
		put(id, xref{ptr: ptr, offset: start}, start)
		obj, next := r.parseAt(start)
		switch x := obj.(type) {
		case stream:
			switch x.hdr["Type"] {
			case name("ObjStm"):
				s.stms = append(s.stms, found{off: start, ptr: ptr})
			case name("XRef"):
				s.trailers = append(s.trailers, found{off: start, d: x.hdr})
			}
			if x.offset > 0 && x.offset <= int64(len(data)) {
				if e := bytes.Index(data[x.offset:], []byte("endstream")); e >= 0 {
					i = max(i, int(x.offset)+e+len("endstream"))
				}
			}
		case dict:
			if x["Type"] == name("Catalog") {
				s.catalogs = append(s.catalogs, found{off: start, ptr: ptr})
			}
			i = max(i, int(next))
		}
	}
	for i := 0; i < len(data); {
		k := bytes.Index(data[i:], []byte("trailer"))
		if k < 0 {
			break
		}
		p := i + k
		i = p + len("trailer")
		r.tick()
		if d, ok := r.parseTrailer(int64(i)); ok {
			s.trailers = append(s.trailers, found{off: int64(p), d: d})
		}
	}
	return s
}

// addObjStms adds the objects of the object streams found by the scan to
// its table, where no later definition of them exists.
func (r *Reader) addObjStms(s *scanResult) {
	for _, st := range s.stms {
		os := r.tryObjStm(st.ptr)
		if os == nil {
			continue
		}
		ids := make([]uint32, 0, len(os.offs))
		for id := range os.offs {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for i, id := range ids {
			if id == 0 || id == st.ptr.id {
				continue
			}
			e := xref{ptr: objptr{id, 0}, inStream: true, stream: st.ptr, offset: int64(i)}
			if int(id) >= len(s.table) {
				n := int(id) + 1 - len(s.table)
				s.table = append(s.table, make([]xref, n)...)
				s.at = append(s.at, make([]int64, n)...)
			}
			if st.off >= s.at[id] {
				s.table[id], s.at[id] = e, st.off
			}
		}
	}
}

// catalogsInStreams looks for catalogs among the objects in object streams.
func (r *Reader) catalogsInStreams(s *scanResult) {
	for id, e := range r.xref {
		if !e.inStream || e.ptr.id != uint32(id) {
			continue
		}
		func() {
			defer func() { _ = recover() }()
			if v := r.resolve(objptr{}, e.ptr); v.Kind() == Dict && v.Key("Type").Name() == "Catalog" {
				s.catalogs = append(s.catalogs, found{off: s.at[id], ptr: e.ptr})
			}
		}()
	}
	sort.SliceStable(s.catalogs, func(i, j int) bool { return s.catalogs[i].off < s.catalogs[j].off })
}

func (r *Reader) tryObjStm(ptr objptr) (os *objStm) {
	defer func() {
		if x := recover(); x != nil {
			if err, ok := x.(error); ok && r.ctx.Err() != nil && errors.Is(err, r.ctx.Err()) {
				panic(x)
			}
			os = nil
		}
	}()
	return r.objStm(ptr)
}

// parseAt reads the object defined at off; nil if it cannot be read. next
// is the offset after it.
func (r *Reader) parseAt(off int64) (obj object, next int64) {
	b := newBuffer(io.NewSectionReader(r.f, off, r.end-off), off)
	defer func() {
		if x := recover(); x != nil {
			obj, next = nil, b.readOffset()
		}
	}()
	if def, ok := b.readObject().(objdef); ok {
		return def.obj, b.readOffset()
	}
	return nil, b.readOffset()
}

// parseTrailer reads the dictionary after a "trailer" keyword at off.
func (r *Reader) parseTrailer(off int64) (d dict, ok bool) {
	defer func() {
		if x := recover(); x != nil {
			d, ok = nil, false
		}
	}()
	b := newBuffer(io.NewSectionReader(r.f, off, r.end-off), off)
	b.allowStream = false
	d, ok = b.readObject().(dict)
	return d, ok && d["Root"] != nil
}

// headerBefore reads back from p, the offset of an "obj" keyword, to the
// "N G" before it, and returns the offset of N.
func headerBefore(data []byte, p int) (start, id, gen int64, ok bool) {
	if p < 1 || !isSpace(data[p-1]) {
		return 0, 0, 0, false
	}
	gs, ok1 := numberBefore(data, p, 5)
	if !ok1 || gs < 1 || !isSpace(data[gs-1]) {
		return 0, 0, 0, false
	}
	is, ok2 := numberBefore(data, gs, 10)
	if !ok2 || is > 0 && !isSpace(data[is-1]) && !isDelim(data[is-1]) {
		return 0, 0, 0, false
	}
	id, _, _ = digitsAt(data, is)
	gen, _, _ = digitsAt(data, gs)
	if gen > 65535 {
		return 0, 0, 0, false
	}
	return int64(is), id, gen, true
}

// numberBefore skips the white space before p and the number of at most
// max digits before it, and returns the offset of its first digit.
func numberBefore(data []byte, p, max int) (int, bool) {
	j := p - 1
	for j >= 0 && isSpace(data[j]) {
		j--
	}
	end := j + 1
	for j >= 0 && end-j <= max+1 && data[j] >= '0' && data[j] <= '9' {
		j--
	}
	start := j + 1
	return start, start < end && end-start <= max
}
