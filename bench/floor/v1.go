package floor

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// decodeArgsV1 decodes the array in one Decode call: encoding/json decodes
// each element of a []any into the pointer it already holds. A Decoder, not
// json.Unmarshal, because only a Decoder refuses unknown fields. This was
// measured to allocate less than reading the array token by token, and than
// json.Unmarshal into []json.RawMessage followed by a decoder per element.
func decodeArgsV1(body []byte, ptrs ...any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	got := ptrs // Decode fills ptrs' elements through got, and resizes got
	if err := dec.Decode(&got); err != nil {
		return err
	}
	if len(got) != len(ptrs) {
		return fmt.Errorf("want %d arguments, got %d", len(ptrs), len(got))
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the arguments")
	}
	return nil
}

func marshalV1(v any) ([]byte, error) { return json.Marshal(v) }
