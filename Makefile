# Capstan: the two commands a newcomer runs are `make demo` and `make test`.
SWIFT ?= swift
SOURCES := Sources Tests Benchmarks/Sources Benchmarks/Benchmarks Package.swift

.PHONY: bootstrap build release demo test test-docs templates bench format lint clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release --product capstan

demo: release
	.build/release/capstan demo

test: bootstrap
	$(SWIFT) test

# Term sheets: the PDF conversion tests need LibreOffice (skipped without it); this installs it.
test-docs: bootstrap
	@command -v soffice >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation)
	$(SWIFT) test --filter "CapstanDocumentsTests|TermsheetEndToEndTests"

# Embeds Templates/*.mustache into the binary (run after editing a template).
templates:
	scripts/embed-templates

# Release benchmarks (Benchmarks/, a separate package; see BENCHMARKS.md). The CLI benchmark
# runs .build/release/capstan, so that is built first.
bench: release
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --no-progress

format:
	$(SWIFT) format --in-place --recursive --parallel $(wildcard $(SOURCES))

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(wildcard $(SOURCES))

clean:
	rm -rf .build Benchmarks/.build
