module github.com/actionsgo/actions

go 1.27

toolchain go1.27.4

require (
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/rogpeppe/go-internal v1.16.0
	github.com/tkrajina/typescriptify-golang-structs v0.1.11
	golang.org/x/tools v0.52.0
)

require (
	github.com/tkrajina/go-reflector v0.5.5 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
