#!/usr/bin/env python3
"""Knits every corpus tutorial with mlmd and scores it against R's reference.

Usage: scripts/mlmd-corpus.py [--mlmd PATH] [--timeout SECONDS] [--out DIR] [NAME ...]

For each corpus/<name>/ (one .Rmd, .qmd or .R file; a .R script is knitted as the R Markdown
knitr::spin makes of it, corpus/spun/<name>.Rmd from scripts/spin-corpus.R):
  1. `mlmd knit` of the file as it is: its first error (mlmd stops at the first failing chunk);
  2. `mlmd knit --keep-going` (every chunk with knitr's error=TRUE, as R's reference was
     knitted): how far each file gets;
  3. `mlmd compare` of corpus/reference/<name>.md against the output of 2 (the score the corpus
     test, Tests/NotebookTests/CorpusTests.swift, records in corpus/scores.tsv).
Both knits run on a copy of the tutorial's folder in a temporary directory.
Writes corpus/STATUS.md: the table per tutorial, and the top-40 functions of corpus/usage.tsv
that mlmd lacks, ordered by number of files.
"""
import argparse, csv, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
CORPUS = os.path.join(ROOT, "corpus")


def source_file(d):
    fs = [f for f in os.listdir(d) if re.search(r"\.(Rmd|qmd|R)$", f)]
    return fs[0] if len(fs) == 1 else None


def first_line(s):
    for ln in s.splitlines():
        if ln.strip():
            return ln.strip()
    return ""


def run(cmd, cwd, timeout):
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout + p.stderr, time.time() - t0
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {timeout} s", time.time() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlmd", default=os.path.join(ROOT, ".build", "release", "mlmd"))
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "mlmd-corpus"))
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    names = a.names or sorted(n for n in os.listdir(CORPUS)
                              if os.path.isdir(os.path.join(CORPUS, n)) and n not in ("reference", "spun"))
    os.makedirs(a.out, exist_ok=True)
    rows = []
    for name in names:
        src_dir = os.path.join(CORPUS, name)
        src = source_file(src_dir)
        if not src:
            continue
        work = os.path.join(a.out, name)
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(src_dir, work)
        if src.endswith(".R"):
            rmd = src[:-2] + ".Rmd"
            shutil.copy(os.path.join(CORPUS, "spun", name + ".Rmd"), os.path.join(work, rmd))
        else:
            rmd = src
        rc1, out1, t1 = run([a.mlmd, "knit", rmd, "-o", os.path.join(a.out, name + ".plain.md")],
                            work, a.timeout)
        first_error = "" if rc1 == 0 else first_line(out1)
        cand = os.path.join(a.out, name + ".md")
        rc2, out2, t2 = run([a.mlmd, "knit", "--keep-going", rmd, "-o", cand], work, a.timeout)
        ref = os.path.join(CORPUS, "reference", name + ".md")
        score = ""
        if rc2 == 0 and os.path.exists(cand) and os.path.exists(ref):
            p = subprocess.run([a.mlmd, "compare", ref, cand], capture_output=True, text=True)
            score = first_line(p.stdout)
            if score.startswith("numbers 0/0"):
                score = ("n/a: the reference has no numbers in '## ' output lines (the author sets "
                         "comment=NA or \"\", or prints none); " + score)
        elif rc2 != 0:
            score = "knit with error=TRUE failed: " + first_line(out2)
        errs = ""
        if os.path.exists(cand):
            errs = str(sum(1 for ln in open(cand, encoding="utf-8") if ln.startswith("## Error")))
        rows.append((name, src, first_error, errs, score, f"{t2:.1f}"))
        print(f"{name}: {first_error or 'ok'} | {score} | errors {errs} | {t2:.0f}s", flush=True)
    write_status(rows)


def short(s, n=160):
    s = s.replace("|", "\\|")
    s = re.sub(r"^mlmd: ", "", s)
    return s if len(s) <= n else s[: n - 1] + "…"


def write_status(rows):
    lines = ["# mlmd on the corpus", "",
             "Made by `scripts/mlmd-corpus.py`. *First error*: what `mlmd knit` of the tutorial as "
             "it is stops with. *Errors*: `## Error` lines in mlmd's output when every chunk has "
             "error=TRUE (knitr's reference was knitted with error=TRUE too; see "
             "`corpus/reference/`). *Score*: `mlmd compare REFERENCE CANDIDATE` on that output: "
             "numbers of R's output found in order in mlmd's, and verbatim output lines.", "",
             "| tutorial | first mlmd error | errors | score | s |", "| --- | --- | --- | --- | --- |"]
    for name, src, err, errs, score, t in rows:
        lines.append(f"| {name} | {short(err) or 'none'} | {errs} | {short(score, 200)} | {t} |")
    usage = os.path.join(CORPUS, "usage.tsv")
    if os.path.exists(usage):
        with open(usage, encoding="utf-8") as f:
            r = [x for x in csv.DictReader(f, delimiter="\t") if x.get("mlmd") == "FALSE"
                 and not x["package"].startswith("(")]
        r.sort(key=lambda x: (-int(x["files"]), -int(x["calls"]), x["function"]))
        lines += ["", "## Top 40 functions the corpus calls that mlmd lacks", "",
                  "From `corpus/usage.tsv` (mlmd = FALSE), by number of files; functions the "
                  "tutorials define themselves or that R could not find are left out.", "",
                  "| # | function | package | files | calls |", "| --- | --- | --- | --- | --- |"]
        for i, x in enumerate(r[:40], 1):
            lines.append(f"| {i} | `{x['function']}` | {x['package']} | {x['files']} | {x['calls']} |")
    pk = os.path.join(CORPUS, "packages.tsv")
    if os.path.exists(pk):
        # the packages library() accepts in mlmd, as README.md lists them
        have = {"base", "stats", "utils", "graphics", "grDevices", "methods", "lme4", "lmerTest",
                "Matrix", "mlmRev", "dplyr", "tidyr", "tibble", "readr", "readxl", "broom",
                "broom.mixed", "ggplot2", "tidyverse", "magrittr"}
        with open(pk, encoding="utf-8") as f:
            miss = [x for x in csv.DictReader(f, delimiter="\t") if x["package"] not in have]
        lines += ["", "## Packages the corpus loads that mlmd does not provide", "",
                  "From `corpus/packages.tsv` (library/require/requireNamespace or pkg::), with the "
                  "number of files: " + ", ".join(f"{x['package']} ({x['files']})" for x in miss) + "."]
    open(os.path.join(CORPUS, "STATUS.md"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
