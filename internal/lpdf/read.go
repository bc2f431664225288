// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package lpdf reads the object structure of PDF files: the
// cross-reference table, indirect objects, object streams and stream
// filters. It is github.com/ledongthuc/pdf (a fork of rsc.io/pdf) made
// safe for files from anywhere; see README.md.
//
// A PDF is a data structure built from Values, each of which has one of the
// following Kinds: Null, Bool, Integer, Real, String, Name, Dict, Array,
// Stream. The accessors on Value (Int64, Float64, Name, Key, Index, …)
// return a zero result when there is no appropriate view, so a file can be
// traversed without error checks; a damaged object met on the way panics
// with an error, which the caller recovers.
//
// # Bounds
//
// No input holds a caller for ever or makes it allocate without limit:
//
//   - the chain of cross-reference sections (/Prev, /XRefStm) is followed
//     with a set of the offsets seen, at most maxXrefSections long;
//   - the table has at most maxObjects entries, whatever /Size, /Index or
//     a subsection header says;
//   - an object stream is decoded once (cached, at most maxObjStmBytes each
//     and maxObjStmCache in all), must itself be a direct object, and its
//     /Extends chain is followed at most maxExtends steps; the /Length and
//     filters of an object stream may not live in an object stream;
//   - the context given to Open is checked while objects are resolved and
//     while the file is scanned, and a cancelled context panics with its
//     error;
//   - the lexer stops at the end of its input in every token kind.
//
// # Repairs
//
// Like qpdf and pdf.js, Open reads a file that is still a report though
// its structure is damaged:
//
//   - bytes after %%EOF (NULs, spaces, a comment) are ignored: startxref
//     is looked for in the file's last 4 KiB;
//   - a cross-reference table that cannot be read, that loops, or whose
//     entries do not point at the objects they name is rebuilt by scanning
//     the file for "N G obj" (and the object streams found) and, for the
//     trailer, for the last trailer or cross-reference stream whose /Root
//     is a catalog, or the last catalog object;
//   - a stream whose /Length is missing or wrong is read up to its
//     "endstream";
//   - a Flate stream with a bad zlib checksum, a truncated or corrupt one,
//     gives the bytes that inflated before the damage.
//
// What was repaired is listed by Reader.Repairs.
package lpdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Limits on the structure of a file; see the package doc.
const (
	maxXrefSections = 1024
	maxObjects      = 1 << 21
	maxObjStmBytes  = 32 << 20
	maxObjStmCache  = 256 << 20
	maxObjStmN      = 1 << 20
	maxExtends      = 16
	maxRepairNotes  = 16
	// ctxEvery is how many resolutions (or scanned objects) pass between
	// two checks of the context.
	ctxEvery = 256
)

// A Reader is a single PDF file open for reading. Its methods, and those of
// its Values, may be called from several goroutines at once.
type Reader struct {
	data       []byte
	f          io.ReaderAt
	end        int64
	xref       []xref
	trailer    dict
	trailerptr objptr
	key        []byte
	useAES     bool
	ctx        context.Context
	calls      atomic.Uint32

	mu      sync.Mutex
	objstms map[uint32]*objStm // decoded object streams by object number
	cached  int                // bytes held by objstms
	lengths map[int64]int64    // stream data offset → length, where /Length was wrong
	repairs []string
}

type xref struct {
	ptr      objptr
	inStream bool
	stream   objptr
	offset   int64 // file offset; for an object in a stream, its index there
}

// objStm is a decoded object stream.
type objStm struct {
	data    []byte
	first   int64
	offs    map[uint32]int64 // object number → offset after first
	extends objptr
	err     error
}

// Open reads the cross-reference structure of the PDF file in data,
// repairing it if it is damaged (see the package doc). ctx bounds the work
// of Open and of every later use of the Reader and its Values.
func Open(ctx context.Context, data []byte) (r *Reader, err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF file: invalid header")
	}
	r = &Reader{
		data:    data,
		f:       bytes.NewReader(data),
		end:     int64(len(data)),
		ctx:     ctx,
		objstms: map[uint32]*objStm{},
		lengths: map[int64]int64{},
	}
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, asError(x)
		}
	}()
	table, ptr, trailer, xerr := r.readXrefChain()
	if xerr == nil {
		r.xref, r.trailer, r.trailerptr = table, trailer, ptr
		if bad := r.badEntries(); bad > 0 {
			xerr = fmt.Errorf("%d cross-reference entries point at no such object", bad)
		} else if cerr := r.catalogError(); cerr != nil {
			xerr = cerr
		}
	}
	if xerr != nil {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := r.rebuild(table, trailer); err != nil {
			return nil, fmt.Errorf("broken cross-reference table (%s), and a scan of the file found %v", oneLine(xerr), err)
		}
		r.note("cross-reference table rebuilt by a scan of the file (%s)", oneLine(xerr))
	}
	if r.trailer["Encrypt"] == nil {
		return r, nil
	}
	if err := r.initEncrypt(""); err != nil {
		return nil, err
	}
	return r, nil
}

// Trailer returns the file's Trailer value.
func (r *Reader) Trailer() Value {
	return Value{r, r.trailerptr, r.trailer}
}

// Repairs lists, one line each, what Open and the reading of streams
// repaired in the file (at most a few lines).
func (r *Reader) Repairs() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.repairs...)
}

func (r *Reader) note(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.repairs) < maxRepairNotes {
		r.repairs = append(r.repairs, fmt.Sprintf(format, args...))
	}
}

// tick checks the context every ctxEvery calls.
func (r *Reader) tick() {
	if r.calls.Add(1)%ctxEvery == 0 {
		if err := r.ctx.Err(); err != nil {
			panic(err)
		}
	}
}

// catalogError says why the trailer's /Root is not a document catalog
// with pages, or returns nil.
func (r *Reader) catalogError() (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("document catalog unreadable: %v", asError(x))
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != Dict {
		return errors.New("no document catalog (/Root)")
	}
	if p := root.Key("Pages"); p.Kind() != Dict {
		return errors.New("document catalog has no page tree")
	}
	return nil
}

func (r *Reader) resolve(parent objptr, x object) Value {
	return r.resolveIn(parent, x, true)
}

// resolveIn returns the value of x, reading it from the file if it is a
// reference. objStmOK false refuses objects inside object streams (while
// an object stream itself is being decoded).
func (r *Reader) resolveIn(parent objptr, x object, objStmOK bool) Value {
	if ptr, ok := x.(objptr); ok {
		if r == nil {
			return Value{}
		}
		r.tick()
		if ptr.id >= uint32(len(r.xref)) {
			return Value{}
		}
		xr := r.xref[ptr.id]
		if xr.ptr != ptr || !xr.inStream && xr.offset == 0 {
			return Value{}
		}
		if xr.inStream {
			if !objStmOK {
				// the /Length or a filter of an object stream, which may
				// not be in one: unknown (a length is then found by
				// endstream)
				return Value{}
			}
			x = r.inStream(ptr, xr.stream)
		} else {
			x = r.direct(ptr, xr.offset)
		}
		if to, ok := x.(objptr); ok {
			panic(fmt.Errorf("object %d %d R is only a reference to %v", ptr.id, ptr.gen, objfmt(to)))
		}
		parent = ptr
	}

	switch x := x.(type) {
	case nil, bool, int64, float64, name, dict, array, stream, string:
		return Value{r, parent, x}
	default:
		panic(fmt.Errorf("unexpected value type %T in resolve", x))
	}
}

// direct reads the object ptr defined at offset in the file.
func (r *Reader) direct(ptr objptr, offset int64) object {
	if offset < 0 || offset >= r.end {
		panic(fmt.Errorf("loading %v: offset %d outside the file", objfmt(ptr), offset))
	}
	b := newBuffer(io.NewSectionReader(r.f, offset, r.end-offset), offset)
	b.key = r.key
	b.useAES = r.useAES
	obj := b.readObject()
	def, ok := obj.(objdef)
	if !ok {
		panic(fmt.Errorf("loading %v: found %T instead of objdef", objfmt(ptr), obj))
	}
	if def.ptr != ptr {
		panic(fmt.Errorf("loading %v: found %v", objfmt(ptr), objfmt(def.ptr)))
	}
	return def.obj
}

// inStream reads the object ptr from the object stream stm, following its
// /Extends chain a bounded number of steps.
func (r *Reader) inStream(ptr, stm objptr) object {
	for hop := 0; ; hop++ {
		os := r.objStm(stm)
		if off, ok := os.offs[ptr.id]; ok {
			start := os.first + off
			if start < 0 || start >= int64(len(os.data)) {
				panic(fmt.Errorf("object %d is outside its object stream", ptr.id))
			}
			b := newBuffer(bytes.NewReader(os.data[start:]), 0)
			b.allowEOF = true
			b.allowStream = false
			return b.readObject()
		}
		if os.extends == (objptr{}) || hop >= maxExtends {
			panic(fmt.Errorf("cannot find object %d in its object stream", ptr.id))
		}
		stm = os.extends
	}
}

// objStm returns the object stream ptr, decoded once and cached.
func (r *Reader) objStm(ptr objptr) *objStm {
	r.mu.Lock()
	os, ok := r.objstms[ptr.id]
	r.mu.Unlock()
	if !ok {
		os = r.loadObjStm(ptr)
		r.mu.Lock()
		if old, ok := r.objstms[ptr.id]; ok { // another goroutine was quicker
			os = old
		} else {
			if r.cached+len(os.data) > maxObjStmCache {
				os = &objStm{err: fmt.Errorf("object streams decode to more than %d MiB in all", maxObjStmCache>>20)}
			}
			r.cached += len(os.data)
			r.objstms[ptr.id] = os
		}
		r.mu.Unlock()
	}
	if os.err != nil {
		panic(os.err)
	}
	return os
}

func (r *Reader) loadObjStm(ptr objptr) (os *objStm) {
	defer func() {
		if x := recover(); x != nil {
			if err, ok := x.(error); ok && r.ctx.Err() != nil && errors.Is(err, r.ctx.Err()) {
				panic(x) // not cached: the file is not at fault
			}
			os = &objStm{err: fmt.Errorf("object stream %d: %v", ptr.id, asError(x))}
		}
	}()
	if ptr.id < uint32(len(r.xref)) && r.xref[ptr.id].inStream {
		panic(errors.New("it is itself inside an object stream"))
	}
	v := r.resolveIn(objptr{}, ptr, false)
	if v.Kind() != Stream {
		panic(errors.New("not a stream"))
	}
	if v.keyIn("Type", false).Name() != "ObjStm" {
		panic(errors.New("not an object stream"))
	}
	n := v.keyIn("N", false).Int64()
	first := v.keyIn("First", false).Int64()
	if n < 0 || n > maxObjStmN || first <= 0 {
		panic(fmt.Errorf("bad /N %d or /First %d", n, first))
	}
	rc := v.reader(false)
	data, err := io.ReadAll(io.LimitReader(rc, maxObjStmBytes+1))
	rc.Close()
	if err != nil {
		panic(err)
	}
	if len(data) > maxObjStmBytes {
		panic(fmt.Errorf("decodes to more than %d MiB", maxObjStmBytes>>20))
	}
	os = &objStm{data: data, first: first, offs: map[uint32]int64{}}
	if ext, ok := v.data.(stream).hdr["Extends"].(objptr); ok {
		os.extends = ext
	}
	head := data[:min(int64(len(data)), first)]
	b := newBuffer(bytes.NewReader(head), 0)
	b.allowEOF = true
	b.allowObjptr = false
	for i := int64(0); i < n; i++ {
		id, ok1 := b.readToken().(int64)
		off, ok2 := b.readToken().(int64)
		if !ok1 || !ok2 {
			break
		}
		if id >= 0 && id < maxObjects && off >= 0 {
			if _, dup := os.offs[uint32(id)]; !dup {
				os.offs[uint32(id)] = off
			}
		}
	}
	return os
}

// asError turns a recovered panic value into an error.
func asError(x any) error {
	if err, ok := x.(error); ok {
		return err
	}
	return fmt.Errorf("malformed PDF: %v", x)
}

// oneLine shortens an error for a note or a wrapped message: one line of
// printable characters.
func oneLine(err error) string {
	s := strings.Map(func(c rune) rune {
		if !unicode.IsPrint(c) {
			return ' '
		}
		return c
	}, err.Error())
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}
