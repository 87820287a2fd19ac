#!/usr/bin/env bash
# One training step of a P-member population (vectorised PBT) at T=100, N=100: median ms and GFLOP/s for
# P = 1, 4, 8, 16, 32 at B = 16 and 64. Run it alone on an idle machine; it takes about ten minutes on 2 cores.
# Further arguments go to every bench call, e.g. `bench/population.sh --shards 1` for one batched model
# instead of the default shards side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in 16 64; do
  for p in 1 4 8 16 32; do
    out=$(./latentlab bench --batch "$b" --time 100 --neurons 100 --population "$p" "$@" 2>/dev/null)
    median=$(echo "$out" | sed -n 's/^median \([0-9.]*\) ms/\1/p')
    gflop=$(echo "$out" | sed -n 's/^\([0-9.]*\) GFLOP per step.*/\1/p')
    awk -v b="$b" -v p="$p" -v m="$median" -v g="$gflop" \
      'BEGIN { printf "B=%-3d P=%-3d median %8.1f ms  %6.1f GFLOP  %5.1f GFLOP/s  %6.1f ms per member\n", b, p, m, g, g / (m / 1000), m / p }'
  done
done
