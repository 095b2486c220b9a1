// Package signatures has actions whose signatures are not allowed.
package signatures

import "context"

//actions:server
func ThreeResults() (int, string, error) { return 0, "", nil } // want 6 `ThreeResults returns \(int, string, error\): an action returns \(\), \(error\), \(R\) or \(R, error\)`

//actions:server
func NoError() (int, string) { return 0, "" } // want 6 `NoError returns \(int, string\)`

//actions:server
func ErrorFirst() (error, int) { return nil, 0 } // want 6 `ErrorFirst returns \(error, int\)`

//actions:server
func TwoErrors() (error, error) { return nil, nil } // want 6 `TwoErrors returns \(error, error\)`

//actions:server
func LateContext(id string, ctx context.Context) {} // want 6 `LateContext: context.Context must be the first parameter`

// Names shows the names given to unnamed and blank parameters, which must
// not clash with the named ones.
//
//actions:server
func Names(arg1 int, _ string, _ bool) {}
