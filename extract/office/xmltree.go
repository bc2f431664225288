package office

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// node is an XML element read into memory: its name (local name and
// namespace URI), attributes and children, which are *node or string
// (character data). Only one top-level element of a document body is held
// at a time (see stream), so memory is bounded by the largest paragraph or
// table, not by the document.
type node struct {
	space, local string
	attr         []xml.Attr
	kids         []any
}

// attr returns the value of the attribute with this local name (any
// namespace), or "".
func (n *node) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// has reports whether the attribute is present.
func (n *node) has(local string) bool {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// child returns the first child element with this local name, or nil.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if c, ok := k.(*node); ok && c.local == local {
			return c
		}
	}
	return nil
}

// path follows child elements by local name; nil when one is missing.
func (n *node) path(locals ...string) *node {
	for _, l := range locals {
		n = n.child(l)
		if n == nil {
			return nil
		}
	}
	return n
}

// elems returns the child elements.
func (n *node) elems() []*node {
	var out []*node
	for _, k := range n.kids {
		if c, ok := k.(*node); ok {
			out = append(out, c)
		}
	}
	return out
}

// text returns all character data under n.
func (n *node) text() string {
	var sb strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			switch v := k.(type) {
			case string:
				sb.WriteString(v)
			case *node:
				walk(v)
			}
		}
	}
	walk(n)
	return sb.String()
}

// Limits of the XML reader: more elements than maxElements in one file, or
// elements nested deeper than maxDepth, are refused.
const (
	maxElements = 10_000_000
	maxDepth    = 256
)

var errTooDeep = fmt.Errorf("XML nested deeper than %d elements", maxDepth)

// xmlReader decodes one XML part, counting its elements against a budget
// shared by all the parts of a file.
type xmlReader struct {
	d      *xml.Decoder
	budget *int
}

func newXMLReader(r io.Reader, budget *int) *xmlReader {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("XML in %s encoding is not supported", label)
	}
	return &xmlReader{d: d, budget: budget}
}

// take counts one element against the budget.
func (x *xmlReader) take() error {
	*x.budget--
	if *x.budget < 0 {
		return fmt.Errorf("more than %d XML elements (an inflated or generated file?)", maxElements)
	}
	return nil
}

// tree reads the element whose start tag was just read into a node, with
// all its content up to its end tag.
func (x *xmlReader) tree(start xml.StartElement, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errTooDeep
	}
	n := &node{space: start.Name.Space, local: start.Name.Local, attr: start.Attr}
	for {
		tok, err := x.d.Token()
		if err != nil {
			return nil, xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := x.take(); err != nil {
				return nil, err
			}
			c, err := x.tree(t.Copy(), depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, c)
		case xml.CharData:
			if len(t) > 0 {
				n.kids = append(n.kids, string(t))
			}
		case xml.EndElement:
			return n, nil
		}
	}
}

// stream reads the part to its end. Each element whose local name is in
// want is read whole into a node and handed to fn (not its descendants);
// other elements are walked through. fn returning an error stops.
func (x *xmlReader) stream(want map[string]bool, fn func(*node) error) error {
	depth := 0
	for {
		tok, err := x.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := x.take(); err != nil {
				return err
			}
			if want[t.Name.Local] {
				n, err := x.tree(t.Copy(), depth+1)
				if err != nil {
					return err
				}
				if err := fn(n); err != nil {
					return err
				}
				continue
			}
			depth++
			if depth > maxDepth {
				return errTooDeep
			}
		case xml.EndElement:
			depth--
		}
	}
}

// xmlErr words an XML syntax error for a user.
func xmlErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("XML ends early (truncated file?)")
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) && strings.Contains(se.Msg, "unexpected EOF") {
		return errors.New("XML ends early (truncated file?)")
	}
	if errors.As(err, &se) {
		return fmt.Errorf("damaged XML at line %d: %s", se.Line, se.Msg)
	}
	return err
}
