# make test runs every test from a fresh clone: it installs what the tests
# need from this repository's own files first (npm packages pinned by
# package-lock.json).
.PHONY: test vet gotest

# npm ci rewrites node_modules/.package-lock.json, so it reruns only when
# package-lock.json changes.
NODE_DEPS := node_modules/.package-lock.json

test: vet gotest

$(NODE_DEPS): package-lock.json
	npm ci --no-audit --no-fund

vet:
	go vet ./...

gotest: $(NODE_DEPS)
	go test -race ./...

# make bench measures performance against the floor and peers (bench/README.md);
# it is not part of make test.
.PHONY: bench
bench:
	$(MAKE) -C bench
