// Package services declares service types, rightly and wrongly.
package services

import (
	"context"
	"iter"
	"net/http"
	"sync"
)

// Store is a service: every exported method of *Store is an action.
//
// want +2 1 `//actions:server: method Ping of Store is promoted from an embedded field, so it is not an action; declare Ping on Store itself, calling the embedded one`
//
//actions:server
type Store struct {
	sync.Mutex // its Lock and Unlock are promoted from another package: left alone
	base
}

// base is embedded in Store.
type base struct{}

// Ping is promoted to Store from base, declared in this package.
func (base) Ping() {}

// List is an action of the Store service.
func (s *Store) List(ctx context.Context) ([]string, error) { return nil, nil }

// Count is another, with a value receiver, and its own options.
//
//actions:server get cache=1m name=countAll
func (s Store) Count() int { return 0 }

// hidden is unexported: not an action.
func (s *Store) hidden() {}

// Watch streams.
func (s *Store) Watch(ctx context.Context) iter.Seq[int] { return nil }

// Feed streams with errors, after one that may come first.
func (s *Store) Feed(ctx context.Context) (iter.Seq2[string, error], error) { return nil, nil }

// Pairs is not a stream of items.
func (s *Store) Pairs() iter.Seq2[string, int] { return nil } // want 17 `Store.Pairs returns iter.Seq2\[string, int\]: a stream is iter.Seq\[T\] or iter.Seq2\[T, error\]`

// Request takes what an action reaches through its context.
func (s *Store) Request(r *http.Request, h http.Header) {} // want 17 `Store.Request: parameter r has type \*http.Request, which cannot be sent as JSON: take a context.Context first, then read the request with actions.Request\(ctx\)` 17 `Store.Request: parameter h has type http.Header`

// Other is a second service of the package.
type Other struct{}

// List has the same TypeScript name as Store.List.
//
//actions:server
func (o *Other) List() {} // want 17 `Other.List: its TypeScript name list is also the name of Store.List at services.go:28:17; rename one of them, or give one another name with name=`

// Rename is told apart with name=.
//
//actions:server name=otherRename
func (o *Other) Rename() {}

// ReadStream cannot be a read.
//
//actions:server get
func ReadStream() iter.Seq[int] { return nil } // want 6 `ReadStream: get on a stream: a read is answered at once`

// Shape is an interface.
//
// want +2 1 `//actions:server on interface Shape: an interface has no methods to call`
//
//actions:server
type Shape interface{ Area() float64 }

// Box is generic.
//
// want +2 1 `//actions:server on generic type Box: the glue cannot choose its type arguments`
//
//actions:server
type Box[T any] struct{ V T }

// Get is a method of the generic Box.
func (b *Box[T]) Get() T { return b.V }

// inner is unexported.
type inner struct{}

// Do is a method of an unexported type.
//
//actions:server
func (inner) Do() {} // want 14 `//actions:server on a method of unexported type inner: main must call the generated innerActions with a value of it; export the type`
