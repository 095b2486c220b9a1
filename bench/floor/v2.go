package floor

import (
	"bytes"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"io"
	"sync"
)

// decodeOptionsV2 are the runtime's decoding options: v2's defaults, which
// refuse duplicate names and invalid UTF-8 and match names exactly, plus the
// refusal of unknown members. The runtime's time.Duration marshalers are
// left out: package app has no duration, and carrying them for every type
// is part of the price of being generic.
var decodeOptionsV2 = json.RejectUnknownMembers(true)

// decoders holds jsontext.Decoders for reuse: a new one allocates several
// kilobytes.
var decoders = sync.Pool{New: func() any { return new(jsontext.Decoder) }}

// decodeArgsV2 decodes the array in one pass of a jsontext.Decoder, which
// reads a bytes.Buffer in place. The options go to Reset, once per body:
// that measured a little faster than giving them to each UnmarshalDecode.
func decodeArgsV2(body []byte, ptrs ...any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		if len(ptrs) == 0 {
			return nil
		}
		return fmt.Errorf("want %d arguments, got none", len(ptrs))
	}
	dec := decoders.Get().(*jsontext.Decoder)
	defer decoders.Put(dec)
	dec.Reset(bytes.NewBuffer(body), decodeOptionsV2) // parsed in place, not copied
	if t, err := dec.ReadToken(); err != nil || t.Kind() != '[' {
		return errors.New("the body must be a JSON array")
	}
	for i, p := range ptrs {
		if dec.PeekKind() == ']' {
			return fmt.Errorf("want %d arguments, got %d", len(ptrs), i)
		}
		if err := json.UnmarshalDecode(dec, p); err != nil {
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

// marshalV2 writes v with v2's defaults, as the runtime does: nil slices and
// maps as [] and {}, and <, > and & as they are.
func marshalV2(v any) ([]byte, error) { return json.Marshal(v) }
