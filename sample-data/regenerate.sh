#!/usr/bin/env bash
# Regenerates the bundled sample files. The generators are deterministic from the seed, so this writes
# byte-identical files (SampleDataTest checks that regenerating gives the committed arrays).
set -euo pipefail
cd "$(dirname "$0")/.."
./latentlab synth lorenz --seed 1 --out sample-data/lorenz.h5
# 160 trials (20 conditions x 8) keep the file under 10 MB: the 100-unit network state is the bulk of it.
./latentlab synth chaotic-rnn-inputs --seed 1 --trials 160 --out sample-data/chaotic-rnn-inputs.h5
./latentlab synth two-area --seed 1 --out sample-data/two-area.h5
