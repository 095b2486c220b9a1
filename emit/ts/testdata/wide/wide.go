// Package wide puts a time.Time and a 64-bit integer in every place a type
// can hold one (fields, slices, maps, pointers, generic instances,
// parameters, results, streams, a get action's arguments), for the round
// trips of the TypeScript client's -ts-dates and -ts-int64=bigint modes.
// Its Check actions say in Go what the server received, so a value that
// only survives the way back is caught too.
package wide

import (
	"fmt"
	"iter"
	"math"
	"time"
)

// Stamp holds times.
type Stamp struct {
	At     time.Time            `json:"at"`
	Maybe  *time.Time           `json:"maybe"`
	Later  []time.Time          `json:"later"`
	ByName map[string]time.Time `json:"byName"`
	Opt    time.Time            `json:"opt,omitzero"`
	Label  string               `json:"label"`
}

// Big holds 64-bit integers, and numbers that stay numbers.
type Big struct {
	I     int64            `json:"i"`
	U     uint64           `json:"u"`
	N     int              `json:"n"`
	UN    uint             `json:"un"`
	P     *int64           `json:"p"`
	S     []uint64         `json:"s"`
	M     map[string]int64 `json:"m"`
	Keys  map[int64]string `json:"keys"`
	D     time.Duration    `json:"d"`
	Level Level            `json:"level"`
	Q     int64            `json:"q,string"`
	Small int32            `json:"small"`
	F     float64          `json:"f"`
}

// Level is an enum of a 64-bit type.
type Level int64

// The levels: the extremes of an int64.
const (
	LevelLow  Level = math.MinInt64
	LevelHigh Level = math.MaxInt64
)

// Box is generic: its type argument's values are converted where it holds
// them.
type Box[T any] struct {
	Value T            `json:"value"`
	Items []T          `json:"items"`
	ByKey map[string]T `json:"byKey"`
	Ptr   *T           `json:"ptr"`
}

//actions:server
func EchoStamp(v Stamp) Stamp { return v }

//actions:server
func EchoBig(v Big) Big { return v }

//actions:server
func EchoBoxTime(v Box[time.Time]) Box[time.Time] { return v }

//actions:server
func EchoBoxInt(v Box[int64]) Box[int64] { return v }

//actions:server
func EchoBoxStamp(v Box[*Stamp]) Box[*Stamp] { return v }

//actions:server
func EchoBoxBig(v []Box[Big]) []Box[Big] { return v }

// Times takes times as parameters, and returns them as a slice.
//
//actions:server
func Times(a time.Time, b *time.Time, c []time.Time) []time.Time {
	out := []time.Time{a}
	if b != nil {
		out = append(out, *b)
	}
	return append(out, c...)
}

// Ints takes 64-bit integers as parameters and returns them in a map.
//
//actions:server
func Ints(a int64, b uint64, c *int64, d []int) map[string]int64 {
	out := map[string]int64{"a": a, "b": int64(b)}
	if c != nil {
		out["c"] = *c
	}
	for i, v := range d {
		out[fmt.Sprint("d", i)] = int64(v)
	}
	return out
}

// Extremes returns the ends of the 64-bit integers' ranges.
//
//actions:server
func Extremes() Big {
	p := int64(math.MinInt64)
	return Big{
		I: math.MaxInt64, U: math.MaxUint64, N: math.MinInt64, UN: math.MaxUint,
		P: &p, S: []uint64{0, math.MaxUint64}, M: map[string]int64{"max": math.MaxInt64, "min": math.MinInt64},
		Keys: map[int64]string{math.MinInt64: "min"}, D: math.MaxInt64, Level: LevelLow,
		Q: math.MaxInt64, Small: math.MaxInt32, F: 0.5,
	}
}

// Moment returns a time with nanoseconds and an offset.
//
//actions:server
func Moment() time.Time {
	return time.Date(2024, 2, 29, 23, 59, 58, 123456789, time.FixedZone("", 3600))
}

// CheckStamp says in Go what the server received.
//
//actions:server
func CheckStamp(v Stamp) string {
	maybe := "nil"
	if v.Maybe != nil {
		maybe = v.Maybe.Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("%s %s %v %v %v", v.At.Format(time.RFC3339Nano), maybe, v.Later, v.ByName, v.Opt.IsZero())
}

// CheckBig says in Go what the server received.
//
//actions:server
func CheckBig(v Big) string {
	p := "nil"
	if v.P != nil {
		p = fmt.Sprint(*v.P)
	}
	return fmt.Sprint(v.I, " ", v.U, " ", v.N, " ", v.UN, " ", p, " ", v.S, " ", v.M, " ", v.Keys, " ", int64(v.D), " ", int64(v.Level), " ", v.Q, " ", v.Small, " ", v.F)
}

// Sum is a get action: its arguments travel in the URL.
//
//actions:server get
func Sum(xs []int64, since time.Time) (Box[int64], error) {
	var s int64
	for _, x := range xs {
		s += x
	}
	return Box[int64]{Value: s, Items: xs}, nil
}

// Count streams bigs.
//
//actions:server
func Count(n int) iter.Seq[Box[int64]] {
	return func(yield func(Box[int64]) bool) {
		for i := range n {
			if !yield(Box[int64]{Value: math.MaxInt64 - int64(i)}) {
				return
			}
		}
	}
}

// Ticks streams times.
//
//actions:server
func Ticks(from time.Time, n int) iter.Seq[Stamp] {
	return func(yield func(Stamp) bool) {
		for i := range n {
			if !yield(Stamp{At: from.Add(time.Duration(i) * time.Second)}) {
				return
			}
		}
	}
}
