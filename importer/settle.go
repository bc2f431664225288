package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/letopis/letopis/load"
)

// CheckFolder makes the folder dir if it is not there and checks that
// files can be written into it, as an archive or quarantine must be.
func CheckFolder(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".letopis-write-test-*")
	if err != nil {
		return errors.New("not writable")
	}
	f.Close()
	return os.Remove(f.Name())
}

// settle moves a file after its outcome: imported and unchanged files to
// the archive, failed ones to the quarantine with NAME.error.txt beside them.
// It returns where the file went, or "" if it stayed. A failure to move is
// added to the file's error, never hidden.
func settle(path string, outcome load.Outcome, ferr error, o Options) (string, error) {
	var dir string
	switch outcome {
	case load.Imported, load.Unchanged:
		dir = o.Archive
	case load.Failed:
		dir = o.Quarantine
	}
	if dir == "" {
		return "", ferr
	}
	dest, err := moveNoClobber(path, dir)
	if err != nil {
		merr := fmt.Errorf("could not move %s to %s: %v", path, dir, err)
		if ferr != nil {
			return "", fmt.Errorf("%w; %v", ferr, merr)
		}
		return "", merr
	}
	if outcome == load.Failed {
		why := fmt.Sprintf("%s\nfile:  %s\nmoved: %s\nat:    %s\n", strings.Join(strings.Fields(errText(ferr)), " "), path, dest, time.Now().UTC().Format(time.RFC3339))
		if err := writeNoClobber(dest+".error.txt", []byte(why)); err != nil {
			return dest, fmt.Errorf("%w; could not write %s.error.txt: %v", ferr, dest, err)
		}
	}
	return dest, ferr
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// moveNoClobber moves path into dir under its base name, or NAME.1.EXT,
// NAME.2.EXT … if that is taken: it never overwrites a file.
func moveNoClobber(path, dir string) (string, error) {
	base := filepath.Base(path)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	for n := 0; n < 10000; n++ {
		name := base
		if n > 0 {
			name = fmt.Sprintf("%s.%d%s", stem, n, ext)
		}
		dest := filepath.Join(dir, name)
		// Link, then remove: fails with EEXIST instead of replacing.
		err := os.Link(path, dest)
		if err == nil {
			return dest, os.Remove(path)
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		var le *os.LinkError
		if errors.As(err, &le) && (errors.Is(le.Err, syscall.EXDEV) || errors.Is(le.Err, syscall.EPERM) || errors.Is(le.Err, syscall.ENOTSUP)) {
			// Another file system, or no hard links: copy exclusively.
			if err := copyExclusive(path, dest); err != nil {
				if errors.Is(err, os.ErrExist) {
					continue
				}
				return "", err
			}
			return dest, os.Remove(path)
		}
		return "", err
	}
	return "", errors.New("too many files of that name")
}

func copyExclusive(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	return out.Close()
}

// writeNoClobber writes a new file, or NAME.1… if the name is taken.
func writeNoClobber(path string, data []byte) error {
	for n := 0; n < 10000; n++ {
		p := path
		if n > 0 {
			p = fmt.Sprintf("%s.%d", path, n)
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return errors.New("too many files of that name")
}
