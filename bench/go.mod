module github.com/actionsgo/actions/bench

go 1.27

toolchain go1.27.4

replace github.com/actionsgo/actions => ../

require (
	connectrpc.com/connect v1.21.1
	github.com/actionsgo/actions v0.0.0-00010101000000-000000000000
	github.com/danielgtaylor/huma/v2 v2.37.2
	github.com/google/go-cmp v0.7.0
	golang.org/x/tools v0.52.0
	google.golang.org/protobuf v1.36.12
)

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
)

tool github.com/actionsgo/actions/cmd/gen
