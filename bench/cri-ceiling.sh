#!/usr/bin/env bash
# What limits the iLQR-VAE on chaotic-rnn-inputs: the amount of data or the spike count?
# Trains the default iLQR-VAE for the same wall time on the same network (seed 1) three ways:
#   sample   160 trials, max rate 30 Hz (the bundled sample's recipe)
#   trials   1600 trials, 30 Hz         (ten times the data)
#   rate     160 trials, max rate 300 Hz (ten times the spikes per trial)
# and prints the validation rate R² and input recovery of each. Run it alone on an idle machine:
# it takes 3 x MINUTES plus the time to synthesise and score (about 50 minutes at the default 15).
# Usage: bench/cri-ceiling.sh [MINUTES] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-15}
work=${2:-$(mktemp -d)}
mkdir -p "$work"

cp sample-data/chaotic-rnn-inputs.h5 "$work/sample.h5"   # made by the same recipe (sample-data/regenerate.sh)
./latentlab synth chaotic-rnn-inputs --seed 1 --trials 1600 --out "$work/trials.h5" > /dev/null
./latentlab synth chaotic-rnn-inputs --seed 1 --trials 160 --set max-rate=300 --out "$work/rate.h5" > /dev/null

for v in sample trials rate; do
  ./latentlab train --data "$work/$v.h5" --out "$work/run-$v" --set model=ilqr-vae \
    --set train.max_minutes="$minutes" > "$work/run-$v.log" 2>&1
  valid=$(./latentlab eval --run "$work/run-$v" | grep '^valid')
  r2=$(echo "$valid" | sed -n 's/.* rate_r2 \([-0-9.]*\).*/\1/p')
  corr=$(echo "$valid" | sed -n 's/.* input_corr \([-0-9.]*\).*/\1/p')
  printf '%-7s valid rate R2 %s  input recovery %s  (%s)\n' "$v" "$r2" "$corr" "$work/run-$v"
done
