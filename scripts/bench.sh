#!/usr/bin/env bash
# Times each benchmark script in bench/ with mlmd and, when R is installed, with Rscript on
# the same machine in the same run, and prints the ratio. Usage: scripts/bench.sh [NAME...]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
swift build -c release --product mlmd >/dev/null
mlmd=.build/release/mlmd
runs=${BENCH_RUNS:-5}

best() { python3 "$repo/scripts/best-time.py" "$runs" "$@"; }

names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(cd bench && ls *.R | sed 's/\.R$//'))
printf '%-24s %10s %10s %8s\n' benchmark "mlmd (s)" "R (s)" "R/mlmd"
for name in "${names[@]}"; do
  m=$(best "$mlmd" run "bench/$name.R")
  if command -v Rscript >/dev/null 2>&1; then
    r=$(best Rscript "bench/$name.R")
    printf '%-24s %10s %10s %8s\n' "$name" "$m" "$r" "$(python3 -c "print(f'{$r / $m:.2f}')")"
  else
    printf '%-24s %10s %10s %8s\n' "$name" "$m" "-" "-"
  fi
done
