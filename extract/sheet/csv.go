package sheet

import (
	"context"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// CSV extracts delimited text exports.
type CSV struct{}

// Extract implements extract.Extractor.
func (CSV) Extract(ctx context.Context, path string, data []byte, _ extract.Options) (*letopis.Document, error) {
	return nil, nil
}
