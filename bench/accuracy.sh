#!/usr/bin/env bash
# Every accuracy figure of docs/evaluation.md, in one run (development machines only:
# the public gold lives in ../shared/eval; override with MARSAD_EVAL_DIR=/path/to/eval).
#   bench/accuracy.sh          # tables
#   bench/accuracy.sh --json   # the gold-article and tagger scores as JSON
#   bench/accuracy.sh --all-predictions   # whole articles scored on every record (see docs/evaluation.md)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${MARSAD_SHARED_DIR:-$here/../shared}"
eval_dir="${MARSAD_EVAL_DIR:-$shared/eval}"
py="${PYTHON:-$here/.venv/bin/python}"
cd "$here"
run() { echo; echo "== $1"; shift; "$py" -m marsad "$@"; }

run "whole articles, held-out set 15 (8 articles, blind when measured on 2026-11-23, seventh session, not read for errors)" eval gold tests/gold/heldout15 examples/heldout15 "$@"
run "whole articles, held-out set 14 (8 articles, blind when measured on 2026-11-23, sixth session, again in the seventh, not read for errors)" eval gold tests/gold/heldout14 examples/heldout14 "$@"
run "whole articles, held-out set 13 (8 articles, blind when measured on 2026-11-23, fifth session, again in the sixth and seventh, not read for errors)" eval gold tests/gold/heldout13 examples/heldout13 "$@"
run "whole articles, held-out set 12 (8 articles, blind when measured on 2026-11-23, fourth session, again in the fifth, sixth and seventh, not read for errors)" eval gold tests/gold/heldout12 examples/heldout12 "$@"
run "whole articles, held-out set 11 (8 articles, blind when measured on 2026-11-23, third and fourth sessions, read for errors in the fifth)" eval gold tests/gold/heldout11 examples/heldout11 "$@"
run "whole articles, held-out set 10 (8 articles, blind when measured on 2026-11-23, third session, read for errors since)" eval gold tests/gold/heldout10 examples/heldout10 "$@"
run "whole articles, held-out set 9 (8 articles, blind when measured on 2026-11-23, measured again blind in the third and fourth sessions, read for errors in the fifth)" eval gold tests/gold/heldout9 examples/heldout9 "$@"
run "whole articles, held-out set 8 (8 articles, blind when measured on 2026-11-23, read for errors since)" eval gold tests/gold/heldout8 examples/heldout8 "$@"
run "whole articles, held-out set 7 (8 articles, blind when measured on 2026-11-23, tuned on since)" eval gold tests/gold/heldout7 examples/heldout7 "$@"
run "whole articles, held-out set 6 (8 articles, blind when measured on 2026-11-23, read for errors since)" eval gold tests/gold/heldout6 examples/heldout6 "$@"
run "whole articles, held-out set 5 (8 articles, blind when measured on 2026-11-23, tuned on since)" eval gold tests/gold/heldout5 examples/heldout5 "$@"
run "whole articles, held-out set 4 (6 articles, blind when measured on 2026-11-22, tuned on since)" eval gold tests/gold/heldout4 examples/heldout4 "$@"
run "whole articles, held-out set 3 (6 articles, blind when first measured, tuned on since)" eval gold tests/gold/heldout3 examples/heldout3 "$@"
run "whole articles, held-out set 2 (12 articles, blind when first measured, tuned on since)" eval gold tests/gold/heldout2 examples/heldout2 "$@"
run "whole articles, held-out set 1 (6 articles, no longer blind)" eval gold tests/gold/heldout examples/heldout "$@"
run "whole articles, examples (development)" eval gold tests/gold/examples examples "$@"
if [[ -d "$shared/seeds" ]]; then
  run "whole articles, seeds (development)" eval gold tests/gold/seeds "$shared/seeds" "$@"
fi
test_file="$eval_dir/ner/anercorp_camellab/ANERCorp_CamelLab_test.txt"
if [[ -f "$test_file" ]]; then
  run "tagger, ANERcorp test split" eval ner "$test_file" "$@"
fi
if [[ -d "$eval_dir/events/arabic_event_gsr" ]]; then
  run "events, OEDA gold, test half" eval events --split test --data "$eval_dir/events/arabic_event_gsr"
fi
echo; echo "== publication dates"
"$py" bench/dates_eval.py
