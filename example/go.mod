module github.com/actionsgo/actions/example

go 1.27

toolchain go1.27.4

require (
	github.com/actionsgo/actions v0.0.0
	github.com/evanw/esbuild v0.28.2
	github.com/google/go-cmp v0.7.0
	modernc.org/sqlite v1.62.0
)

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
	modernc.org/libc v1.80.1 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
)

// The example builds against the actions in this repository, as a user's
// module would against a released version.
replace github.com/actionsgo/actions => ../

// The generator, run by go generate (see example.go); listed here so that
// its dependencies stay in go.sum.
tool github.com/actionsgo/actions/cmd/gen
