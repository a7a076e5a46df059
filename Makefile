# The two commands of the README. Both install what is missing first.
.PHONY: serve test setup

# Serves the app at http://127.0.0.1:8080 and rebuilds on change.
serve: setup
	PATH="$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$$PATH" trunk serve --offline

# Runs every test: native, in-browser, end to end.
test:
	./scripts/test.sh

setup:
	./scripts/setup.sh
