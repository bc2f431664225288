// Package review is the review use case: it lists the imported sources
// with their progress, gives a source's facts and refused values with
// their boxes and the file they were read from, records corrections
// (accept, reject, edit, add a missed fact, promote a refused value) as
// data in the warehouse, gives an indicator's values across years, and
// moves corrections between warehouses as CSV. It is the second front end
// over the warehouse beside the import (package importer); the web page
// (review/web) and the command line call it.
//
// The warehouse is opened for each use and closed right after, through an
// Opener that the front end wires: read-only for a read, and for a write
// under the warehouse's lock, taken only for that write. So an import and
// an open review page never hold each other up for longer than one
// statement: while an import runs, a read or write fails at once with an
// error that Busy recognises, and the page tries again.
package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/letopis/letopis/load"
)

// Store is the warehouse a review reads and writes; load.Warehouse
// implements it.
type Store interface {
	ReviewSources(ctx context.Context) ([]load.SourceInfo, error)
	ReviewSource(ctx context.Context, sha256 string) (*load.SourceInfo, error)
	SourceFacts(ctx context.Context, sourceID int64) ([]load.ReviewFact, []load.RejectedValue, error)
	ReviewFactByID(ctx context.Context, factID string) (*load.ReviewFact, *load.SourceInfo, error)
	AddReview(ctx context.Context, r *load.Review) error
	Reviews(ctx context.Context) ([]load.Review, error)
	StaleReviews(ctx context.Context) ([]load.Review, error)
	ImportReviews(ctx context.Context, rs []load.Review) (added, apply, stale int, err error)
	IndicatorSeries(ctx context.Context, key string) ([]load.SeriesPoint, error)
	IndicatorKeys(ctx context.Context, limit int) ([]load.IndicatorKey, error)
}

var _ Store = (*load.Warehouse)(nil)

// Opener opens the warehouse for one use: read-only, or with write for a
// write under the warehouse's lock. release closes it and releases the
// lock. An Opener returns an error for which Busy is true when an import
// holds the warehouse.
type Opener func(ctx context.Context, write bool) (s Store, release func(), err error)

// ErrBusy means that another program (an import) holds the warehouse: try
// again in a moment.
var ErrBusy = errors.New("the warehouse is busy (an import is running); try again in a moment")

// Busy reports whether err means the warehouse is held by an import or
// another program, so that the same call may succeed a moment later.
func Busy(err error) bool { return errors.Is(err, ErrBusy) || errors.Is(err, load.ErrLocked) }

// ErrNotFound means there is no such source, fact or refused value.
var ErrNotFound = errors.New("not found")

// Service is the review of one warehouse.
type Service struct {
	// Open opens the warehouse for each use.
	Open Opener
	// Reviewer is who the corrections are recorded as made by.
	Reviewer string
	// Now is the clock (time.Now if nil).
	Now func() time.Time

	mu     sync.Mutex
	hashes map[fileKey]string     // SHA-256 of files already read, by path, size and time
	known  map[string]knownSource // sources recently read, by SHA-256
}

// knownSource is a source read from the warehouse a moment ago: its file is
// served without opening the warehouse again.
type knownSource struct {
	src Source
	at  time.Time
}

// knownFor is how long a source read from the warehouse is known without
// reading it again.
const knownFor = time.Minute

type fileKey struct {
	path  string
	size  int64
	mtime time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// read opens the warehouse read-only, calls fn and closes it.
func (s *Service) read(ctx context.Context, fn func(Store) error) error { return s.use(ctx, false, fn) }

// write opens the warehouse for writing under its lock, calls fn and
// closes it, releasing the lock.
func (s *Service) write(ctx context.Context, fn func(Store) error) error { return s.use(ctx, true, fn) }

func (s *Service) use(ctx context.Context, write bool, fn func(Store) error) error {
	st, release, err := s.Open(ctx, write)
	if err != nil {
		return err
	}
	defer release()
	return fn(st)
}

// Source is an imported file with where its bytes are now.
type Source struct {
	load.SourceInfo
	File File
}

// File says where a source's bytes are.
type File struct {
	// Path is the file with the source's bytes, "" if none was found.
	Path string
	// Problem says why none was found (for the page).
	Problem string
}

// Progress is the share of the source's facts that have a review.
func (s *Source) Progress() float64 {
	n := s.Facts + s.Added
	if n == 0 {
		return 0
	}
	return float64(s.Reviewed+s.Added) / float64(n)
}

// Overview is the list of sources and the corrections that no longer
// apply.
type Overview struct {
	Sources    []Source
	Stale      []load.Review
	Indicators []load.IndicatorKey
}

// Sources lists every source with its review progress and where its file
// is, the corrections that no longer apply, and the indicators reported in
// the most years.
func (s *Service) Sources(ctx context.Context) (*Overview, error) {
	var ov Overview
	var infos []load.SourceInfo
	err := s.read(ctx, func(st Store) error {
		var err error
		if infos, err = st.ReviewSources(ctx); err != nil {
			return err
		}
		if ov.Stale, err = st.StaleReviews(ctx); err != nil {
			return err
		}
		ov.Indicators, err = st.IndicatorKeys(ctx, 200)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, si := range infos {
		ov.Sources = append(ov.Sources, Source{SourceInfo: si, File: s.locate(&si)})
	}
	return &ov, nil
}

// Page is one source with its facts and refused values.
type Page struct {
	Source  Source
	Facts   []load.ReviewFact
	Refused []load.RejectedValue
}

// Source returns the source with the given bytes (SHA-256, hex) with its
// facts in reading order (those added by review after them) and its
// refused values; ErrNotFound if there is no such source.
func (s *Service) Source(ctx context.Context, sha256 string) (*Page, error) {
	var p Page
	err := s.read(ctx, func(st Store) error {
		si, err := st.ReviewSource(ctx, sha256)
		if err != nil {
			return err
		}
		p.Source.SourceInfo = *si
		p.Facts, p.Refused, err = st.SourceFacts(ctx, si.ID)
		return err
	})
	if errors.Is(err, load.ErrNoSource) {
		return nil, fmt.Errorf("source %s: %w", sha256, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	s.remember(p.Source.SourceInfo)
	p.Source.File = s.locate(&p.Source.SourceInfo)
	return &p, nil
}

// SourceInfo returns the source with the given bytes (SHA-256, hex) and
// where its file is, without its facts; ErrNotFound if there is none. A
// source read a moment ago is not read from the warehouse again.
func (s *Service) SourceInfo(ctx context.Context, sha256 string) (*Source, error) {
	s.mu.Lock()
	k, ok := s.known[sha256]
	s.mu.Unlock()
	if ok && time.Since(k.at) < knownFor {
		src := k.src
		src.File = s.locate(&src.SourceInfo)
		return &src, nil
	}
	var src Source
	err := s.read(ctx, func(st Store) error {
		si, err := st.ReviewSource(ctx, sha256)
		if err != nil {
			return err
		}
		src.SourceInfo = *si
		return nil
	})
	if errors.Is(err, load.ErrNoSource) {
		return nil, fmt.Errorf("source %s: %w", sha256, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	s.remember(src.SourceInfo)
	src.File = s.locate(&src.SourceInfo)
	return &src, nil
}

func (s *Service) remember(si load.SourceInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.known == nil || len(s.known) > 1000 {
		s.known = map[string]knownSource{}
	}
	s.known[si.SHA256] = knownSource{Source{SourceInfo: si}, time.Now()}
}

// SourceFile returns the source and the path of its file, checked to hold
// the bytes that were imported; ErrNotFound if there is no such source, or
// its file is gone or changed.
func (s *Service) SourceFile(ctx context.Context, sha256 string) (*Source, error) {
	src, err := s.SourceInfo(ctx, sha256)
	if err != nil {
		return nil, err
	}
	if src.File.Path == "" {
		return nil, fmt.Errorf("source %s: %s: %w", src.Path, src.File.Problem, ErrNotFound)
	}
	return src, nil
}

// locate finds the file with a source's bytes: where the import left it
// (its path, or its place in the archive), else its path as given, from
// the working folder. A file is taken only if its SHA-256 is the
// source's.
func (s *Service) locate(si *load.SourceInfo) File {
	var candidates []string
	if si.StoredAt != "" {
		candidates = append(candidates, si.StoredAt)
	}
	candidates = append(candidates, si.Path)
	problem := fmt.Sprintf("the file is gone (not at %s)", si.Path)
	if si.StoredAt != "" && si.StoredAt != si.Path {
		problem = fmt.Sprintf("the file is gone (not at %s nor %s)", si.StoredAt, si.Path)
	}
	for _, p := range candidates {
		fi, err := os.Stat(p)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if fi.Size() != si.Size {
			problem = fmt.Sprintf("the file at %s has changed since it was imported", p)
			continue
		}
		sum, err := s.fileSHA256(p, fi)
		if err != nil {
			problem = fmt.Sprintf("the file at %s cannot be read: %v", p, err)
			continue
		}
		if sum != si.SHA256 {
			problem = fmt.Sprintf("the file at %s has changed since it was imported", p)
			continue
		}
		return File{Path: p}
	}
	return File{Problem: problem}
}

func (s *Service) fileSHA256(path string, fi os.FileInfo) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	k := fileKey{abs, fi.Size(), fi.ModTime()}
	s.mu.Lock()
	sum, ok := s.hashes[k]
	s.mu.Unlock()
	if ok {
		return sum, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	sum = hex.EncodeToString(h.Sum(nil))
	s.mu.Lock()
	if s.hashes == nil {
		s.hashes = map[fileKey]string{}
	}
	s.hashes[k] = sum
	s.mu.Unlock()
	return sum, nil
}

// Indicator returns the facts of an indicator key by year, from the view
// facts (reviews and aliases applied).
func (s *Service) Indicator(ctx context.Context, key string) ([]load.SeriesPoint, error) {
	var pts []load.SeriesPoint
	err := s.read(ctx, func(st Store) error {
		var err error
		pts, err = st.IndicatorSeries(ctx, key)
		return err
	})
	return pts, err
}
