package floor

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// decodeArgsV1 decodes the array in one pass of a json.Decoder, which
// measured faster than json.Unmarshal into []json.RawMessage followed by a
// decoder per element.
func decodeArgsV1(body []byte, ptrs ...any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		if len(ptrs) == 0 {
			return nil
		}
		return fmt.Errorf("want %d arguments, got none", len(ptrs))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return errors.New("the body must be a JSON array")
	}
	for i, p := range ptrs {
		if !dec.More() {
			return fmt.Errorf("want %d arguments, got %d", len(ptrs), i)
		}
		if err := dec.Decode(p); err != nil {
			return fmt.Errorf("argument %d: %v", i, err)
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim(']') {
		return fmt.Errorf("want %d arguments, got more", len(ptrs))
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the arguments")
	}
	return nil
}

func marshalV1(v any) ([]byte, error) { return json.Marshal(v) }
