#!/usr/bin/env bash
# Times knitting the first seed tutorial (Tests/NotebookTests/Golden/popularity.Rmd) and
# starting an empty session, with mlmd and, when R is installed, with knitr and Rscript on the
# same machine in the same run. Usage: bench/knit-seed.sh [path/to/mlmd]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
mlmd=${1:-.build/release/mlmd}
[ -n "${1:-}" ] || swift build -c release --product mlmd >/dev/null
runs=${BENCH_RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Tests/NotebookTests/Golden/popularity.Rmd Tests/NotebookTests/Golden/MLM_example_data.xlsx "$work/"
: > "$work/empty.R"

best() { python3 "$repo/scripts/best-time.py" "$runs" "$@"; }

printf '%-24s %10s %10s %8s\n' step "mlmd (s)" "R (s)" "R/mlmd"
knit=$(best "$mlmd" knit "$work/popularity.Rmd" -o "$work/popularity.md")
start=$(best "$mlmd" run "$work/empty.R")
if command -v Rscript >/dev/null 2>&1; then
  rknit=$(cd "$work" && best Rscript -e 'knitr::knit("popularity.Rmd", "popularity-r.md", quiet = TRUE)')
  rstart=$(best Rscript "$work/empty.R")
  printf '%-24s %10s %10s %8s\n' "knit seed tutorial" "$knit" "$rknit" "$(python3 -c "print(f'{$rknit / $knit:.1f}')")"
  printf '%-24s %10s %10s %8s\n' "start-up" "$start" "$rstart" "$(python3 -c "print(f'{$rstart / $start:.1f}')")"
else
  printf '%-24s %10s %10s %8s\n' "knit seed tutorial" "$knit" - -
  printf '%-24s %10s %10s %8s\n' "start-up" "$start" - -
fi
