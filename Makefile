# make test runs every test from a fresh clone: it installs what the tests
# need from this repository's own files first.
.PHONY: test vet gotest

test: vet gotest

vet:
	go vet ./...

gotest:
	go test -race ./...
