# Trump–Kim Letters. Two commands do everything on a fresh Debian or Ubuntu
# machine: `make run` opens the app, `make test` runs every check CI runs:
# gofmt, vet, the tests, the release build, the end-to-end test of the
# real window on the release binary and the packaged one, and the web
# build's in headless Chromium.
# Both install what is missing first (system packages with apt-get, Go
# modules through the Go module proxy).

BIN      := trump-kim-letters
GO       ?= go
PKGS     := pkg-config gcc libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE  := -ldflags "-s -w"
FUZZ     := FuzzParse FuzzTimelineJS FuzzCSV FuzzPlainText FuzzSearch
FUZZTIME ?= 5000x
# (a count, not a duration: a duration can end the run mid-input and
# report "context deadline exceeded" as a failure)
# The tests that read the team's files beside the project (../shared, there
# in CI, not in a clone): the interop corpus (named ...Interop...) and the
# article. They skip, saying why, without it; `make test` then names them.
SHARED_EXTRAS := Interop|QuotesAreVerbatim
# Every go command builds with -trimpath and the same tags, so vet, test and
# the release build share one build cache: the cgo code of Fyne's GL driver
# compiles once (minutes on two cores), not once per set of flags. The tags:
# migrated_fynedo, the fyneDo migration FyneApp.toml declares; no_emoji,
# which leaves out Fyne's 4 MB colour emoji font. Fyne parses that font once
# for every text style it draws (regular, bold, ...) before the first frame:
# without it the window opens about 0.25 s sooner on the machine in the
# README. The app's own text has no emoji; an emoji in a teacher's file is
# drawn with the system's emoji font, as any character Fyne's fonts lack.
# fyne package adds migrated_fynedo itself and takes the others as --tags.
EXTRA_TAGS := no_emoji
APP_TAGS   := migrated_fynedo,$(EXTRA_TAGS)
export GOFLAGS := $(strip $(GOFLAGS) -trimpath -tags=$(APP_TAGS))
# ... and with the C flags `fyne package --release` sets (fyne.io/tools
# v1.7.4, commands/build.go and hardening_flags.go), so that packaging reuses
# that compile too instead of building the C code a second time.
CC_UBUNTU := $(shell cc --version 2>/dev/null | head -1 | grep -qi ubuntu && echo yes)
export CGO_CFLAGS := -O3 -pipe $(if $(CC_UBUNTU),,-D_FORTIFY_SOURCE=3 )-fcf-protection -fstack-protector-strong
export CGO_LDFLAGS := -Wl,-z,relro,-z,now -Wl,--as-needed

.PHONY: run build test unit deps check-go vet fmt clean

run: build
	./$(BIN)

build: deps
	$(GO) build -o $(BIN) .

test: deps
	@echo "== gofmt"; bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$bad" ]; then echo "not gofmt-formatted:"; echo "$$bad"; exit 1; fi
	@echo "== go vet"; $(GO) vet ./...
	@echo "== go test"; $(MAKE) --no-print-directory unit
	@echo "== fuzz: every parser and the search, $(FUZZTIME) each"; for f in $(FUZZ); do \
	  $(GO) test ./data -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 3s >/tmp/fuzz-$$f.log 2>&1 \
	    && echo "$$f: ok" || { cat /tmp/fuzz-$$f.log; echo "$$f: FAILED (the failing input is under data/testdata/fuzz)"; exit 1; }; \
	done
	@echo "== build"; $(GO) build $(RELEASE) -o $(BIN) .
	@echo "== end-to-end: the release binary and the packaged one, in a real X window (Xvfb)"
	@$(MAKE) --no-print-directory e2e
	@echo "== end-to-end: the web build in headless Chromium (packaging.mk, web-e2e)"
	@$(MAKE) --no-print-directory web-e2e

# unit runs the Go tests alone and, when ../shared is not beside the project,
# names the extras over it that skipped, in one line. .ci/run also runs it on
# a copy of HEAD with nothing beside it.
unit:
	@$(GO) test -count=1 ./...
	@[ -d ../shared/interop ] && [ -d ../shared/seed ] || echo "note: ../shared is absent, so these extras over the team's files were skipped (CI runs them):" \
	  $$($(GO) test -count=1 -v -run '$(SHARED_EXTRAS)' ./... 2>/dev/null | sed -n 's/^--- SKIP: \([^ ]*\).*/\1/p')

# deps installs the C headers Fyne's OpenGL driver builds against, and Go
# when there is none (Go 1.21 or newer fetches the exact toolchain go.mod
# asks for through the module proxy by itself).
deps: check-go
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

check-go:
	@command -v $(GO) >/dev/null || { echo "installing Go (golang-go)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq golang-go ca-certificates git; }
	@v=$$($(GO) env GOVERSION 2>/dev/null | sed 's/go1\.\([0-9]*\).*/\1/'); \
	  if [ -z "$$v" ] || [ "$$v" -lt 21 ]; then \
	    echo "Go 1.21 or newer is needed (it then fetches the toolchain go.mod names); this system's Go is $$($(GO) version)."; \
	    echo "Install a newer Go (Debian 12: the golang-1.2x package from bookworm-backports) and run make again."; exit 1; fi

clean:
	rm -rf $(BIN) dist

# Packaging (Linux, Windows), install/uninstall into ~/.local, the end-to-end
# test of the real window (e2e) and start-up measurement: see packaging.mk.
include packaging.mk
