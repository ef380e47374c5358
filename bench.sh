#!/usr/bin/env bash
# Runs the benchmarks of ZEUES (tests marked Category=Benchmark, which ./test.sh leaves out) with the
# same real parts as ./test.sh, prints the results as a table and writes docs/benchmarks.md.
set -uo pipefail
cd "$(dirname "$0")"

source scripts/test-services.sh
export ZEUES_BENCH_OUT="$work/results.txt"
: > "$ZEUES_BENCH_OUT"

# ZEUES_BENCH_FILTER narrows the run while working on one benchmark (it then leaves docs/ alone).
filter="Category=Benchmark${ZEUES_BENCH_FILTER:+&${ZEUES_BENCH_FILTER}}"
started=$(date +%s)
dotnet test Zeues.Tests -c Release --filter "$filter" --logger "console;verbosity=normal"
status=$?
elapsed=$(( $(date +%s) - started ))

table=$(
  echo "| Metric | Value | Unit | Notes |"
  echo "|---|---:|---|---|"
  awk -F' \\| ' 'NF >= 3 { printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$ZEUES_BENCH_OUT"
)
echo
echo "$table"
echo
echo "Benchmarks: ${elapsed} s, dotnet test exit code ${status}"

if [ -z "${ZEUES_BENCH_FILTER:-}" ]; then
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  mem=$(free -g | awk '/^Mem:/ { print $2 " GB total, " $7 " GB available" }')
  {
    echo "# Benchmarks"
    echo
    echo "Written by \`./bench.sh\` (the tests marked \`Category=Benchmark\` in \`Zeues.Tests/Benchmarks/\`; \`./test.sh\` leaves them out)."
    echo "Numbers are from one run on the machine below; they describe this machine, not a promise."
    echo
    echo "- Date: $(date -u)"
    echo "- CPU: ${cpu:-unknown}, $(nproc) cores"
    echo "- Memory: ${mem}"
    echo "- .NET SDK: $(dotnet --version)"
    echo "- Redis: $(redis-server --version | awk '{print $3}' | sed 's/v=//'); Chromium: $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
    echo "- Run time: ${elapsed} s; dotnet test exit code ${status}"
    echo
    echo "$table"
    cat <<'NOTES'

## What the numbers do and do not say

- **Sheets calls** are counted on the in-process fake Sheets v4 server, which sees exactly the calls the
  client makes. "Reads" are `spreadsheets.get` + `values.batchGet`; every command writes with one atomic
  `batchUpdate`. The node's first write also fetches the sheet ids once (`spreadsheets.get`).
- **Command latency** injects 150 ms on every fake Sheets call (read and write). The benchmark raises the
  write budget (`Zeues:GoogleSheets:WritesPerMinute`) to 6000 as the tests do; at the shipped 60 per
  minute, a burst of more than 60 commands a minute would also wait for the budget.
- **Propagation** runs both Kestrel nodes (SQLite provider, one file), Redis and headless Chromium on this
  one machine; the send time and the DOM time come from the same clock. On the GoogleSheets provider,
  node B's reload adds one `values.batchGet` (its network latency) to the figure.
- **Fan-out** times `PublishAsync` to the last of 5,000 handler calls; handlers here do nothing, so it is
  the hub's own cost (one task per handler), not the cost of 5,000 Blazor renders.
- **Large plant**: 5,000 generated v4 spools with 10 unions each, read from a SQLite workbook. The Metadata
  sheet holds only the fixture's rows; a plant's audit log grows with use and `PlantReader` reads it too.
  The board render is bunit rendering the five board components to markup on the server, not the
  browser's layout and paint.
- **Idle reads** are counted over 60 s windows with the default 30 s refresh, so a window holds two timed
  reads (one more or less depending on where the ticks fall); the point is that 50 circuits read no more
  than one.
- Benchmarks assert what they counted (commands succeeded, rows seen, subscribers reached), never a time.
NOTES
  } > docs/benchmarks.md
  echo "Escrito docs/benchmarks.md"
fi
exit "$status"
