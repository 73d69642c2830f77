#!/usr/bin/env bash
# What math costs a site build. Three copies of the lessons plus the 41-formula test page
# (Tests/NotebookTests/Math/equations.md):
#   plain    no math anywhere (delimiters and equation labels taken out of the prose)
#   lessons  the lessons' math (02 and 07 state their models in equations), the test page plain
#   all      the lessons' math and the test page's
# Each is built from the knit cache (only page writing differs) and with --force (every notebook
# runs), with the formulas already rendered (the user cache keeps them) and with every formula
# new; last, one build with an empty cache, the first on a machine, which also compiles katex.js
# for Duktape.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mlmd="$root/.build/release/mlmd"
work="$(mktemp -d /tmp/site-math.XXXXXX)"
trap 'rm -rf "$work"' EXIT
for variant in plain lessons all; do
  mkdir -p "$work/$variant/notebooks"
  cp -r "$root/notebooks/." "$work/$variant/notebooks/"
  cp "$root/Tests/NotebookTests/Math/equations.md" "$work/$variant/notebooks/zz-equations.md"
done
python3 - "$work" <<'PY'
import pathlib, re, sys
def strip(prose):
    prose = re.sub(r"\{#eq-[\w-]+\}", "", prose).replace("@eq-", "eq-")
    return prose.replace("$", "").replace("\\(", "(").replace("\\[", "[")
def strip_file(p):
    # Prose only: code chunks keep their `$`.
    parts = re.split(r"(^```[\s\S]*?^```)", p.read_text(), flags=re.M)
    p.write_text("".join(part if part.startswith("```") else strip(part) for part in parts))
work = pathlib.Path(sys.argv[1])
for p in (work / "plain/notebooks").glob("*.md"): strip_file(p)
strip_file(work / "lessons/notebooks/zz-equations.md")
PY
export XDG_CACHE_HOME="$work/cache"
python3 - "$mlmd" "$work" <<'PY'
import glob, os, shutil, subprocess, sys, time
mlmd, work = sys.argv[1], sys.argv[2]
variants = ("plain", "lessons", "all")
def build(variant, *extra, cache=None):
    env = dict(os.environ)
    if cache: env["XDG_CACHE_HOME"] = cache
    t = time.perf_counter()
    subprocess.run([mlmd, "build", "notebooks", "-o", "site", *extra], cwd=f"{work}/{variant}", env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
def forget_formulas():
    for d in glob.glob(f"{work}/cache/mlmd/math-*"): shutil.rmtree(d)
def best(variant, *extra, runs, new_formulas=False):
    times = []
    for _ in range(runs):
        if new_formulas: forget_formulas()
        times.append(build(variant, *extra))
    return min(times)
for v in variants: build(v)   # knit once; later builds take the notebooks from the cache
def report(title, *extra, runs):
    known = {v: best(v, *extra, runs=runs) for v in variants}
    new = {v: best(v, *extra, runs=runs, new_formulas=True) for v in variants if v != "plain"}
    print(f"{title} (best of {runs}):  no math {known['plain'] * 1000:.1f} ms")
    for label, times in (("formulas rendered before", known), ("every formula new", new)):
        lessons = (times["lessons"] - known["plain"]) * 1000
        page = (times["all"] - times["lessons"]) * 1000
        print(f"  {label:26s} lessons 02 and 07: +{lessons:5.1f} ms (+{lessons / 2:4.1f} a page)   41-formula page: +{page:5.1f} ms")
report("site build from the knit cache", runs=9)
report("site build running every notebook (--force)", "--force", runs=3)
first = build("all", cache=f"{work}/empty-cache")
print(f"first build on a machine (empty cache, katex.js compiled): {first * 1000:.1f} ms")
PY
