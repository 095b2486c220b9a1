// Package example is a small shop built with actions: the methods of the
// services in the packages catalog, cart, account and orders, and the
// functions marked //actions:server, are called from the TypeScript
// frontend in web/ as if they were local async functions. The services
// keep the shop in an SQLite database (package shopdb).
//
// Run it with
//
//	go run ./cmd/shop
//
// and open the address it prints; the database is data/shop.db unless
// -data or $SHOP_DATA names another directory. After changing an action, run
// go generate ./... to write the Go glue (actions_gen.go in each package)
// and the TypeScript client (web/src/gen).
package example

//go:generate go tool gen -ts web/src/gen -ts-dates -openapi web/openapi.json ./...
