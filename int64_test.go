package actions

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// id64 is a 64-bit integer type with text methods: it writes itself, so
// the Int64Header leaves it alone.
type id64 int64

func (i id64) MarshalText() ([]byte, error) {
	return []byte("id-" + strconv.FormatInt(int64(i), 10)), nil
}
func (i *id64) UnmarshalText(b []byte) error {
	n, err := strconv.ParseInt(string(b[3:]), 10, 64)
	*i = id64(n)
	return err
}

type count uint64

type wide struct {
	I     int64            `json:"i"`
	U     uint64           `json:"u"`
	N     int              `json:"n"`
	Small int32            `json:"small"`
	F     float64          `json:"f"`
	P     *int64           `json:"p"`
	S     []uint64         `json:"s"`
	M     map[int64]int64  `json:"m"`
	D     time.Duration    `json:"d"`
	C     count            `json:"c"`
	ID    id64             `json:"id"`
	Q     int64            `json:"q,string"`
	Any   any              `json:"any"`
	Named map[string]count `json:"named"`
}

// TestInt64Strings checks the Int64Header: with it, every 64-bit integer
// (and Duration, and types defined on them) travels as a string of its
// digits both ways, numbers are still read, and other numbers, types with
// their own methods and map keys are as ever; without it nothing changes.
func TestInt64Strings(t *testing.T) {
	h := NewHandler([]Action{
		{ID: "w.Echo", Params: []Parameter{Param[wide]("w")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) { return *args[0].(*wide), nil }},
		{ID: "w.Max", Params: []Parameter{Param[int64]("a"), Param[uint64]("b")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				return []any{*args[0].(*int64), *args[1].(*uint64)}, nil
			}},
	})
	strs := map[string]string{Int64Header: "string"}
	for _, tc := range []struct {
		name, id, body string
		header         map[string]string
		status         int
		want           string
	}{
		{"extremes as strings", "w.Max", `["-9223372036854775808","18446744073709551615"]`, strs, 200,
			`["-9223372036854775808","18446744073709551615"]`},
		{"numbers are still read", "w.Max", `[9223372036854775807,1]`, strs, 200, `["9223372036854775807","1"]`},
		{"out of range", "w.Max", `["9223372036854775808","0"]`, strs, 400, ``},
		{"not digits", "w.Max", `["1e3","0"]`, strs, 400, ``},
		{"a negative unsigned", "w.Max", `["1","-1"]`, strs, 400, ``},
		{"without the header, strings are refused", "w.Max", `["1","2"]`, nil, 400, ``},
		{"without the header, numbers", "w.Max", `[1,2]`, nil, 200, `[1,2]`},
		{"another value of the header", "w.Max", `[1,2]`, map[string]string{Int64Header: "number"}, 400, ``},
		{"every place", "w.Echo",
			`[{"i":"-9223372036854775808","u":"18446744073709551615","n":"9223372036854775807","small":1,"f":1.5,"p":"7","s":["1","2"],"m":{"3":"4"},"d":"60000000000","c":"18446744073709551615","id":"id-5","q":"6","any":1,"named":{"k":"8"}}]`,
			strs, 200,
			`{"i":"-9223372036854775808","u":"18446744073709551615","n":"9223372036854775807","small":1,"f":1.5,"p":"7","s":["1","2"],"m":{"3":"4"},"d":"60000000000","c":"18446744073709551615","id":"id-5","q":"6","any":1,"named":{"k":"8"}}`},
		{"every place, without the header", "w.Echo",
			`[{"i":-1,"u":2,"n":3,"small":1,"f":1.5,"p":null,"s":[],"m":{},"d":60000000000,"c":4,"id":"id-5","q":"6","any":null,"named":{}}]`,
			nil, 200,
			`{"i":-1,"u":2,"n":3,"small":1,"f":1.5,"p":null,"s":[],"m":{},"d":60000000000,"c":4,"id":"id-5","q":"6","any":null,"named":{}}`},
	} {
		res := serve(h, "POST", "/_actions/"+tc.id, tc.body, tc.header)
		if res.status != tc.status || tc.want != "" && res.body != tc.want {
			t.Errorf("%s: %d %s, want %d %s", tc.name, res.status, res.body, tc.status, tc.want)
		}
	}
}
