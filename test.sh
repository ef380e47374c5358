#!/usr/bin/env bash
# Runs every test of ZEUES with real parts: installs redis-server and chromium when missing,
# starts Redis on a free loopback port for the run, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

source scripts/test-services.sh

mkdir -p TestResults
log="TestResults/test.log"
dotnet test Zeues.sln --filter "Category!=Benchmark" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The same workflow suite again on the second provider: Google Sheets, on the in-process fake v4 server.
ZEUES_TEST_PROVIDER=GoogleSheets dotnet test Zeues.Tests --no-build --filter "FullyQualifiedName~Zeues.Tests.Workflows" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -ne 0 ] && status=1

sum() { grep -Eo "$1: +[0-9]+" "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum Passed)
failed=$(sum Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
