# Masthead: `make run` serves the demo newsroom, `make test` runs the whole suite.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST = .venv/bin/pytest -n $(or $(TEST_WORKERS),auto) --dist loadfile

.PHONY: run install test test-sqlite test-postgres lint format bench-pages bench-newsletter clean

run:
	@scripts/run.sh

install:
	@scripts/bootstrap.sh

test: install
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test-sqlite
	@if [ "$$CI" = "true" ] || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		$(MAKE) --no-print-directory test-postgres; \
	else \
		echo "PostgreSQL is not reachable on 127.0.0.1:5432: the PostgreSQL run was not done."; \
	fi

test-sqlite:
	@echo "== test suite on SQLite"
	$(PYTEST)

test-postgres:
	@echo "== test suite on PostgreSQL ($(POSTGRES_URL))"
	DATABASE_URL=$(POSTGRES_URL) $(PYTEST) masthead

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

bench-pages: install
	.venv/bin/python bench/pages.py

bench-newsletter: install
	.venv/bin/python bench/newsletter.py

clean:
	rm -rf var .venv .tools

.PHONY: bench-search
bench-search: install
	.venv/bin/python bench/search.py

# Article audio (masthead/audio). The piper engine is GPL-3.0, so it is an
# optional dependency group that `make run` leaves out; the test run and the
# benchmark install it to exercise it (`uv sync --group piper`).
test bench-audio: export UV_SYNC_ARGS = --group piper
.PHONY: bench-audio
bench-audio: install
	.venv/bin/python bench/audio.py
.PHONY: bench-revenue
bench-revenue: install
	.venv/bin/python bench/revenue.py

.PHONY: bench-newsfeed
bench-newsfeed: install
	.venv/bin/python bench/newsfeed.py

.PHONY: bench-security
bench-security: install
	.venv/bin/python bench/security.py
