#!/usr/bin/env bash
# Times `mlmd build` of a 20-notebook site (the repository's lessons, copied until there are 20)
# when nothing changed since the last build, and when every notebook runs again (--force).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mlmd="$root/.build/release/mlmd"
work="$(mktemp -d /tmp/site-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/notebooks"
cp -r "$root/notebooks/." "$work/notebooks/"
lessons=("$root"/notebooks/0[1-9]*.md)
i=${#lessons[@]}
while [ "$(ls "$work"/notebooks/*.md | wc -l)" -lt 20 ]; do
  src=${lessons[$(( i % ${#lessons[@]} ))]}
  sed "s/^order: .*/order: $i/" "$src" > "$work/notebooks/$(printf '%02d' "$i")-copy.md"
  i=$((i + 1))
done
cd "$work"
"$mlmd" build notebooks -o site >/dev/null 2>&1
python3 - "$mlmd" <<'PY'
import subprocess, sys, time
def best(args, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); times.append(time.perf_counter() - t)
    return min(times)
mlmd = sys.argv[1]
print(f"20 notebooks, unchanged: {best([mlmd, 'build', 'notebooks', '-o', 'site']):.3f} s")
print(f"20 notebooks, --force:   {best([mlmd, 'build', 'notebooks', '-o', 'site', '--force'], runs=2):.3f} s")
PY
