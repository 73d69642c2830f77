#!/usr/bin/env python3
"""best-time.py RUNS COMMAND...: runs COMMAND RUNS times (output discarded) and prints the best
wall-clock time in seconds, as the benchmark scripts report each step."""
import subprocess, sys, time

runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{min(times):.3f}")
