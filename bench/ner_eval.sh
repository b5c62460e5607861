#!/usr/bin/env bash
# Score the shipped NER model on the public gold (development machines only).
#   bench/ner_eval.sh            # ANERcorp test (CAMeL Lab split), plain table
#   bench/ner_eval.sh --json
# The data is read from ../shared/eval/ner (override with MARSAD_EVAL_DIR=/path/to/eval).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="${MARSAD_EVAL_DIR:-$here/../shared/eval}"
py="${PYTHON:-$here/.venv/bin/python}"
test_file="$eval_dir/ner/anercorp_camellab/ANERCorp_CamelLab_test.txt"
if [[ ! -f "$test_file" ]]; then
  echo "ner_eval: $test_file not found (set MARSAD_EVAL_DIR)" >&2
  exit 2
fi
echo "== ANERcorp test, scheme anercorp (the benchmark's conventions)"
"$py" -m marsad.cli eval ner "$test_file" --scheme anercorp "$@"
echo "== ANERcorp test, scheme newsfane (the pipeline's default conventions)"
"$py" -m marsad.cli eval ner "$test_file" --scheme newsfane "$@"
