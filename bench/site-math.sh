#!/usr/bin/env bash
# What math costs a site build: the lessons plus the 41-formula test page (Tests/NotebookTests/
# Math/equations.md), built from the knit cache (so only page writing is timed), against the same
# notebooks with their math delimiters and equation labels taken out. Also one build with an
# empty KaTeX cache (the first build on a machine, which compiles katex.js for Duktape).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mlmd="$root/.build/release/mlmd"
work="$(mktemp -d /tmp/site-math.XXXXXX)"
trap 'rm -rf "$work"' EXIT
for variant in math plain; do
  mkdir -p "$work/$variant/notebooks"
  cp -r "$root/notebooks/." "$work/$variant/notebooks/"
  cp "$root/Tests/NotebookTests/Math/equations.md" "$work/$variant/notebooks/zz-equations.md"
done
python3 - "$work/plain/notebooks" <<'PY'
import pathlib, re, sys
for p in pathlib.Path(sys.argv[1]).glob("*.md"):
    s = p.read_text()
    s = re.sub(r"\{#eq-[\w-]+\}", "", s).replace("@eq-", "eq-").replace("$", "").replace("\\(", "(").replace("\\[", "[")
    p.write_text(s)
PY
export XDG_CACHE_HOME="$work/cache"
python3 - "$mlmd" "$work" <<'PY'
import os, shutil, subprocess, sys, time
mlmd, work = sys.argv[1], sys.argv[2]
def build(variant, cache=None):
    env = dict(os.environ)
    if cache: env["XDG_CACHE_HOME"] = cache
    t = time.perf_counter()
    subprocess.run([mlmd, "build", "notebooks", "-o", "site"], cwd=f"{work}/{variant}", env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
for v in ("math", "plain"): build(v)   # knit once; later builds take the notebooks from the cache
best = {v: min(build(v) for _ in range(9)) for v in ("math", "plain")}
pages = len([f for f in os.listdir(f"{work}/math/site") if f.endswith(".html")]) - 1
with_math = sum(1 for f in os.listdir(f"{work}/math/site") if f.endswith(".html") and 'class="katex"' in open(f"{work}/math/site/{f}").read())
cold = f"{work}/cold-cache"
shutil.rmtree(cold, ignore_errors=True)
first = build("math", cache=cold)
print(f"{pages} lesson pages, {with_math} with math; site build from the knit cache (best of 9):")
print(f"  without math: {best['plain'] * 1000:.1f} ms")
print(f"  with math:    {best['math'] * 1000:.1f} ms  (+{(best['math'] - best['plain']) * 1000:.1f} ms for {with_math} pages, "
      f"+{(best['math'] - best['plain']) * 1000 / with_math:.1f} ms a page)")
print(f"  with math, empty KaTeX cache (first build on a machine): {first * 1000:.1f} ms")
PY
