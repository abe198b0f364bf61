# Packaging, install, end-to-end test and start-up measurement.
# Included from the Makefile; uses its GO, BIN, RELEASE, SUDO and deps/check-go.
#
#   make release          stripped, -trimpath release binary: dist/trump-kim-letters
#   make package          the release binary and both packages below, then their sizes
#   make package-linux    dist/trump-kim-letters-VERSION-linux-amd64.tar.xz (fyne package -os linux)
#   make package-windows  dist/trump-kim-letters-VERSION-windows-amd64.exe (mingw-w64 cross-compile)
#   make install          the Linux package into ~/.local (INSTALL_PREFIX), so the app is in the menu
#   make uninstall        removes what install put there
#   make e2e              .ci/e2e.sh on the release binary and on the packaged one, then
#                         .ci/state.sh (settings and exports, kills while saving) on the binary
#   make startup          .ci/startup.sh: first-frame time next to a minimal Fyne window
#   make opentime         .ci/opentime.sh: process start to the window showing a TimelineJS
#                         file of 1,000, 10,000 and 100,000 events, next to the built-in data
#   make framebench       .ci/framebench.sh: frames on screen while zooming and panning at
#                         100, 10,000 and 100,000 events, next to a minimal animated window
#   make drive            .ci/drive.sh: the window driven with random input for DRIVE_MINUTES
#                         (20) with the built-in data, then with 100,000 events, its memory
#                         sampled every 30 s (40 minutes; not part of make test)
#
# Packages are made from a copy of the tree under build/, because `fyne
# package` writes into the source folder while it works (a metadata .go file,
# a Windows .syso that would also be linked into Linux builds, FyneApp.toml's
# Build number + 1): the working tree is left as it was.

FYNE_TOOLS     := v1.7.4
FYNE            = $(or $(shell $(GO) env GOBIN 2>/dev/null),$(shell $(GO) env GOPATH 2>/dev/null)/bin)/fyne
APP_ID         := org.trumpkimletters.app
APP_VERSION     = $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
RELEASE_TAGS   := release,$(APP_TAGS)
RELEASE_BIN    := dist/$(BIN)
LINUX_TAR       = dist/$(BIN)-$(APP_VERSION)-linux-amd64.tar.xz
WINDOWS_EXE     = dist/$(BIN)-$(APP_VERSION)-windows-amd64.exe
MINGW_CC       := x86_64-w64-mingw32-gcc
INSTALL_PREFIX ?= $(HOME)/.local
ICON_SIZES     := 16 24 32 48 64 128 256 512
E2E_TARGETS     = $(RELEASE_BIN) $(LINUX_TAR)
STARTUP_RUNS   ?= 7
FRAMEBENCH_SECONDS ?= 4
OPENTIME_RUNS  ?= 5
DRIVE_MINUTES  ?= 20
DRIVE_SEED     ?= 1

.PHONY: release package package-linux package-windows install uninstall e2e startup opentime framebench drive fyne-cli mingw xz

# The same flags and tags `fyne package --release` uses (migrated_fynedo
# because FyneApp.toml says [Migrations] fyneDo = true), and no_emoji (Makefile).
release: deps
	$(GO) build $(RELEASE) -tags $(RELEASE_TAGS) -o $(RELEASE_BIN) .

package: release package-linux package-windows
	@echo "== artefacts"; for f in $(RELEASE_BIN) $(LINUX_TAR) $(WINDOWS_EXE); do \
	  [ -f "$$f" ] && printf '%-50s %10d bytes  %s\n' "$$f" "$$(stat -c %s "$$f")" "$$(du -h "$$f" | cut -f1)"; \
	done; true

# stage DIR: a copy of the working tree (without .git, dist, build, binaries).
define stage
	rm -rf $(1) && mkdir -p $(1) dist
	tar -c --exclude=./.git --exclude=./dist --exclude=./build --exclude=./fyne-cross --exclude=./.ci/e2e-web/node_modules \
	  --exclude=./$(BIN) --exclude='*.exe' --exclude='*.syso' . | tar -x -C $(1)
endef

package-linux: deps fyne-cli xz
	$(call stage,build/stage-linux)
	cd build/stage-linux && env -u CGO_CFLAGS -u CGO_LDFLAGS $(FYNE) package -os linux --release --tags $(EXTRA_TAGS) --exe $(BIN)
	mv build/stage-linux/*.tar.xz $(LINUX_TAR)
	@echo "made $(LINUX_TAR) ($$(du -h $(LINUX_TAR) | cut -f1))"

package-windows: deps fyne-cli mingw
	$(call stage,build/stage-windows)
	cd build/stage-windows && env -u CGO_CFLAGS -u CGO_LDFLAGS CC=$(MINGW_CC) GOARCH=amd64 $(FYNE) package -os windows --release --tags $(EXTRA_TAGS) --exe $(BIN).exe
	mv build/stage-windows/*.exe $(WINDOWS_EXE)
	@echo "made $(WINDOWS_EXE) ($$(du -h $(WINDOWS_EXE) | cut -f1))"

fyne-cli: check-go
	@$(FYNE) version 2>/dev/null | grep -q '$(FYNE_TOOLS)' || { \
	  echo "installing the fyne CLI $(FYNE_TOOLS)"; $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS); }

xz:
	@command -v xz >/dev/null || { echo "installing xz-utils (fyne package makes a .tar.xz)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xz-utils; }

mingw:
	@command -v $(MINGW_CC) >/dev/null || { echo "installing gcc-mingw-w64-x86-64"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gcc-mingw-w64-x86-64; }

# refresh_icons: menus watch the applications folder themselves; an icon
# cache is only brought up to date where one exists (making one in ~/.local
# would hide icons other programs install there later).
define refresh_icons
d="$(INSTALL_PREFIX)/share/icons/hicolor"; touch "$$d" 2>/dev/null; \
	if [ -f "$$d/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t "$$d" || true; fi
endef

# install: the tarball's binary and desktop entry, the icon drawn for each
# size into the hicolor theme; Exec gets the full path, as ~/.local/bin is not
# on every desktop session's PATH.
install: package-linux
	rm -rf build/install && mkdir -p build/install && tar -xJf $(LINUX_TAR) -C build/install
	@set -e; usr=$$(dirname "$$(dirname "$$(find build/install -path '*/bin/$(BIN)' | head -1)")"); \
	install -Dm755 "$$usr/bin/$(BIN)" "$(INSTALL_PREFIX)/bin/$(BIN)"; \
	install -Dm644 "$$usr/share/applications/$(APP_ID).desktop" "$(INSTALL_PREFIX)/share/applications/$(APP_ID).desktop"; \
	sed -i 's|^Exec=$(BIN)|Exec=$(INSTALL_PREFIX)/bin/$(BIN)|' "$(INSTALL_PREFIX)/share/applications/$(APP_ID).desktop"; \
	for s in $(ICON_SIZES); do \
	  install -Dm644 assets/icon-$$s.png "$(INSTALL_PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png"; \
	done
	@$(refresh_icons)
	@echo "installed $(INSTALL_PREFIX)/bin/$(BIN) and its menu entry $(INSTALL_PREFIX)/share/applications/$(APP_ID).desktop"

uninstall:
	rm -f "$(INSTALL_PREFIX)/bin/$(BIN)" "$(INSTALL_PREFIX)/share/applications/$(APP_ID).desktop"
	for s in $(ICON_SIZES); do rm -f "$(INSTALL_PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png"; done
	@$(refresh_icons)

e2e: release package-linux
	.ci/e2e.sh $(E2E_TARGETS)
	.ci/state.sh $(RELEASE_BIN)

startup: release
	$(GO) build $(RELEASE) -tags $(RELEASE_TAGS) -o build/minimal ./.ci/minimal
	GO=$(GO) .ci/startup.sh -n $(STARTUP_RUNS) $(RELEASE_BIN) build/minimal

opentime: release
	GO=$(GO) .ci/opentime.sh -n $(OPENTIME_RUNS) $(RELEASE_BIN)

framebench: release
	$(GO) build $(RELEASE) -tags $(RELEASE_TAGS) -o build/minimal ./.ci/minimal
	GO=$(GO) .ci/framebench.sh -s $(FRAMEBENCH_SECONDS) $(RELEASE_BIN) build/minimal

drive: release
	.ci/drive.sh -m $(DRIVE_MINUTES) -s $(DRIVE_SEED) $(RELEASE_BIN)
	.ci/drive.sh -m $(DRIVE_MINUTES) -s $(DRIVE_SEED) $(RELEASE_BIN) --synthetic 100000

# The web build: see "In a browser" in the README.
#
#   make web        dist/web/: the page, the app as WebAssembly, its icons, a
#                   service worker for offline use; ready for any static server
#   make serve-web  serves dist/web on http://127.0.0.1:8080/ (WEB_ADDR=0.0.0.0:8080
#                   for other computers), building it first when missing
#   make web-e2e    .ci/e2e-web: the web build in Debian's Chromium, headless
#
# The .wasm is built from a copy of the tree with its modules vendored, less
# what .ci/web-trim.sh cuts (fonts and tables the app never uses), and with
# testify_yaml_fail, which leaves YAML out of testify (Fyne's test package,
# linked for the off-screen export, uses testify): 0.9 MB less to download.
# The page and the service worker (assets/web) get the build's id, a hash of
# its files, so that a new build replaces what browsers kept for offline use.
# The .wasm.gz beside the .wasm is what serveweb sends to browsers that take
# gzip (as nginx's gzip_static would): its size is the download.
WEB_DIR   := dist/web
WEB_WASM  := trump-kim-letters.wasm
WEB_ADDR  ?= 127.0.0.1:8080
WASM_EXEC  = $(firstword $(wildcard $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js $(shell $(GO) env GOROOT)/misc/wasm/wasm_exec.js))
WEB_NEW   := build/web.new
WEB_STAGE := build/stage-web
WEB_TAGS  := $(RELEASE_TAGS),testify_yaml_fail

.PHONY: web serve-web web-e2e chromium node

web: check-go
	rm -rf $(WEB_NEW) && mkdir -p $(WEB_NEW)
	$(call stage,$(WEB_STAGE))
	cd $(WEB_STAGE) && $(GO) mod vendor && $(CURDIR)/.ci/web-trim.sh vendor
	cd $(WEB_STAGE) && GOOS=js GOARCH=wasm $(GO) build -mod=vendor $(RELEASE) -tags $(WEB_TAGS) -o $(CURDIR)/$(WEB_NEW)/$(WEB_WASM) .
	cp $(WASM_EXEC) $(WEB_NEW)/wasm_exec.js
	cp assets/icon-512.png $(WEB_NEW)/icon.png
	cp assets/icon-32.png $(WEB_NEW)/favicon.png
	cp assets/web/manifest.webmanifest $(WEB_NEW)/
	gzip -9 -n -k $(WEB_NEW)/$(WEB_WASM)
	@set -e; id=$$(cat $(WEB_NEW)/* assets/web/index.html assets/web/sw.js | sha256sum | cut -c1-12); \
	  size=$$(stat -c %s $(WEB_NEW)/$(WEB_WASM)); \
	  for f in index.html sw.js; do \
	    sed -e "s/@BUILD@/$$id/g" -e "s/@WASM@/$(WEB_WASM)/g" -e "s/@WASM_SIZE@/$$size/g" assets/web/$$f > $(WEB_NEW)/$$f; \
	  done; \
	  ! grep -l '@[A-Z_]*@' $(WEB_NEW)/index.html $(WEB_NEW)/sw.js
	rm -rf $(WEB_DIR) && mkdir -p dist && mv $(WEB_NEW) $(WEB_DIR)
	@echo "made $(WEB_DIR)/:"; cd $(WEB_DIR) && for f in *; do printf '  %-28s %10d bytes\n' "$$f" "$$(stat -c %s "$$f")"; done; \
	  echo "  download: $$(du -cb $$(ls | grep -v '^$(WEB_WASM)$$') | tail -1 | cut -f1) bytes gzipped, $$(du -cb $$(ls | grep -v '\.gz$$') | tail -1 | cut -f1) raw"

serve-web: check-go
	@[ -f $(WEB_DIR)/index.html ] || $(MAKE) --no-print-directory web
	$(GO) run ./.ci/serveweb -addr $(WEB_ADDR) $(WEB_DIR)

# web-e2e: the server's own test, then the page in Chromium through
# playwright-core (npm, locked in .ci/e2e-web/package-lock.json; it drives
# the chromium package and downloads no browser). Screenshots in build/e2e-web.
web-e2e: web chromium node
	$(GO) test -count=1 ./.ci/serveweb
	$(GO) build -o build/serveweb ./.ci/serveweb
	cd .ci/e2e-web && npm ci --no-audit --no-fund --loglevel=error
	node .ci/e2e-web/e2e.mjs --server build/serveweb --dir $(WEB_DIR) --out build/e2e-web

chromium:
	@command -v chromium >/dev/null || { echo "installing chromium (Debian's)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

node:
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "installing nodejs and npm"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
