#!/usr/bin/env bash
# Runs every test of ZEUES with real parts: installs redis-server and chromium when missing,
# starts Redis on a free loopback port for the run, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Instalando: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}

work=$(mktemp -d)
port=$(free_port)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
stop_redis() {
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null
  rm -rf "$work"
}
trap stop_redis EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

export ZEUES_TEST_REDIS="127.0.0.1:$port"
export ZEUES_TEST_REDIS_SERVER="$(command -v redis-server)"
export ZEUES_TEST_CHROMIUM=/usr/bin/chromium

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
