# The libFuzzer targets in server/fuzz: building them with clang into build/fuzz and running them.
# Source it after common.sh.

FUZZ_SOURCE="$ROOT/server/fuzz"
FUZZ_BUILD="$BUILD/fuzz"

# fuzz_targets: the target names (json_body, …), one per server/fuzz/*_fuzz.cpp.
fuzz_targets() {
  local source
  for source in "$FUZZ_SOURCE"/*_fuzz.cpp; do
    source="${source##*/}"
    echo "${source%_fuzz.cpp}"
  done
}

# build_fuzz: configures once with clang, then lets Ninja rebuild only what changed.
build_fuzz() {
  if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
    say "Configuring the fuzz targets (clang)"
    cmake -G Ninja -S "$FUZZ_SOURCE" -B "$FUZZ_BUILD" -DCMAKE_CXX_COMPILER=clang++-14 \
      -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" >/dev/null || return 1
  fi
  say "Building the fuzz targets"
  ninja -C "$FUZZ_BUILD"
}

# run_fuzz_target NAME SECONDS: fuzzes NAME for SECONDS from its seeds (server/fuzz/corpus/NAME) and
# what earlier runs found (build/fuzz/corpus/NAME, which grows); earlier crashes run first, so one
# stays red until it is fixed. A new crash is saved in build/fuzz/crashes/NAME. Prints one line of
# figures; fails on a crash, a timeout or a leak.
run_fuzz_target() {
  local name="$1" seconds="$2"
  local corpus="$FUZZ_BUILD/corpus/$name" crashes="$FUZZ_BUILD/crashes/$name" log="$FUZZ_BUILD/logs/$name.log"
  mkdir -p "$corpus" "$crashes" "$FUZZ_BUILD/logs"
  local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                 -artifact_prefix="$crashes/")
  [ -f "$FUZZ_SOURCE/$name.dict" ] && options+=(-dict="$FUZZ_SOURCE/$name.dict")
  local status=0
  "$FUZZ_BUILD/${name}_fuzz" "${options[@]}" "$corpus" "$FUZZ_SOURCE/corpus/$name" "$crashes" >"$log" 2>&1 || status=$?
  local done_line runs
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE ' "$log" | tail -n 1 || true)"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  if [ "$status" = 0 ] && [ -n "$done_line" ]; then
    printf '%-15s %9s runs  %s\n' "$name" "$runs" \
      "$(echo "$done_line" | grep -oE '(cov|ft|corp|exec/s): [0-9/a-zA-Z]+' | paste -sd' ')" >&2
    return 0
  fi
  printf '%-15s FAILED (exit %s); log: %s\n' "$name" "$status" "$log" >&2
  grep -E 'ERROR: |property failed|a parser threw|SUMMARY: |Test unit written to' "$log" | head -n 20 >&2 || true
  return 1
}
