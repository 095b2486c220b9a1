package actions

import (
	"encoding/json/jsontext"
	"encoding/json/v2"
	"time"
)

// The wire codec is encoding/json/v2 with its default options, which refuse
// duplicate names and invalid UTF-8, match names case-sensitively and write
// nil slices and maps as [] and {}, plus what this file adds: unknown
// members are refused when decoding, and time.Duration, which v2 leaves
// without a default representation, travels as integer nanoseconds, as
// encoding/json v1 wrote it. The scanner's model of the wire and the
// TypeScript types follow exactly these options; the tests compare them with
// the codec's real output.
var (
	durations = json.JoinOptions(
		json.WithMarshalers(json.MarshalToFunc(func(enc *jsontext.Encoder, d time.Duration) error {
			return enc.WriteToken(jsontext.Int(int64(d)))
		})),
		json.WithUnmarshalers(json.UnmarshalFromFunc(func(dec *jsontext.Decoder, d *time.Duration) error {
			var n int64
			if err := json.UnmarshalDecode(dec, &n); err != nil {
				return err
			}
			*d = time.Duration(n)
			return nil
		})),
	)
	decodeOptions = json.JoinOptions(json.RejectUnknownMembers(true), durations)
	encodeOptions = durations
)

// JSONOptions returns the options the handler decodes arguments and encodes
// results with, for code that must read or write the wire exactly as the
// handler does (tests, a hand-written client).
func JSONOptions() json.Options { return decodeOptions }
