#!/usr/bin/env bash
# Is the workbench responsive while a population trains? Opens the workbench headless on the Lorenz sample,
# trains a 16-member AutoLFADS population from the Run screen (plots redrawn every epoch) and prints the
# longest gap between JavaFX pulses (target: under 100 ms). Run it alone on an idle machine.
#   bench/fx-pulse.sh                      the default model, 3 generations of 2 epochs
#   bench/fx-pulse.sh small                a small model: epochs (and redraws) every second or so
set -euo pipefail
cd "$(dirname "$0")/.."
./latentlab --version > /dev/null            # builds the application when sources changed
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
extra=()
generations=3
if [[ "${1:-}" == small ]]; then
  extra=(model.gen_dim=16 model.fac_dim=8 model.ic_enc_dim=16 model.ci_enc_dim=16 model.con_dim=16 model.ic_dim=8)
  generations=15
fi
exec java -Xmx2g -Dai.djl.offline=true -cp "target/app/latentlab.jar:target/app/lib/*" \
  org.latentlab.ui.PulseBenchmark sample-data/lorenz.h5 "$out/run" 16 2 "$generations" pbt.burn_in_epochs=2 "${extra[@]}"
