package sheet

import (
	"context"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// XLS extracts legacy BIFF8 workbooks.
type XLS struct{}

// Extract implements extract.Extractor.
func (XLS) Extract(ctx context.Context, _ string, data []byte, _ extract.Options) (*letopis.Document, error) {
	return nil, nil
}
