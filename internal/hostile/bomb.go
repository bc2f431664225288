package hostile

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
)

// bomb is deflate data that inflates to far more than its size.
type bomb struct {
	raw   []byte // raw deflate data
	crc   uint32 // CRC-32 of the inflated bytes
	adler uint32 // Adler-32 of the inflated bytes
	size  int64  // inflated length
}

// makeBomb deflates head, n times chunk, then tail, fast: each piece is
// compressed by a fresh compressor, so its blocks refer to nothing before
// them, and the blocks of chunk are repeated n times.
func makeBomb(head, chunk []byte, n int, tail []byte) bomb {
	piece := func(p []byte, final bool) []byte {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write(p)
		if final {
			w.Close()
		} else {
			w.Flush()
		}
		return b.Bytes()
	}
	var raw bytes.Buffer
	raw.Write(piece(head, false))
	c := piece(chunk, false)
	crc, adler := crc32.NewIEEE(), adler32.New()
	crc.Write(head)
	adler.Write(head)
	for i := 0; i < n; i++ {
		raw.Write(c)
		crc.Write(chunk)
		adler.Write(chunk)
	}
	raw.Write(piece(tail, true))
	crc.Write(tail)
	adler.Write(tail)
	return bomb{raw.Bytes(), crc.Sum32(), adler.Sum32(), int64(len(head)) + int64(n)*int64(len(chunk)) + int64(len(tail))}
}

// zlib returns the bomb as a zlib stream, for a PDF's FlateDecode.
func (b bomb) zlib() []byte {
	out := append([]byte{0x78, 0xda}, b.raw...)
	return binary.BigEndian.AppendUint32(out, b.adler)
}
