// Package fork reads report files in child processes of the same binary,
// the way Apache Tika's forked parser guards its server: a parser that
// loops where it cannot be interrupted, or that crashes, costs the child,
// which is killed at the file's deadline (or when the run is interrupted),
// never the run, its lock, or the next file.
//
// The child is the program itself run with the arguments a front end
// chooses (cmd/letopis: `letopis read-child`), which calls Serve on its
// standard input and output. The parent keeps a Pool of children and
// hands it to importer.Options.Read. A child reads one file at a time and
// is used again for the next; a child that was killed or crashed is
// replaced by a new one for the next file.
//
// The protocol on the child's standard input and output: for each file a
// request (a frame of JSON: the importer.FileRequest without its bytes,
// then a frame of the bytes) and a response (a frame of JSON: the report,
// or the error with the fields of a letopis.InputError). A frame is an
// 8-byte big-endian length and that many bytes.
package fork

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/importer"
	"github.com/letopis/letopis/transform/units"
)

// maxFrame bounds a frame: a file is at most importer.MaxFileSize, a
// report far less.
const maxFrame = importer.MaxFileSize + 1<<20

// response is the child's answer to one request.
type response struct {
	Report *letopis.Report `json:",omitempty"`
	Err    *wireError      `json:",omitempty"`
}

// wireError is a letopis.InputError as it crosses the pipe: its fields,
// its cause's message, and the name of the sentinel cause it wraps.
type wireError struct {
	Path, Sheet, Cell  string
	Page, Line, Column int
	Message, Is        string
}

// sentinels are the causes an error keeps across the pipe, by name.
var sentinels = map[string]error{
	"unknown-format": letopis.ErrUnknownFormat,
	"encrypted":      letopis.ErrEncrypted,
	"no-text":        letopis.ErrNoText,
	"no-year":        letopis.ErrNoYear,
}

func toWire(err error) *wireError {
	w := &wireError{Message: err.Error()}
	var ie *letopis.InputError
	if errors.As(err, &ie) {
		w.Path, w.Page, w.Sheet, w.Cell, w.Line, w.Column = ie.Path, ie.Page, ie.Sheet, ie.Cell, ie.Line, ie.Column
		if ie.Err != nil {
			w.Message = ie.Err.Error()
		}
	}
	for name, s := range sentinels {
		if errors.Is(err, s) {
			w.Is = name
		}
	}
	return w
}

func (w *wireError) err() error {
	return &letopis.InputError{Path: w.Path, Page: w.Page, Sheet: w.Sheet, Cell: w.Cell, Line: w.Line, Column: w.Column,
		Err: remoteError{w.Message, sentinels[w.Is]}}
}

// remoteError is the cause of an error met in a child.
type remoteError struct {
	msg string
	is  error
}

func (e remoteError) Error() string        { return e.msg }
func (e remoteError) Is(target error) bool { return e.is != nil && target == e.is }

func writeFrame(w io.Writer, b []byte) error {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

func readFrame(r io.Reader) ([]byte, error) {
	var n [8]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint64(n[:])
	if size > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes: larger than any file letopis reads", size)
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(r, b); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

// Serve is the child: it reads requests from in until it ends, reads each
// file's report with importer.ReadReport and the lexicon lex, and writes
// the responses to out.
func Serve(ctx context.Context, in io.Reader, out io.Writer, lex *units.Lexicon) error {
	r := bufio.NewReader(in)
	w := bufio.NewWriter(out)
	for {
		head, err := readFrame(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var req importer.FileRequest
		if err := json.Unmarshal(head, &req); err != nil {
			return fmt.Errorf("request: %v", err)
		}
		if req.Data, err = readFrame(r); err != nil {
			return fmt.Errorf("request: %v", err)
		}
		var resp response
		rep, err := importer.ReadReport(ctx, req, lex)
		if err != nil {
			resp.Err = toWire(err)
		} else {
			resp.Report = rep
		}
		b, err := json.Marshal(resp)
		if err != nil { // a value JSON cannot hold (NaN): the file's failure
			b, _ = json.Marshal(response{Err: toWire(letopis.InFile(req.Path, fmt.Errorf("report cannot be passed on: %v", err)))})
		}
		if err := writeFrame(w, b); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

// Pool keeps child processes that read files. Its Read may be called from
// several goroutines at once; each call uses a child of its own.
type Pool struct {
	argv []string // the child's command line: the program and its arguments
	env  []string // its environment (nil: this process's)

	mu     sync.Mutex
	idle   []*child
	closed bool
}

// NewPool returns a pool whose children run argv (argv[0] the program,
// usually os.Executable) with the environment env (nil: this process's).
// No child starts before the first Read.
func NewPool(argv, env []string) *Pool {
	return &Pool{argv: argv, env: env}
}

// child is one child process.
type child struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *tail
}

// Read reads a file's report in a child (see importer.Options.Read). When
// ctx is done first, the child is killed and Read returns ctx's cause: the
// file's deadline, or the run's end.
func (p *Pool) Read(ctx context.Context, req importer.FileRequest) (*letopis.Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	c, err := p.get()
	if err != nil {
		return nil, err
	}
	type result struct {
		resp response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		res.resp, res.err = c.roundTrip(req)
		done <- res
	}()
	select {
	case res := <-done:
		if res.err != nil {
			c.kill()
			return nil, fmt.Errorf("the reading process failed: %v%s", res.err, c.stderr.last())
		}
		p.put(c)
		if res.resp.Err != nil {
			return nil, res.resp.Err.err()
		}
		if res.resp.Report == nil {
			return nil, errors.New("the reading process returned no report")
		}
		return res.resp.Report, nil
	case <-ctx.Done():
		c.kill()
		<-done
		return nil, context.Cause(ctx)
	}
}

func (c *child) roundTrip(req importer.FileRequest) (response, error) {
	data := req.Data
	req.Data = nil
	head, err := json.Marshal(req)
	if err != nil {
		return response{}, err
	}
	if err := writeFrame(c.in, head); err != nil {
		return response{}, err
	}
	if err := writeFrame(c.in, data); err != nil {
		return response{}, err
	}
	b, err := readFrame(c.out)
	if err != nil {
		if err == io.EOF {
			err = errors.New("it ended before it answered")
		}
		return response{}, err
	}
	var resp response
	if err := json.Unmarshal(b, &resp); err != nil {
		return response{}, fmt.Errorf("its answer: %v", err)
	}
	return resp, nil
}

// get returns an idle child, or starts one.
func (p *Pool) get() (*child, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, errors.New("the pool of reading processes is closed")
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	cmd := exec.Command(p.argv[0], p.argv[1:]...)
	cmd.Env = p.env
	setGroup(cmd)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, in: in, out: bufio.NewReader(out), stderr: &tail{}}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting a reading process (%s): %v", p.argv[0], err)
	}
	return c, nil
}

func (p *Pool) put(c *child) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		c.stop()
		return
	}
	p.idle = append(p.idle, c)
}

// Close ends the idle children; a child still reading ends when its Read
// returns.
func (p *Pool) Close() {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, c := range idle {
		c.stop()
	}
}

// stop ends an idle child: its input closes, and it exits.
func (c *child) stop() {
	c.in.Close()
	c.cmd.Wait()
}

// kill ends a child at once, with the processes it started (OCR).
func (c *child) kill() {
	killGroup(c.cmd)
	c.in.Close()
	c.cmd.Wait()
}

// tail keeps the last bytes a child wrote on its standard error, for the
// message of a crash.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 4096 {
		t.buf = t.buf[len(t.buf)-4096:]
	}
	return len(p), nil
}

// last returns "; " and the child's last line of standard error worth
// showing, or "".
func (t *tail) last() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(strings.TrimSpace(string(t.buf)), "\n")
	for i, l := range lines {
		// a Go panic's first line says what happened
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return "; " + strings.TrimSpace(l) + moreLine(lines, i)
		}
	}
	if l := strings.TrimSpace(lines[len(lines)-1]); l != "" {
		return "; " + l
	}
	return ""
}

func moreLine(lines []string, i int) string {
	if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && !strings.HasPrefix(lines[i+1], "goroutine ") {
		return " " + strings.TrimSpace(lines[i+1])
	}
	return ""
}

// Executable returns the path of this program, for a pool's argv.
func Executable() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find the letopis program to read files in a child process: %v", err)
	}
	return p, nil
}
