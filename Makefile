# Capstan: the two commands a newcomer runs are `make demo` and `make test`.
SWIFT ?= swift
SOURCES := Sources Tests Benchmarks/Sources Benchmarks/Benchmarks Package.swift

.PHONY: bootstrap build release demo test test-browser bench format lint clean

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

# The report tests that render HTML in headless Chromium (skipped by `make test` without it).
test-browser: bootstrap
	command -v chromium >/dev/null || (sudo apt-get update && sudo apt-get install -y chromium) \
	  || (apt-get update && apt-get install -y chromium)
	$(SWIFT) test --filter ReportBrowserTests

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
