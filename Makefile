# The two commands of the README:
#   make site   install what is missing, build mlmd, and build site/ from notebooks/
#   make test   install what is missing and run every test
SWIFT ?= swift

.PHONY: site test deps build golden bench

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product mlmd

site: build
	.build/release/mlmd build notebooks -o site

# OpenBLAS kernels pinned where the CPU allows (see scripts/openblas-coretype).
test:
	@scripts/install-deps --test
	env $$(scripts/openblas-coretype) $(SWIFT) test --disable-swift-testing

# Times bench/*.R with mlmd and with R on this machine (R is optional).
bench:
	scripts/bench.sh

# Regenerates the expected outputs from R (needs R and its packages; tests never do).
golden:
	Rscript scripts/knit-golden.R
	LANG=C.UTF-8 Rscript scripts/knit-lessons.R
	LANG=C.UTF-8 Rscript scripts/generate-conformance.R
	Rscript scripts/generate-package-index.R
