package floor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// decodeOptionsV2 adds the refusal of unknown fields to v2's defaults, which
// already refuse duplicate names, invalid UTF-8 and case-variant names.
var decodeOptionsV2 = json.RejectUnknownMembers(true)

// encodeOptionsV2 makes v2 write what encoding/json writes, which the
// TypeScript types follow: null for nil slices and maps, <, > and & escaped.
var encodeOptionsV2 = json.JoinOptions(
	json.FormatNilSliceAsNull(true),
	json.FormatNilMapAsNull(true),
	jsontext.EscapeForHTML(true),
)

// decoders holds jsontext.Decoders for reuse: a new one allocates several
// kilobytes.
var decoders = sync.Pool{New: func() any { return new(jsontext.Decoder) }}

// decodeArgsV2 decodes the array in one pass of a jsontext.Decoder, which
// reads a bytes.Buffer in place.
func decodeArgsV2(body []byte, ptrs ...any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		if len(ptrs) == 0 {
			return nil
		}
		return fmt.Errorf("want %d arguments, got none", len(ptrs))
	}
	dec := decoders.Get().(*jsontext.Decoder)
	defer decoders.Put(dec)
	dec.Reset(bytes.NewBuffer(body)) // parsed in place, not copied
	if t, err := dec.ReadToken(); err != nil || t.Kind() != '[' {
		return errors.New("the body must be a JSON array")
	}
	for i, p := range ptrs {
		if dec.PeekKind() == ']' {
			return fmt.Errorf("want %d arguments, got %d", len(ptrs), i)
		}
		if err := json.UnmarshalDecode(dec, p, decodeOptionsV2); err != nil {
			return fmt.Errorf("argument %d: %v", i, err)
		}
	}
	if t, err := dec.ReadToken(); err != nil || t.Kind() != ']' {
		return fmt.Errorf("want %d arguments, got more", len(ptrs))
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return errors.New("trailing data after the arguments")
	}
	return nil
}

func marshalV2(v any) ([]byte, error) { return json.Marshal(v, encodeOptionsV2) }
