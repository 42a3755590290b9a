# Capstan: the two commands a newcomer runs are `make demo` and `make test`.
SWIFT ?= swift
SOURCES := Sources Tests Benchmarks/Sources Benchmarks/Benchmarks Fuzz/Sources Package.swift

.PHONY: bootstrap build release demo test verify test-docs test-browser templates bench bench-build fuzz fuzz-ocf format lint clean

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

# The engine against the independent oracle (docs/verification.md) on VERIFY_CASES random
# cases per property test (long: several hours on two cores); VERIFY_SEED=<seed> with
# VERIFY_CASES=1 replays the case a failure names.
VERIFY_CASES ?= 100000
verify: bootstrap
	CAPSTAN_VERIFY_CASES=$(VERIFY_CASES) $(if $(VERIFY_SEED),CAPSTAN_VERIFY_SEED=$(VERIFY_SEED)) \
	  $(SWIFT) test --filter Oracle
	CAPSTAN_SNAPSHOT_CASES=10000 $(SWIFT) test --filter LedgerSnapshotPropertyTests

# Term sheets: the PDF conversion tests need LibreOffice (skipped without it); this installs it.
test-docs: bootstrap
	@command -v soffice >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation)
	$(SWIFT) test --filter "CapstanDocumentsTests|TermsheetEndToEndTests"

# Embeds Templates/*.mustache into the binary (run after editing a template).
templates:
	scripts/embed-templates
	scripts/embed-server-templates

# The tests that drive headless Chromium: the HTML report, and the team server's pages signed
# in through the form (selenium and chromium-driver; skipped by `make test` without them).
test-browser: bootstrap
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq chromium)
	@test -x /usr/bin/chromedriver || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq chromium-driver)
	@python3 -c "import selenium" 2>/dev/null || pip install -q selenium
	$(SWIFT) test --filter "ReportBrowserTests|PortalBrowserTests"

# Release benchmarks (Benchmarks/, a separate package; see BENCHMARKS.md). The CLI benchmark
# runs .build/release/capstan, so that is built first.
bench: release
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --no-progress

# Builds the benchmarks without running them (debug), so CI sees a benchmark that no longer
# compiles against the library.
bench-build: bootstrap
	cd Benchmarks && $(SWIFT) build

# libFuzzer targets (Fuzz/, a separate package), each run for FUZZ_SECONDS from Fuzz/Corpus/.
# Leak detection is off (ASAN_OPTIONS and -detect_leaks=0): Foundation's
# FileManager.fileSystemRepresentation(withPath:), which ZIPFoundation calls to open an archive,
# leaks a 29-byte buffer per call, and LeakSanitizer would stop the workbook target on it.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzXMLReader:xml FuzzNativeXML:native FuzzWorkbook:workbook \
  FuzzVestingTerms:vesting FuzzZip:zip FuzzCSV:csv
fuzz: bootstrap
	cd Fuzz && for pair in $(FUZZ_TARGETS); do \
	  target=$${pair%%:*}; corpus=$${pair##*:}; \
	  $(SWIFT) build --product $$target -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library || exit 1; \
	  mkdir -p .build/corpus/$$corpus && cp -n Corpus/$$corpus/* .build/corpus/$$corpus/ 2>/dev/null; \
	  ASAN_OPTIONS=detect_leaks=0 .build/debug/$$target .build/corpus/$$corpus -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 \
	    -max_len=262144 -timeout=10 -detect_leaks=0 -artifact_prefix=./crash- || exit 1; \
	done

# libFuzzer on the Open Cap Format decoder and mapper (Fuzz/OCF, a separate package), for
# FUZZ_SECONDS (default 60) from the seeds in Fuzz/OCF/corpus; crashes land in Fuzz/OCF/.
fuzz-ocf: bootstrap
	cd Fuzz/OCF && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer --product ocf-fuzz
	mkdir -p Fuzz/OCF/.corpus && cp Fuzz/OCF/corpus/* Fuzz/OCF/.corpus/
	cd Fuzz/OCF && .build/release/ocf-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -rss_limit_mb=1024 -artifact_prefix=./ .corpus

format:
	$(SWIFT) format --in-place --recursive --parallel $(wildcard $(SOURCES))

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(wildcard $(SOURCES))

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build Fuzz/OCF/.build Fuzz/OCF/.corpus
