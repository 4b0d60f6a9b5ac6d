# The two commands of the README: `make run` and `make test`. Everything else is
# a step they call. Each step installs what is missing first (scripts/install-deps.sh).
SHELL      := /bin/bash
.SHELLFLAGS := -eo pipefail -c

BUILD_DIR  ?= build
ASAN_DIR   ?= build-asan
BUILD_TYPE ?= RelWithDebInfo
DEMO_FILE  ?= var/demo.db
DB         ?= sqlite:$(DEMO_FILE)
DEMO_SIZE  ?= 20000
PORT       ?= 8080
JOBS       ?= $(shell nproc)
CTEST_ARGS ?= --output-on-failure -j $(JOBS)

ANSINH := $(BUILD_DIR)/bin/ansinh

# Precompiled headers and several build directories share one ccache.
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_BASEDIR    := $(CURDIR)

.PHONY: run test deps deps-test configure build web init serve \
        test-suite test-e2e test-sanitize bench clean

run: deps web build init serve

test: deps-test web build test-suite test-e2e test-sanitize
	@echo "make test: every suite passed"

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DANSINH_UNITY=ON

build: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

web:
	cd web && npm run --silent build

# Creates the demo province (Thanh Hóa, 38) once; an existing database is only
# migrated forward. The summary (with the first administrator's one-time
# password, shown only when it is created) is printed and kept in var/.
init: build
	@mkdir -p var
	@if [ -f "$(DEMO_FILE)" ]; then \
	  $(ANSINH) init --db $(DB) | tee var/init-summary.json; \
	else \
	  $(ANSINH) init --db $(DB) --demo 38 --size $(DEMO_SIZE) | tee var/init-summary.json; \
	fi
	@echo "Cơ sở dữ liệu $(DB) sẵn sàng (tóm tắt: var/init-summary.json)"

serve: build
	$(ANSINH) serve --db $(DB) --port $(PORT)

# Unit, integration (SQLite and PostgreSQL) and black-box HTTP tests.
test-suite: build
	scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) $(CTEST_ARGS)

test-e2e: build web
	tests/e2e/run.sh $(BUILD_DIR)

# The same suite once more under AddressSanitizer and UndefinedBehaviorSanitizer,
# on SQLite: the PostgreSQL instances ran in test-suite, and running them again
# under the sanitizers doubled this stage (6 of a 30-minute budget) for the
# same C++ code paths; they skip here with a note.
test-sanitize: deps-test
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DANSINH_SANITIZE=ON -DANSINH_UNITY=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1"
	cmake --build $(ASAN_DIR) -j $(JOBS) --target unit_tests integration_tests http_tests ansinh
	ctest --test-dir $(ASAN_DIR) $(CTEST_ARGS)

bench: build
	$(BUILD_DIR)/bin/ansinh_bench --benchmark_format=json
	bench/init_bench.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
