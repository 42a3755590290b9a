# Capstan: the two commands a newcomer runs are `make demo` and `make test`.
SWIFT ?= swift
SOURCES := Sources Tests Benchmarks/Sources Benchmarks/Benchmarks Package.swift

.PHONY: bootstrap build release demo test bench format lint clean fuzz-ocf

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

# Release benchmarks (Benchmarks/, a separate package; see BENCHMARKS.md). The CLI benchmark
# runs .build/release/capstan, so that is built first.
bench: release
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --no-progress

# libFuzzer on the Open Cap Format decoder and mapper (Fuzz/OCF, a separate package), for
# FUZZ_SECONDS (default 60) from the seeds in Fuzz/OCF/corpus; crashes land in Fuzz/OCF/.
FUZZ_SECONDS ?= 60
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
	rm -rf .build Benchmarks/.build Fuzz/OCF/.build Fuzz/OCF/.corpus
