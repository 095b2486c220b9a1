# make test runs every test from a fresh clone: it installs what the tests
# need from this repository's own files first (npm packages pinned by
# package-lock.json).
.PHONY: test vet gotest

# The module needs Go 1.27 (go.mod's toolchain line names the release). A go
# command that is older, even one told GOTOOLCHAIN=local in its go env file,
# fetches that release from the module proxy and runs it: the environment
# wins over the go env file, and auto means "at least what go.mod says".
export GOTOOLCHAIN := auto

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

# The example shop (example/, a module of its own). make example installs
# its frontend's packages (React, pinned by example/web/package-lock.json,
# which cmd/shop bundles at start-up), generates its glue and client, then
# serves it; make test also vets and tests it, checks that its generated
# files are up to date, and runs its browser test.
.PHONY: example example-test browser-deps

WEB_DEPS := example/web/node_modules/.package-lock.json

$(WEB_DEPS): example/web/package-lock.json
	cd example/web && npm ci --no-audit --no-fund

example: $(WEB_DEPS)
	cd example && go generate ./... && go run ./cmd/shop

test: example-test

# The browser test runs on its own with -v, so that the paths of its
# screenshots are printed.
example-test: $(NODE_DEPS) $(WEB_DEPS) browser-deps
	cd example && go vet ./... && go test -race -skip '^TestBrowser$$' ./...
	cd example && go test -race -v -run '^TestBrowser$$' .
	cd example && go tool gen -check -ts web/src/gen -ts-dates -openapi web/openapi.json ./...

# The browser test drives /usr/bin/chromium. Installing it needs root; the
# emoji font is only for the looks of the screenshot.
browser-deps:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && apt-get install -y chromium fonts-noto-color-emoji; \
	else \
		echo "browser-deps: /usr/bin/chromium is missing; install it as root with" >&2; \
		echo "  apt-get update && apt-get install -y chromium fonts-noto-color-emoji" >&2; \
		echo "(Debian's package), or run make browser-deps as root." >&2; \
		exit 1; \
	fi
