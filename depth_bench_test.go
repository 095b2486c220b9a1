package actions

import (
	"bytes"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"strings"
	"testing"
)

// BenchmarkDepthCheck measures what the depth limit costs on an argument
// whose type does not bound it (any), against decoding the same argument
// with no check: go test -run '^$' -bench DepthCheck -benchmem -count 10,
// then benchstat -col /check.
func BenchmarkDepthCheck(b *testing.B) {
	var item strings.Builder
	item.WriteString(`[`)
	for i := range 200 {
		if i > 0 {
			item.WriteString(",")
		}
		item.WriteString(`{"id":"item-000001","name":"Ceramic mug","price":12.5,"tags":["kitchen","gift"],"attrs":{"color":"blue","size":"M"},"owner":{"name":"w","zone":[1,2,3]}}`)
	}
	item.WriteString(`]`)
	body := []byte("[" + item.String() + "]")
	params := []Parameter{Param[any]("v")}
	run := func(b *testing.B, decode func(d *jsontext.Decoder, buf *bytes.Buffer) error) {
		var d jsontext.Decoder
		var buf bytes.Buffer
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			buf.Write(body)
			if err := decode(&d, &buf); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("check=depth", func(b *testing.B) {
		args := make([]any, 0, 1)
		run(b, func(d *jsontext.Decoder, buf *bytes.Buffer) error {
			_, err := decodeArgs(d, buf, params, DefaultMaxDepth, args, false, nil)
			return err
		})
	})
	b.Run("check=none", func(b *testing.B) {
		run(b, func(d *jsontext.Decoder, buf *bytes.Buffer) error {
			d.Reset(buf)
			var v []any
			return json.UnmarshalDecode(d, &v, strict)
		})
	})
}

// BenchmarkDecodeAnyMiB decodes a 1 MiB body of small values into an
// argument of type []any and reports the memory that takes, which is what
// Options.MaxConcurrent multiplies: go test -run '^$' -bench DecodeAnyMiB
// -benchmem.
func BenchmarkDecodeAnyMiB(b *testing.B) {
	var body bytes.Buffer
	body.WriteString("[[")
	for body.Len() < DefaultMaxBodyBytes-8 {
		body.WriteString("[0],")
	}
	body.WriteString("0]]")
	params := []Parameter{Param[[]any]("v")}
	var d jsontext.Decoder
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		buf.Write(body.Bytes())
		if _, err := decodeArgs(&d, &buf, params, DefaultMaxDepth, nil, false, nil); err != nil {
			b.Fatal(err)
		}
	}
}
