#!/usr/bin/env bash
# The gateway benchmark: what a gateway adds to each call, side by side in one run, on loopback only:
#   1. builds the mock upstream and load generator (bench/GatewayBench) and publishes frugal as a NativeAOT binary
#      (or takes FRUGAL_BIN=PATH); installs Portkey's open-source gateway 1.15.2 with npm into the work folder,
#      @hono/node-server pinned to 1.13.8 through overrides (later versions break its streaming on Node 20);
#   2. starts the mock (OpenAI-compatible, precomputed answers, 4-chunk streams with a usage chunk) on a free
#      127.0.0.1 port, `frugal gateway` and Portkey in front of it, each on its own port;
#   3. measures (a) direct to the mock, (b) through `frugal gateway`, (c) through Portkey: sequential non-stream
#      latency (--requests, concurrency 1), sequential stream time to first byte (--stream-requests), and
#      throughput (--concurrency for --duration seconds), each after a warm-up; prints a table of the figures and
#      what each gateway adds to the direct ones, and writes every raw JSON line to a results file.
# The measurement runs in a network namespace of its own (unshare -n: loopback only; Portkey has no host flag and
# would listen on every interface) when unshare and ip are usable, else on the host's loopback; Portkey is held to
# 127.0.0.1 either way. With two cores or more, the gateways run on the second core, the mock and the load
# generator on the first (taskset). Every process started is ended on exit; the whole run is bounded in time.
# Usage: bench/gateway.sh [--requests 2000] [--stream-requests 500] [--duration 10] [--concurrency 32]
#                         [--results FILE] [--no-portkey]
# FRUGAL_BIN=PATH reuses a frugal binary. Needs the .NET 10 SDK (clang for NativeAOT), node/npm for Portkey.
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/.."
requests=2000; stream_requests=500; duration=10; concurrency=32; portkey=1
results=${TMPDIR:-/tmp}/frugal-gateway-bench-$(date -u +%Y%m%dT%H%M%SZ).jsonl
if [ "${1:-}" != --inner ]; then
  while [ $# -gt 0 ]; do
    case "$1" in
      --requests) requests=$2; shift 2 ;;
      --stream-requests) stream_requests=$2; shift 2 ;;
      --duration) duration=$2; shift 2 ;;
      --concurrency) concurrency=$2; shift 2 ;;
      --results) results=$2; shift 2 ;;
      --no-portkey) portkey=0; shift ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  for n in "$requests" "$stream_requests" "$duration" "$concurrency"; do
    [[ "$n" =~ ^[1-9][0-9]{0,6}$ ]] || { echo "counts must be whole numbers from 1 to 9999999: $n" >&2; exit 2; }
  done
  [ "$duration" -le 120 ] || { echo "--duration is at most 120 s" >&2; exit 2; }
  [ "$concurrency" -le 1024 ] || { echo "--concurrency is at most 1024" >&2; exit 2; }

  # ---- outside: build and install (needs the package registries), then measure in the inner part ----
  work=$(mktemp -d -t frugal-gwbench-XXXXXX)
  inner=
  stop_inner() { if [ -n "$inner" ]; then kill -TERM "$inner" 2>/dev/null || true; wait "$inner" || true; fi; }
  trap 'stop_inner; rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM

  echo "== building bench/GatewayBench" >&2
  dotnet publish bench/GatewayBench -c Release -o "$work/gb" -p:DebugType=none -v quiet -nologo >&2
  if [ -n "${FRUGAL_BIN:-}" ]; then
    frugal=$(realpath "$FRUGAL_BIN")
  else
    echo "== publishing the NativeAOT binary" >&2
    dotnet publish src/Frugal.Cli -c Release -r linux-x64 -o "$work/bin" -p:DebugType=none -v quiet -nologo >&2
    frugal="$work/bin/frugal"
  fi

  portkey_status=ok
  if [ "$portkey" = 0 ]; then
    portkey_status="not measured (--no-portkey)"
  elif ! command -v npm > /dev/null || ! command -v node > /dev/null; then
    portkey_status="not measured: node and npm are needed to install it"
  else
    echo "== installing Portkey's gateway 1.15.2 (@hono/node-server 1.13.8) with npm" >&2
    mkdir -p "$work/pk"
    cat > "$work/pk/package.json" << 'EOF'
{
  "name": "frugal-gwbench-portkey",
  "private": true,
  "dependencies": { "@portkey-ai/gateway": "1.15.2", "@hono/node-server": "1.13.8" },
  "overrides": { "@hono/node-server": "$@hono/node-server", "@hono/node-ws": "1.2.0" }
}
EOF
    if ! timeout 300 npm install --prefix "$work/pk" --no-audit --no-fund --loglevel=error > "$work/npm.log" 2>&1
    then
      why=$(grep -E '^npm (error|ERR!) ' "$work/npm.log" | grep -vE ' (syscall|errno) |^npm [a-zA-Z!]+ +at ' \
        | head -2 | cut -c1-160 | tr '\n' ' ')
      portkey_status="not measured: npm could not install @portkey-ai/gateway@1.15.2 (${why:-no npm error line})"
    fi
  fi
  [ "$portkey_status" = ok ] || echo "Portkey: $portkey_status" >&2

  # A namespace of its own when possible: nothing started there can reach or be reached from another host.
  namespace=()
  if command -v unshare > /dev/null && command -v ip > /dev/null; then
    if unshare -n true 2> /dev/null; then namespace=(unshare -n)
    elif unshare -rn true 2> /dev/null; then namespace=(unshare -rn)
    fi
  fi
  [ ${#namespace[@]} -gt 0 ] || echo "note: no network namespace available; servers listen on 127.0.0.1 only" >&2
  mkdir -p "$(dirname "$results")"
  : > "$results"
  export GWB_WORK=$work GWB_FRUGAL=$frugal GWB_PORTKEY=$portkey_status GWB_RESULTS=$results
  export GWB_REQUESTS=$requests GWB_STREAM_REQUESTS=$stream_requests GWB_DURATION=$duration
  export GWB_CONCURRENCY=$concurrency GWB_NAMESPACE=${#namespace[@]}
  # Bounded: the measurements take about 3 × (duration + 30) s; the whole inner part is stopped after 8 minutes.
  timeout -k 10 480 "${namespace[@]}" bash "$script" --inner &
  inner=$!
  status=0
  wait "$inner" || status=$?
  inner=
  [ "$status" = 124 ] && echo "the measurements were stopped after 8 minutes" >&2
  echo "raw results: $results"
  exit "$status"
fi

# ---- inside: start the servers, measure, stop everything ----
work=$GWB_WORK; frugal=$GWB_FRUGAL; results=$GWB_RESULTS
requests=$GWB_REQUESTS; stream_requests=$GWB_STREAM_REQUESTS; duration=$GWB_DURATION; concurrency=$GWB_CONCURRENCY
unset HTTP_PROXY HTTPS_PROXY ALL_PROXY http_proxy https_proxy all_proxy
export NO_PROXY=127.0.0.1,localhost,::1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# HOME and the XDG folders point inside the work folder: no real user's ledger or config is read or written.
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
mkdir -p "$HOME"
[ "$GWB_NAMESPACE" = 0 ] || ip link set lo up

pids=(); load_pid=
cleanup() {
  local pid
  [ -z "$load_pid" ] || kill -TERM "$load_pid" 2> /dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# Cores: the servers under test on the second allowed core, the mock and the load generator on the first.
cpus=()
for part in $(sed -n 's/^Cpus_allowed_list:\s*//p' /proc/self/status | tr ',' ' '); do
  if [[ "$part" == *-* ]]; then mapfile -t -O "${#cpus[@]}" cpus < <(seq "${part%-*}" "${part#*-}")
  else cpus+=("$part"); fi
done
if command -v taskset > /dev/null && [ ${#cpus[@]} -ge 2 ]; then
  on_client=(taskset -c "${cpus[0]}"); on_server=(taskset -c "${cpus[1]}")
  pinning="gateways on core ${cpus[1]}; mock and load generator on core ${cpus[0]}"
else
  on_client=(); on_server=(); pinning="not pinned (needs taskset and two cores)"
fi

# A port that nothing listens on (bash's /dev/tcp: the connection is refused).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
# Waits until the port accepts connections, at most $3 seconds, and fails early if the process died.
wait_port() {
  local port=$1 pid=$2 seconds=$3 i
  for ((i = 0; i < seconds * 10; i++)); do
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && return 0
    kill -0 "$pid" 2> /dev/null || return 1
    sleep 0.1
  done
  return 1
}
started() { pids+=("$1"); }

gb="$work/gb/gatewaybench"
mock_port=$(free_port)
"${on_client[@]}" "$gb" mock --port "$mock_port" --chunks 4 > "$work/mock.log" 2>&1 &
started $!
wait_port "$mock_port" "$!" 30 || { echo "the mock did not start:" >&2; tail -5 "$work/mock.log" >&2; exit 1; }
upstream="http://127.0.0.1:$mock_port"

# (b) frugal gateway, when this build has it (`frugal gateway --help` shows its own usage, with --config).
frugal_status=ok
if ! help=$("$frugal" gateway --help 2>&1) || ! grep -q -- '--config' <<< "$help" \
  || ! grep -q 'frugal gateway' <<< "$help"; then
  frugal_status="frugal gateway not available in this build"
else
  frugal_port=$(free_port)
  cat > "$work/gateway.yaml" << EOF
upstreams:
  - name: mock
    kind: openai
    url: $upstream
    local: true
    models: [mock-model]
anonymousProject: bench
EOF
  "${on_server[@]}" "$frugal" gateway --config "$work/gateway.yaml" --urls "http://127.0.0.1:$frugal_port" \
    --ledger "$work/gateway-ledger.db" > "$work/frugal.log" 2>&1 &
  started $!
  if ! wait_port "$frugal_port" "$!" 30; then
    frugal_status="frugal gateway did not accept connections within 30 s: $(tail -c 300 "$work/frugal.log" \
      | tr '\n' ' ')"
  fi
fi

# (d) the yardstick: the least a .NET proxy does (Kestrel and one HttpClient, nothing read), on the same core.
bare_port=$(free_port)
"${on_server[@]}" "$gb" proxy --port "$bare_port" --upstream "$upstream" > "$work/bare.log" 2>&1 &
started $!
bare_status=ok
wait_port "$bare_port" "$!" 30 || bare_status="the bare proxy did not start"

# (c) Portkey, held to 127.0.0.1: it passes only a port to listen(), which then means every interface.
portkey_status=$GWB_PORTKEY
if [ "$portkey_status" = ok ]; then
  cat > "$work/loopback.cjs" << 'EOF'
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number') {
    if (args[1] === undefined) args[1] = '127.0.0.1';
    else if (typeof args[1] === 'function') args.splice(1, 0, '127.0.0.1');
  } else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && !args[0].host) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
EOF
  portkey_port=$(free_port)
  NODE_ENV=production "${on_server[@]}" node --require "$work/loopback.cjs" \
    "$work/pk/node_modules/@portkey-ai/gateway/build/start-server.js" --headless "--port=$portkey_port" \
    > "$work/portkey.log" 2>&1 &
  started $!
  if ! wait_port "$portkey_port" "$!" 30; then
    portkey_status="Portkey did not accept connections within 30 s: $(tail -c 300 "$work/portkey.log" \
      | tr '\n' ' ')"
  fi
fi

# One load run: its JSON line, labelled, goes to the results file and to $line.
line=
measure() {
  local target=$1 test=$2; shift 2
  local out status=0
  "${on_client[@]}" "$gb" load --timeout-s 10 "$@" > "$work/load.out" 2> "$work/load.err" &
  load_pid=$!
  wait "$load_pid" || status=$?
  load_pid=
  out=$(cat "$work/load.out")
  if [ "$status" != 0 ] || [ -z "$out" ]; then
    echo "$target $test: the load generator failed ($status): $(head -c 300 "$work/load.err")" >&2
    line=; return 0
  fi
  line="{\"target\":\"$target\",\"test\":\"$test\",${out#\{}"
  echo "$line" >> "$results"
  echo "   $target $test: $out" >&2
}
declare -A figures
run_target() {
  local target=$1 url=$2; shift 2
  local headers=("$@") t
  echo "== $target" >&2
  measure "$target" seq --url "$url" --requests "$requests" --warmup 200 "${headers[@]}"
  figures[$target.seq]=$line
  measure "$target" stream --url "$url" --requests "$stream_requests" --warmup 100 --stream "${headers[@]}"
  figures[$target.stream]=$line
  measure "$target" throughput --url "$url" --duration "$duration" --concurrency "$concurrency" --warmup 200 \
    "${headers[@]}"
  figures[$target.throughput]=$line
}

path=/v1/chat/completions
run_target direct "$upstream$path"
[ "$frugal_status" = ok ] && run_target frugal "http://127.0.0.1:$frugal_port$path"
[ "$bare_status" = ok ] && run_target bare "http://127.0.0.1:$bare_port$path"
[ "$portkey_status" = ok ] && run_target portkey "http://127.0.0.1:$portkey_port$path" \
  --header "x-portkey-provider:openai" --header "x-portkey-custom-host:$upstream/v1" \
  --header "Authorization:Bearer sk-bench"

# ---- the table ----
num() {
  local v
  v=$(sed -nE "s/.*\"$2\":([^,}]*).*/\1/p" <<< "${figures[$1]:-}")
  [ -n "$v" ] && [ "$v" != null ] && echo "$v"
}
rate() { local v; if v=$(num "$@"); then awk -v v="$v" 'BEGIN { printf "%.0f\n", v }'; else echo "—"; fi; }
pair() {
  local a b
  if a=$(num "$1" "$2") && b=$(num "$1" "$3"); then awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f / %.2f\n", a, b }'
  else echo "—"; fi
}
added() {
  local a b c d
  if a=$(num "$1" "$2") && b=$(num "$1" "$3") && c=$(num "direct.${1#*.}" "$2") && d=$(num "direct.${1#*.}" "$3")
  then awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN { printf "%+.2f / %+.2f\n", a - c, b - d }'
  else echo "—"; fi
}
errors() {
  local t e s=
  for t in seq stream throughput; do e=$(num "$1.$t" errors) || e="?"; s="$s${s:+ / }$e"; done
  echo "$s"
}
targets=(direct)
[ "$frugal_status" = ok ] && targets+=(frugal)
[ "$bare_status" = ok ] && targets+=(bare)
[ "$portkey_status" = ok ] && targets+=(portkey)
declare -A names=([direct]="direct to the mock" [frugal]="frugal gateway" [bare]="bare .NET proxy"
  [portkey]="Portkey 1.15.2")
# row TEST FUNCTION LABEL FIELD...: one line of the table, a cell per target.
row() {
  local test=$1 fn=$2 label=$3 t; shift 3
  printf '| %s |' "$label"
  for t in "${targets[@]}"; do
    if [ "$fn" = added ] && [ "$t" = direct ]; then printf ' — |'
    elif [ "$fn" = errors ]; then printf ' %s |' "$(errors "$t")"
    else printf ' %s |' "$("$fn" "$t.$test" "$@")"
    fi
  done
  echo
}

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sm); $(date -u +%Y-%m-%d);" \
  "$pinning; $([ "$GWB_NAMESPACE" = 0 ] && echo "host loopback" || echo "own network namespace")."
echo "frugal: $("$frugal" --version 2>&1 | head -1) ($(git rev-parse --short HEAD 2> /dev/null || echo '?'))"
if [ "$portkey_status" = ok ]; then
  pk_version=$(sed -nE 's/^  "version": "([^"]*)".*/\1/p' "$work/pk/node_modules/@portkey-ai/gateway/package.json")
  hono_version=$(sed -nE 's/^  "version": "([^"]*)".*/\1/p' "$work/pk/node_modules/@hono/node-server/package.json")
  echo "Portkey: @portkey-ai/gateway $pk_version, @hono/node-server $hono_version, node $(node --version)"
fi
echo
printf '| test |'; for t in "${targets[@]}"; do printf ' %s |' "${names[$t]}"; done; echo
printf '| --- |'; for t in "${targets[@]}"; do printf ' ---: |'; done; echo
row seq pair "sequential non-stream p50 / p99 (ms), $requests requests" p50Ms p99Ms
row seq added "added p50 / p99 vs direct (ms)" p50Ms p99Ms
row stream pair "sequential stream TTFB p50 / p99 (ms), $stream_requests streams" ttfbP50Ms ttfbP99Ms
row stream added "added TTFB p50 / p99 vs direct (ms)" ttfbP50Ms ttfbP99Ms
row stream pair "sequential stream total p50 / p99 (ms)" p50Ms p99Ms
row throughput rate "throughput, $concurrency concurrent for $duration s (req/s)" rps
row throughput pair "throughput p50 / p99 latency (ms)" p50Ms p99Ms
row seq errors "errors (sequential / stream / throughput)"
echo
frugal_rps=$(num frugal.throughput rps) || frugal_rps=
portkey_rps=$(num portkey.throughput rps) || portkey_rps=
if [ -n "$frugal_rps" ] && [ -n "$portkey_rps" ]; then
  awk -v f="$frugal_rps" -v p="$portkey_rps" \
    'BEGIN { if (p > 0) printf "Throughput frugal / Portkey: %.1f×\n", f / p }'
fi
bare_rps=$(num bare.throughput rps) || bare_rps=
if [ -n "$bare_rps" ] && [ -n "$portkey_rps" ] && [ -n "$frugal_rps" ]; then
  awk -v b="$bare_rps" -v p="$portkey_rps" -v f="$frugal_rps" 'BEGIN { if (p > 0 && b > 0)
    printf "Bare .NET proxy / Portkey: %.1f× (frugal reaches %.0f %% of the bare proxy)\n", b / p, 100 * f / b }'
fi
[ "$frugal_status" = ok ] || echo "(b) frugal gateway: $frugal_status"
[ "$portkey_status" = ok ] || echo "(c) Portkey: $portkey_status"
for key in "${!figures[@]}"; do
  e=$(num "$key" errors) || continue
  [ "$e" = 0 ] || echo "errors in $key: $e, first:" \
    "$(sed -nE 's/.*"firstError":(.*)}$/\1/p' <<< "${figures[$key]}")"
done
exit 0
