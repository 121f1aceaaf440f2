#!/bin/sh
# Builds the libFuzzer harnesses (Linux, swiftc -sanitize=fuzzer,address) and runs each, seeded
# from ../shared/corpus/, the import examples and the fixture books' journals.
#
#   Fuzz/run.sh                      every harness for 1 000 000 runs
#   Fuzz/run.sh --runs 50000         every harness for 50 000 runs
#   Fuzz/run.sh --seconds 30 sie     one harness for 30 seconds
#   Fuzz/run.sh --seconds 30 --seed 1   every harness, reproducibly (what CI runs)
#
# Harnesses: sie, json, journal-line, import, payments, image, checkpoint. A crash stops the run and leaves its
# input as Fuzz/out/<harness>-crash-*; keep it in Fuzz/Regressions/<harness>/ (every run reads
# those again) and turn it into a unit test before fixing it. Exits non-zero when a harness
# crashed.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
limit="-runs=1000000"
harnesses=""
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) limit="-runs=$2"; shift 2 ;;
    --seconds) limit="-max_total_time=$2"; shift 2 ;;
    --seed) seed="-seed=$2"; shift 2 ;;
    *) harnesses="$harnesses $1"; shift ;;
  esac
done
[ -n "$harnesses" ] || harnesses="sie json journal-line import payments image checkpoint"

build="$root/.build/fuzz"
out="$root/Fuzz/out"
mkdir -p "$build" "$out"
flags="-sanitize=fuzzer,address -parse-as-library -enable-testing -O -gline-tables-only"

# Each library module once, instrumented, in dependency order.
module() {
  name=$1
  stamp="$build/$name.stamp"
  newest=$(find "$root/Sources/$name" -name '*.swift' -newer "$stamp" 2>/dev/null | head -1)
  if [ -f "$stamp" ] && [ -z "$newest" ]; then return; fi
  echo "building $name" >&2
  # shellcheck disable=SC2046,SC2086
  swiftc $flags -module-name "$name" -wmo -I "$build" \
    -emit-module -emit-module-path "$build/$name.swiftmodule" \
    -c -o "$build/$name.o" $(find "$root/Sources/$name" -name '*.swift' | sort)
  touch "$stamp"
}
for name in Basics PDF SIE Invoicing Reconcile; do module "$name"; done

harness() {
  source=$1
  shift
  objects=""
  for name in "$@"; do objects="$objects $build/$name.o"; done
  binary="$build/$(basename "$source" .swift)"
  # shellcheck disable=SC2086
  swiftc $flags -I "$build" "$root/Fuzz/Harnesses/$source" $objects -o "$binary"
  echo "$binary"
}

# Seeds: files as they are, and the journals split into one line per file.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/journal" "$seeds/import" "$seeds/json" "$seeds/sie" "$seeds/image"
# SIE seeds up to 16 KiB (the largest input the fuzzer makes); big files only slow it down.
find "$root/../shared/corpus/sie" -type f -size -17k -exec cp {} "$seeds/sie/" \;
n=0
for journal in "$root"/Tests/Fixtures/Books/*/book/journal.jsonl; do
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" >"$seeds/journal/$n"
  done <"$journal"
done
cp "$root"/docs/examples/*.json "$seeds/import/"
cp "$root"/docs/examples/*.json "$seeds/json/"
cp "$seeds"/journal/* "$seeds/json/"
# Pictures: the PNG and JPEG seeds kept with the harness.
cp "$root"/Fuzz/Seeds/image/* "$seeds/image/"

status=0
for name in $harnesses; do
  case "$name" in
    sie) binary=$(harness FuzzSIE.swift Basics SIE); corpus="$seeds/sie" ;;
    json) binary=$(harness FuzzJSON.swift Basics); corpus="$seeds/json" ;;
    journal-line) binary=$(harness FuzzJournalLine.swift Basics PDF Invoicing); corpus="$seeds/journal" ;;
    import) binary=$(harness FuzzImport.swift Basics PDF Invoicing); corpus="$seeds/import" ;;
    payments)
      binary=$(harness FuzzPayments.swift Basics PDF Invoicing Reconcile)
      corpus="$root/../shared/corpus/payments"
      ;;
    image) binary=$(harness FuzzImage.swift PDF); corpus="$seeds/image" ;;
    checkpoint)
      binary=$(harness FuzzCheckpoint.swift Basics PDF Invoicing)
      corpus="$root/Fuzz/Seeds/checkpoint"
      ;;
    *) echo "no harness $name" >&2; exit 64 ;;
  esac
  # Inputs the fuzzer finds go to a scratch directory, never into the read-only corpus.
  work="$build/work-$name"
  # Foundation's XMLParser leaks the text of every parse error it reports (about 70 bytes; a
  # million refused inputs pile up 400 MB): leaks are not what the payment harness looks for.
  leaks=1
  [ "$name" = payments ] && leaks=0
  mkdir -p "$work"
  echo "== $name ($limit)" >&2
  # shellcheck disable=SC2086
  if ! ASAN_OPTIONS="detect_leaks=$leaks" "$binary" "$limit" $seed -max_len=16384 -timeout=10 -rss_limit_mb=2048 -detect_leaks=$leaks \
    -artifact_prefix="$out/$name-" -print_final_stats=1 "$work" "$corpus" \
    $(ls -d "$root/Fuzz/Regressions/$name" 2>/dev/null) 2>"$build/$name.log"; then
    status=1
    tail -40 "$build/$name.log" >&2
  fi
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$build/$name.log" | sed "s/^/$name: /" >&2 || true
done
exit $status
