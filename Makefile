# The two commands of the README: `make run` and `make test`. Everything else is
# a step they call. Each step installs what is missing first (scripts/install-deps.sh).
BUILD_DIR  ?= build
ASAN_DIR   ?= build-asan
BUILD_TYPE ?= RelWithDebInfo
DB         ?= sqlite:var/demo.db
PORT       ?= 8080
JOBS       ?= $(shell nproc)
CTEST_ARGS ?= --output-on-failure -j $(JOBS)

ANSINH := $(BUILD_DIR)/bin/ansinh

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
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

web:
	cd web && npm run --silent build

# Creates the demo database once; an existing one is only migrated forward.
init: build
	@mkdir -p var
	$(ANSINH) init --db $(DB) > var/init-summary.json
	@echo "Cơ sở dữ liệu $(DB) sẵn sàng (tóm tắt: var/init-summary.json)"

serve: build
	$(ANSINH) serve --db $(DB) --port $(PORT)

# Unit, integration (SQLite and PostgreSQL) and black-box HTTP tests.
test-suite: build
	scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) $(CTEST_ARGS)

test-e2e: build web
	tests/e2e/run.sh $(BUILD_DIR)

# The same suite once more under AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps-test
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DANSINH_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j $(JOBS)
	scripts/with-postgres.sh ctest --test-dir $(ASAN_DIR) $(CTEST_ARGS)

bench: build
	$(BUILD_DIR)/bin/ansinh_bench --benchmark_format=json
	bench/init_bench.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
