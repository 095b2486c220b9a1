// Command gen makes Go functions marked //actions:server callable from
// TypeScript. It writes the Go glue next to the functions (actions_gen.go)
// and, with -ts, the typed TypeScript client.
//
// Run it from go generate:
//
//	//go:generate go tool gen -ts web/src/gen ./...
//
// Run gen -h for the flags.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
