// Package example is a small shop built with actions: Go functions marked
// //actions:server in the packages catalog, cart and orders are called
// from the TypeScript frontend in web/ as if they were local async
// functions.
//
// Run it with
//
//	go run ./cmd/shop
//
// and open the address it prints. After changing an action, run
// go generate ./... to write the Go glue (actions_gen.go in each package)
// and the TypeScript client (web/src/gen).
package example

//go:generate go tool gen -ts web/src/gen ./...
