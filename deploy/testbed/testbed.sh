#!/usr/bin/env bash
# Local Kubernetes test bed: a real kube-apiserver v1.20.2 (built once from Debian's source package)
# plus Debian's etcd, both on 127.0.0.1 with ports picked at run time. No kubelet, no scheduler,
# no controller-manager: objects stay exactly as seeded. See README.md beside this file.
#
#   testbed.sh install                 apt-get what is needed (idempotent) and fetch the k8s source
#   testbed.sh build                   build kube-apiserver once into the cache dir
#   testbed.sh start DIR               start etcd + kube-apiserver, state under DIR; prints DIR/kubeconfig
#   testbed.sh stop DIR                stop both (idempotent)
#   testbed.sh stop-apiserver DIR      stop only kube-apiserver (a fault for tests; etcd keeps the data)
#   testbed.sh start-apiserver DIR     start it again on its port, re-reading DIR/auth/tokens.csv
#   testbed.sh seed DIR [--nodes N]    seed a fleet of N (default 12) nodes and demo workloads
#                                      (--clusters-nodes N is an alias of --nodes N)
#   testbed.sh env DIR                 print DIR/env
#   testbed.sh status DIR              tell whether the processes in DIR are running
#
# Environment: PORTAL_TESTBED_CACHE (default $HOME/.cache/sig-portal-testbed) holds the source,
# the Go build cache and the binary kube-apiserver-v1.20.2.
set -Eeuo pipefail
trap 'printf "[testbed] error: exit %s from: %s\n" "$?" "$BASH_COMMAND" >&2' ERR

readonly K8S_VERSION=v1.20.2
readonly K8S_MAJOR=1
readonly K8S_MINOR=20
readonly SRC_PACKAGE=kubernetes
CACHE_DIR=${PORTAL_TESTBED_CACHE:-${HOME:?HOME is not set}/.cache/sig-portal-testbed}
APISERVER_BIN=$CACHE_DIR/kube-apiserver-$K8S_VERSION
# Bump when the way the binary is built changes, so stale cached binaries get rebuilt.
readonly BUILD_RECIPE=2
readonly REFLECT2_SRC=/usr/share/gocode/src/github.com/modern-go/reflect2
READY_TIMEOUT=${TESTBED_READY_TIMEOUT:-90}

log() { printf '[testbed] %s\n' "$*" >&2; }
die() { printf '[testbed] error: %s\n' "$*" >&2; exit 1; }

usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}" >&2
  exit "${1:-2}"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ---------------------------------------------------------------------------------------------
# install

cmd_install() {
  local want=(golang-go golang-github-modern-go-reflect2-dev etcd-server dpkg-dev openssl curl ca-certificates)
  local missing=() p
  for p in "${want[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    log "packages already installed: ${want[*]} kubectl"
  fi
  if binary_cached; then
    log "kube-apiserver already built: $APISERVER_BIN"
  else
    fetch_source
  fi
}

# Write deb-src entries for Debian's archives into the private apt dir. Only stanzas/lines whose
# URIs name a Debian archive are converted (third-party repos often have no sources).
write_private_sources() {
  local parts=$1 f
  rm -f "$parts"/*.sources "$parts"/*.list
  if [ -n "${PORTAL_TESTBED_APT_SOURCES:-}" ]; then
    cp "$PORTAL_TESTBED_APT_SOURCES" "$parts/"
    return
  fi
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; ORS = "\n\n" }
         /URIs:[^\n]*debian/ && !/Enabled: *no/ {
           sub(/Types:[^\n]*/, "Types: deb-src"); print
         }' "$f" >"$parts/$(basename "$f")"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -n 's/^[[:space:]]*deb\([[:space:]].*debian.*\)$/deb-src\1/p' "$f" >"$parts/$(basename "$f" .list).list"
  done
  grep -qs . "$parts"/* || die "found no Debian apt sources to derive deb-src from (set PORTAL_TESTBED_APT_SOURCES)"
}

# Download Debian's source package `kubernetes` (all Go deps vendored) with a private apt state,
# so the system's sources, lists and caches are untouched.
fetch_source() {
  local src=$CACHE_DIR/src apt=$CACHE_DIR/apt
  if compgen -G "$src/${SRC_PACKAGE}_*.dsc" >/dev/null; then
    log "source package already downloaded: $(cd "$src" && ls ${SRC_PACKAGE}_*.dsc)"
    return
  fi
  mkdir -p "$src" "$apt/sources.list.d" "$apt/lists/partial" "$apt/cache/archives/partial"
  : >"$apt/sources.list"
  write_private_sources "$apt/sources.list.d"
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d"
              -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "APT::Sandbox::User=root"
              -o "Debug::NoLocking=1")
  log "fetching source package '$SRC_PACKAGE' (about 34 MB) with a private apt state under $apt"
  apt-get "${opts[@]}" update -q >&2
  (cd "$src" && apt-get "${opts[@]}" source --download-only "$SRC_PACKAGE" >&2)
  compgen -G "$src/${SRC_PACKAGE}_*.dsc" >/dev/null || die "apt-get source did not produce a .dsc"
}

# ---------------------------------------------------------------------------------------------
# build

binary_cached() {
  [ -x "$APISERVER_BIN" ] && [ "$(cat "$APISERVER_BIN.recipe" 2>/dev/null)" = "$BUILD_RECIPE" ]
}

cmd_build() {
  if binary_cached; then
    log "cached: $APISERVER_BIN"
    return
  fi
  command -v go >/dev/null 2>&1 || die "go not found: run '$0 install' first"
  command -v dpkg-source >/dev/null 2>&1 || die "dpkg-source not found: run '$0 install' first"
  [ -f "$REFLECT2_SRC/reflect2.go" ] || die "$REFLECT2_SRC missing: run '$0 install' first"
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/build.lock"
  log "waiting for the build lock" && flock 9
  if binary_cached; then log "cached (built meanwhile): $APISERVER_BIN"; return; fi
  fetch_source

  local started=$SECONDS work=$CACHE_DIR/work
  local gopath=$work/gopath tree=$work/tree
  rm -rf "$work"
  mkdir -p "$gopath/src/k8s.io" "$gopath/bin"
  log "unpacking source"
  local dsc
  dsc=$(ls "$CACHE_DIR"/src/${SRC_PACKAGE}_*.dsc | head -n1)
  dpkg-source -x "$dsc" "$tree" >&2
  ln -s "$tree" "$gopath/src/k8s.io/kubernetes"

  # The vendored github.com/modern-go/reflect2 v1.0.1 breaks under Go >= 1.18 (map iteration
  # through a stale runtime hiter layout: the server dies with SIGSEGV in mapiterinit when
  # json-iterator encodes a map). Swap in Debian's reflect2 1.0.2, which is API-compatible.
  local vr2=$tree/vendor/github.com/modern-go/reflect2
  [ -d "$vr2" ] || die "vendored reflect2 not found in the source tree"
  rm -f "$vr2"/*.go "$vr2"/*.s
  find "$REFLECT2_SRC" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) ! -name '*_test.go' -exec cp {} "$vr2/" \;
  log "replaced vendored reflect2 v1.0.1 with Debian's $(dpkg-query -W -f='${Version}' golang-github-modern-go-reflect2-dev 2>/dev/null || echo copy)"

  export GOPATH=$gopath GOCACHE=$CACHE_DIR/go-build GO111MODULE=off GOPROXY=off GOFLAGS='' \
         CGO_ENABLED=0 GOENV=off GOTOOLCHAIN=local
  local pkgroot=$gopath/src/k8s.io/kubernetes
  cd "$pkgroot"

  log "building openapi-gen (vendored) with $(go version)"
  go build -o "$gopath/bin/openapi-gen" k8s.io/kubernetes/vendor/k8s.io/kube-openapi/cmd/openapi-gen

  # Every package whose Go files carry +k8s:openapi-gen= tags, as upstream's
  # build/root/Makefile.generated_files computes KUBE_OPENAPI_DIRS (staging/src named as vendor/).
  local dirs
  dirs=$(find . \( -path ./vendor -o -path './_*' -o -path './.*' \) -prune -o -type f -name '*.go' -print0 \
          | { xargs -0 -r grep -l --color=never '^// *+k8s:' || true; } \
          | { xargs -r grep -l --color=never '+k8s:openapi-gen=' || true; } \
          | sed -e 's|/[^/]*$||' -e 's|^\./||' -e 's|^staging/src/|vendor/|' \
          | { grep -v -e '^vendor/k8s.io/code-generator/' -e '^vendor/k8s.io/sample-apiserver/' || true; } \
          | LC_ALL=C sort -u | sed 's|^|k8s.io/kubernetes/|' | paste -sd, -)
  [ -n "$dirs" ] || die "found no +k8s:openapi-gen= tags"
  log "generating pkg/generated/openapi/zz_generated.openapi.go from $(tr ',' '\n' <<<"$dirs" | wc -l) packages"
  "$gopath/bin/openapi-gen" --logtostderr --v 0 \
    -i "$dirs" \
    -p k8s.io/kubernetes/pkg/generated/openapi \
    -O zz_generated.openapi \
    -h "$pkgroot/hack/boilerplate/boilerplate.generatego.txt" \
    -r "$work/openapi-violations.list" \
    -o "$gopath/src"
  [ -s "$pkgroot/pkg/generated/openapi/zz_generated.openapi.go" ] || die "openapi-gen wrote nothing"

  # as hack/lib/version.sh: /version is served from client-go's copy, --version from component-base's
  local ldflags="-s -w" v
  for v in k8s.io/kubernetes/vendor/k8s.io/client-go/pkg/version k8s.io/kubernetes/vendor/k8s.io/component-base/version; do
    ldflags+=" -X $v.gitVersion=$K8S_VERSION -X $v.gitMajor=$K8S_MAJOR -X $v.gitMinor=$K8S_MINOR"
    ldflags+=" -X $v.gitTreeState=clean -X $v.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  done
  log "building kube-apiserver $K8S_VERSION (about 5 minutes on 2 cores from an empty Go cache)"
  go build -trimpath -ldflags "$ldflags" -o "$APISERVER_BIN.tmp" k8s.io/kubernetes/cmd/kube-apiserver
  "$APISERVER_BIN.tmp" --version >&2
  mv "$APISERVER_BIN.tmp" "$APISERVER_BIN"
  echo "$BUILD_RECIPE" >"$APISERVER_BIN.recipe"
  cd /
  rm -rf "$work"
  log "built $APISERVER_BIN in $((SECONDS - started)) s (Go cache: $GOCACHE)"
}

# ---------------------------------------------------------------------------------------------
# start / stop / env / status

abs_dir() { # DIR (created) -> absolute path
  [ -n "${1:-}" ] || usage
  case $1 in *[[:space:]\"\'\$\\]*) die "DIR must not contain whitespace, quotes, \$ or backslashes: $1" ;; esac
  mkdir -p "$1"
  (cd "$1" && pwd -P)
}

# pid of a component if it is alive and really ours (its command line names our state dir)
live_pid() { # DIR NAME
  local pidf=$1/run/$2.pid pid
  [ -f "$pidf" ] || return 1
  pid=$(cat "$pidf")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  local cmdline
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmdline == *" $1/"* ]] || return 1
  echo "$pid"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A port below the kernel's ephemeral range, not listening now, not handed out to another
# test bed in the last minute (claims live in a shared dir, so parallel starts don't collide).
pick_port() {
  local claims=${TMPDIR:-/tmp}/sig-portal-testbed-ports p i
  mkdir -p "$claims"
  find "$claims" -mindepth 1 -maxdepth 1 -mmin +1 -exec rm -rf {} + 2>/dev/null || true
  for i in $(seq 1 200); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    port_in_use "$p" && continue
    mkdir "$claims/$p" 2>/dev/null || continue
    echo "$p"
    return
  done
  die "no free port found"
}

gen_certs() { # DIR
  local c=$1/certs
  mkdir -p "$c"
  [ -s "$c/ca.crt" ] && [ -s "$c/apiserver.crt" ] && [ -s "$c/sa.key" ] && return
  log "generating CA, serving certificate and service-account keys"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=sig-portal-testbed-ca" \
    -keyout "$c/ca.key" -out "$c/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=kube-apiserver" \
    -keyout "$c/apiserver.key" -out "$c/apiserver.csr" 2>/dev/null
  cat >"$c/apiserver.ext" <<'EOF'
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, IP:10.0.0.1, DNS:localhost, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local
EOF
  openssl x509 -req -sha256 -days 3650 -in "$c/apiserver.csr" -CA "$c/ca.crt" -CAkey "$c/ca.key" \
    -CAcreateserial -extfile "$c/apiserver.ext" -out "$c/apiserver.crt" 2>/dev/null
  openssl genrsa -out "$c/sa.key" 2048 2>/dev/null
  openssl rsa -in "$c/sa.key" -pubout -out "$c/sa.pub" 2>/dev/null
}

# start a process detached in its own session; its pid goes to DIR/run/NAME.pid
spawn() { # DIR NAME LOGFILE CMD...
  local dir=$1 name=$2 logf=$3
  shift 3
  setsid "$@" >"$logf" 2>&1 </dev/null &
  echo $! >"$dir/run/$name.pid"
}

wait_for() { # SECONDS DIR NAME LOGFILE CHECK-CMD...
  local deadline=$((SECONDS + $1)) dir=$2 name=$3 logf=$4
  shift 4
  until "$@" >/dev/null 2>&1; do
    if ! live_pid "$dir" "$name" >/dev/null; then
      tail -n 25 "$logf" >&2 || true
      return 2
    fi
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 25 "$logf" >&2 || true; return 1; }
    sleep 0.3
  done
}

start_etcd() { # DIR -> sets ETCD_PORT
  local dir=$1 attempt cport pport mport
  for attempt in 1 2 3; do
    cport=$(pick_port); pport=$(pick_port); mport=$(pick_port)
    spawn "$dir" etcd "$dir/logs/etcd.log" etcd \
      --name testbed --data-dir "$dir/etcd" \
      --listen-client-urls "http://127.0.0.1:$cport" --advertise-client-urls "http://127.0.0.1:$cport" \
      --listen-peer-urls "http://127.0.0.1:$pport" --initial-advertise-peer-urls "http://127.0.0.1:$pport" \
      --initial-cluster "testbed=http://127.0.0.1:$pport" --initial-cluster-state new \
      --listen-metrics-urls "http://127.0.0.1:$mport" \
      --logger zap --log-outputs stderr --log-level warn \
      --quota-backend-bytes $((512 * 1024 * 1024))
    if wait_for 30 "$dir" etcd "$dir/logs/etcd.log" curl -fsS "http://127.0.0.1:$cport/health"; then
      ETCD_PORT=$cport
      return
    fi
    stop_component "$dir" etcd
    grep -q 'address already in use' "$dir/logs/etcd.log" || die "etcd did not start (log: $dir/logs/etcd.log)"
    log "port clash, retrying etcd ($attempt)"
  done
  die "etcd did not start after 3 attempts"
}

start_apiserver() { # DIR ETCD_PORT -> sets API_PORT
  local dir=$1 etcd_port=$2 attempt port c=$1/certs
  for attempt in 1 2 3; do
    if [ "$attempt" = 1 ] && [ -n "${WANT_API_PORT:-}" ]; then port=$WANT_API_PORT; else port=$(pick_port); fi
    spawn "$dir" kube-apiserver "$dir/logs/kube-apiserver.log" "$APISERVER_BIN" \
      --etcd-servers "http://127.0.0.1:$etcd_port" \
      --bind-address 127.0.0.1 --advertise-address 127.0.0.1 \
      --secure-port "$port" --insecure-port 0 \
      --cert-dir "$c" --tls-cert-file "$c/apiserver.crt" --tls-private-key-file "$c/apiserver.key" \
      --client-ca-file "$c/ca.crt" \
      --token-auth-file "$dir/auth/tokens.csv" \
      --authorization-mode RBAC \
      --service-account-issuer https://kubernetes.default.svc \
      --service-account-key-file "$c/sa.pub" --service-account-signing-key-file "$c/sa.key" \
      --service-cluster-ip-range 10.0.0.0/24 \
      --disable-admission-plugins ServiceAccount,TaintNodesByCondition \
      --allow-privileged=true --profiling=false --v 1
    if wait_for "$READY_TIMEOUT" "$dir" kube-apiserver "$dir/logs/kube-apiserver.log" \
         curl -fsS --cacert "$c/ca.crt" -H "Authorization: Bearer $TOKEN" "https://127.0.0.1:$port/readyz"; then
      API_PORT=$port
      return
    fi
    stop_component "$dir" kube-apiserver
    grep -q 'address already in use' "$dir/logs/kube-apiserver.log" \
      || die "kube-apiserver did not become ready (log: $dir/logs/kube-apiserver.log)"
    log "port clash, retrying kube-apiserver ($attempt)"
  done
  die "kube-apiserver did not start after 3 attempts"
}

cmd_start() {
  [ -n "${1:-}" ] || usage
  local dir
  dir=$(abs_dir "${1:-}")
  command -v etcd >/dev/null 2>&1 || die "etcd not found: run '$0 install' first"
  command -v openssl >/dev/null 2>&1 || die "openssl not found: run '$0 install' first"
  if live_pid "$dir" etcd >/dev/null || live_pid "$dir" kube-apiserver >/dev/null; then
    die "a test bed is already running in $dir (stop it first: $0 stop $dir)"
  fi
  binary_cached || { log "kube-apiserver not built yet (or built by an older recipe), building"; cmd_build; }
  [ "$(uname -m)" = aarch64 ] && export ETCD_UNSUPPORTED_ARCH=arm64

  local t0=$SECONDS
  umask 077
  mkdir -p "$dir/run" "$dir/logs" "$dir/auth"
  gen_certs "$dir"
  if [ ! -s "$dir/auth/tokens.csv" ]; then
    printf '%s,admin,admin-uid,system:masters\n' "$(openssl rand -hex 32)" >"$dir/auth/tokens.csv"
  fi
  TOKEN=$(cut -d, -f1 "$dir/auth/tokens.csv" | head -1)

  start_etcd "$dir"
  start_apiserver "$dir" "$ETCD_PORT"

  local server=https://127.0.0.1:$API_PORT
  cat >"$dir/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: sig-portal-testbed
  cluster:
    server: $server
    certificate-authority-data: $(base64 -w0 <"$dir/certs/ca.crt")
users:
- name: testbed-admin
  user:
    token: $TOKEN
contexts:
- name: sig-portal-testbed
  context:
    cluster: sig-portal-testbed
    user: testbed-admin
    namespace: default
current-context: sig-portal-testbed
EOF
  cat >"$dir/env" <<EOF
KUBECONFIG=$dir/kubeconfig
TESTBED_SERVER=$server
TESTBED_TOKEN=$TOKEN
TESTBED_CA_FILE=$dir/certs/ca.crt
TESTBED_ETCD=http://127.0.0.1:$ETCD_PORT
EOF
  log "ready in $((SECONDS - t0)) s: kube-apiserver $server (etcd 127.0.0.1:$ETCD_PORT), state in $dir"
  echo "$dir/kubeconfig"
}

stop_component() { # DIR NAME
  local dir=$1 name=$2 pid i
  if pid=$(live_pid "$dir" "$name"); then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name ($pid) ignored SIGTERM, killing"
      kill -KILL "$pid" 2>/dev/null || true
      for i in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    log "stopped $name ($pid)"
  fi
  rm -f "$dir/run/$name.pid"
}

cmd_stop() {
  [ -n "${1:-}" ] || usage
  [ -d "$1" ] || { log "nothing to stop: $1 does not exist"; return; }
  local dir
  dir=$(cd "$1" && pwd -P)
  stop_component "$dir" kube-apiserver
  stop_component "$dir" etcd
}

# Stop only the API server (etcd and its data stay), as a fault for tests to recover from.
cmd_stop_apiserver() {
  [ -d "${1:-}" ] || usage
  stop_component "$(cd "$1" && pwd -P)" kube-apiserver
}

# Start the API server again on the port it had, with the current auth/tokens.csv (edit it in between to revoke
# or restore a token).
cmd_start_apiserver() {
  [ -f "${1:-}/env" ] || die "no env file in ${1:-} (start the test bed first)"
  local dir server etcd
  dir=$(cd "$1" && pwd -P)
  server=$(sed -n 's/^TESTBED_SERVER=//p' "$dir/env")
  etcd=$(sed -n 's/^TESTBED_ETCD=//p' "$dir/env")
  TOKEN=$(cut -d, -f1 "$dir/auth/tokens.csv" | head -1)
  WANT_API_PORT=${server##*:} start_apiserver "$dir" "${etcd##*:}"
  [ "$API_PORT" = "${server##*:}" ] || sed -i "s#^TESTBED_SERVER=.*#TESTBED_SERVER=https://127.0.0.1:$API_PORT#" "$dir/env"
  log "kube-apiserver ready again on port $API_PORT"
}

cmd_env() {
  [ -n "${1:-}" ] || usage
  [ -f "$1/env" ] || die "no env file in $1 (start the test bed first)"
  cat "$1/env"
}

cmd_status() {
  [ -n "${1:-}" ] || usage
  local dir rc=0 n pid
  dir=$(cd "$1" 2>/dev/null && pwd -P) || die "no such dir: $1"
  for n in etcd kube-apiserver; do
    if pid=$(live_pid "$dir" "$n"); then echo "$n running (pid $pid)"; else echo "$n stopped"; rc=1; fi
  done
  exit $rc
}

# ---------------------------------------------------------------------------------------------
# seed

# PATCH the status subresource with a JSON merge patch: kubectl when it knows --subresource,
# else curl with the test bed's token.
patch_status() { # RESOURCE NAME NAMESPACE(or -) JSON
  local res=$1 name=$2 ns=$3 json=$4
  if [ "$KUBECTL_SUBRESOURCE" = yes ]; then
    local nsarg=()
    [ "$ns" = - ] || nsarg=(-n "$ns")
    kubectl "${nsarg[@]}" patch "$res" "$name" --subresource=status --type=merge -p "$json" >/dev/null
  else
    local path
    case $res in
      node) path=/api/v1/nodes/$name/status ;;
      pod) path=/api/v1/namespaces/$ns/pods/$name/status ;;
      daemonset) path=/apis/apps/v1/namespaces/$ns/daemonsets/$name/status ;;
      *) die "patch_status: unsupported resource $res" ;;
    esac
    curl -fsS -o /dev/null --cacert "$TESTBED_CA_FILE" -H "Authorization: Bearer $TESTBED_TOKEN" \
      -H 'Content-Type: application/merge-patch+json' -X PATCH --data "$json" "$TESTBED_SERVER$path"
  fi
}

ts_ago() { date -u -d "-$1" +%Y-%m-%dT%H:%M:%SZ; }

# The fleet is a 12-node pattern, repeated for larger N. Per slot: OS image, kernel, runtime.
readonly OS_IMAGES=("LifseaOS 2.0 (Rust)" "LifseaOS 1.8" "Anolis OS 8.8")
readonly KERNELS=("5.10.134-16.al8" "5.10.134-13.1.al8" "5.10.134-13.an8")
readonly RUNTIMES=("containerd://1.7.13" "containerd://1.6.28" "containerd://1.6.28")

node_name() { printf 'lifsea-node-%02d' "$1"; }

# properties of node i (1-based) among n
node_props() { # I N -> sets globals
  local i=$1 n=$2 slot=$(( ($1 - 1) % 12 ))
  N_NAME=$(node_name "$i")
  N_ZONE=cn-hangzhou-$(printf '%s' abc | cut -c$(( (i - 1) % 3 + 1 )))
  N_ZONE_NUM=$(( (i - 1) % 3 ))
  N_ARCH=amd64; N_UARCH=x86_64
  if [ $((i % 4)) -eq 0 ]; then N_ARCH=arm64; N_UARCH=aarch64; fi
  N_OS=$(( (i + (i - 1) / 3) % 3 ))          # mixes images across zones
  N_CONTROL=no
  if [ "$n" -ge 6 ] && [ "$i" -le 3 ]; then N_CONTROL=yes; fi
  N_READY=True
  case $slot in 5) N_READY=False ;; 9) N_READY=Unknown ;; esac
  N_DISK_PRESSURE=False
  [ "$slot" -eq 7 ] && N_DISK_PRESSURE=True
  N_CC=no
  [ "$N_CONTROL" = no ] && [ "$slot" -ge 10 ] && N_CC=yes
  N_RUND=no
  [ "$N_CONTROL" = no ] && [ "$N_OS" -eq 0 ] && N_RUND=yes
  case $(( i % 3 )) in
    0) N_CPU=32; N_MEM_KI=131661164 ;;
    1) N_CPU=16; N_MEM_KI=65842716 ;;
    *) N_CPU=8; N_MEM_KI=32622348 ;;
  esac
  N_IP=10.0.$((N_ZONE_NUM + 1)).$((10 + i))
}

node_manifest() {
  local labels taints=""
  labels="    kubernetes.io/hostname: $N_NAME
    kubernetes.io/arch: $N_ARCH
    kubernetes.io/os: linux
    beta.kubernetes.io/arch: $N_ARCH
    beta.kubernetes.io/os: linux
    topology.kubernetes.io/region: cn-hangzhou
    topology.kubernetes.io/zone: $N_ZONE
    node.kubernetes.io/instance-type: ecs.g7.$([ "$N_CPU" -eq 8 ] && echo 2xlarge || { [ "$N_CPU" -eq 16 ] && echo 4xlarge || echo 8xlarge; })"
  if [ "$N_CONTROL" = yes ]; then
    labels+=$'\n    node-role.kubernetes.io/control-plane: ""\n    node-role.kubernetes.io/master: ""'
    taints+=$'\n  - key: node-role.kubernetes.io/master\n    effect: NoSchedule'
  else
    labels+=$'\n    node-role.kubernetes.io/worker: ""'
  fi
  [ "$N_RUND" = yes ] && labels+=$'\n    runtime.sig-portal.test/rund: "true"'
  if [ "$N_CC" = yes ]; then
    labels+=$'\n    runtime.sig-portal.test/cc: "true"'
    taints+=$'\n  - key: dedicated\n    value: confidential\n    effect: NoSchedule'
  fi
  case $N_READY in
    False) taints+=$'\n  - key: node.kubernetes.io/not-ready\n    effect: NoSchedule' ;;
    Unknown) taints+=$'\n  - key: node.kubernetes.io/unreachable\n    effect: NoSchedule\n  - key: node.kubernetes.io/unreachable\n    effect: NoExecute' ;;
  esac
  [ "$N_DISK_PRESSURE" = True ] && taints+=$'\n  - key: node.kubernetes.io/disk-pressure\n    effect: NoSchedule'
  cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: $N_NAME
  labels:
$labels
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
    volumes.kubernetes.io/controller-managed-attach-detach: "true"
spec:
  podCIDR: 10.244.$I_NODE.0/24
  podCIDRs: ["10.244.$I_NODE.0/24"]
  providerID: alicloud://cn-hangzhou.i-bp1testbed$(printf '%04d' "$I_NODE")
EOF
  if [ -n "$taints" ]; then printf '  taints:%s\n' "$taints"; else echo '  taints: []'; fi
}

node_status_json() {
  local now hb_ok hb_old ready_reason ready_msg ok_t t3 pressure_t
  now=$(ts_ago '0 sec'); t3=$(ts_ago '3 days'); hb_old=$(ts_ago '47 min')
  hb_ok=$now; ok_t=$t3
  case $N_READY in
    True) ready_reason=KubeletReady; ready_msg="kubelet is posting ready status" ;;
    False) ready_reason=KubeletNotReady; ready_msg="container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"; ok_t=$(ts_ago '12 min') ;;
    Unknown) ready_reason=NodeStatusUnknown; ready_msg="Kubelet stopped posting node status."; hb_ok=$hb_old; ok_t=$(ts_ago '43 min') ;;
  esac
  local mem_alloc=$((N_MEM_KI - 1843200)) cpu_alloc=$((N_CPU * 1000 - 200))m
  pressure_t=$t3
  [ "$N_DISK_PRESSURE" = True ] && pressure_t=$(ts_ago '25 min')
  local pstat=False pr_reason
  cond() { # TYPE STATUS REASON MESSAGE TRANSITION
    printf '{"type":"%s","status":"%s","reason":"%s","message":"%s","lastHeartbeatTime":"%s","lastTransitionTime":"%s"}' \
      "$1" "$2" "$3" "$4" "$hb_ok" "$5"
  }
  local conds
  if [ "$N_READY" = Unknown ]; then
    conds="$(cond MemoryPressure Unknown NodeStatusUnknown "$ready_msg" "$ok_t"),$(cond DiskPressure Unknown NodeStatusUnknown "$ready_msg" "$ok_t"),$(cond PIDPressure Unknown NodeStatusUnknown "$ready_msg" "$ok_t")"
  else
    if [ "$N_DISK_PRESSURE" = True ]; then pr_reason=KubeletHasDiskPressure; pstat=True
    else pr_reason=KubeletHasNoDiskPressure; fi
    conds="$(cond MemoryPressure False KubeletHasSufficientMemory "kubelet has sufficient memory available" "$t3"),$(cond DiskPressure "$pstat" "$pr_reason" "kubelet has $([ "$pstat" = True ] || echo 'no ')disk pressure" "$pressure_t"),$(cond PIDPressure False KubeletHasSufficientPID "kubelet has sufficient PID available" "$t3")"
  fi
  conds+=",$(cond Ready "$N_READY" "$ready_reason" "$ready_msg" "$ok_t")"
  cat <<EOF
{"status":{
 "capacity":{"cpu":"$N_CPU","memory":"${N_MEM_KI}Ki","pods":"110","ephemeral-storage":"123722704Ki","hugepages-2Mi":"0"},
 "allocatable":{"cpu":"$cpu_alloc","memory":"${mem_alloc}Ki","pods":"110","ephemeral-storage":"114022843818","hugepages-2Mi":"0"},
 "conditions":[$conds],
 "addresses":[{"type":"InternalIP","address":"$N_IP"},{"type":"Hostname","address":"$N_NAME"}],
 "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
 "nodeInfo":{"machineID":"$(printf '%032x' "$((I_NODE * 7919))")","systemUUID":"$(printf '%08x-0000-4000-8000-%012x' "$I_NODE" "$((I_NODE * 104729))")",
   "bootID":"$(printf '%08x-1111-4000-8000-%012x' "$I_NODE" "$((I_NODE * 15485863))")",
   "kernelVersion":"${KERNELS[$N_OS]}.$N_UARCH","osImage":"${OS_IMAGES[$N_OS]}",
   "containerRuntimeVersion":"${RUNTIMES[$N_OS]}","kubeletVersion":"$K8S_VERSION","kubeProxyVersion":"$K8S_VERSION",
   "operatingSystem":"linux","architecture":"$N_ARCH"}
}}
EOF
}

# index of the first node (1..n) matching a predicate on node_props, or a fallback
find_node() { # N PREDICATE FALLBACK
  local n=$1 pred=$2 i
  for ((i = 1; i <= n; i++)); do
    node_props "$i" "$n"
    if eval "$pred"; then echo "$i"; return; fi
  done
  echo "$3"
}

pod_manifest() { # NAME NODE_INDEX APP IMAGE [RUNTIMECLASS] [EXTRA_YAML]
  local name=$1 idx=$2 app=$3 image=$4 rc=${5:-} extra=${6:-}
  cat <<EOF
---
apiVersion: v1
kind: Pod
metadata:
  name: $name
  namespace: demo
  labels:
    app: $app
$extra
spec:
  nodeName: $(node_name "$idx")
EOF
  [ -n "$rc" ] && echo "  runtimeClassName: $rc"
  if [ "$rc" = cc ]; then
    printf '  tolerations:\n  - key: dedicated\n    operator: Equal\n    value: confidential\n    effect: NoSchedule\n'
  fi
  if [ "$app" = node-exporter ]; then
    printf '  hostNetwork: true\n  tolerations:\n  - operator: Exists\n'
  fi
  cat <<EOF
  containers:
  - name: $app
    image: $image
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {cpu: 500m, memory: 256Mi}
EOF
}

pod_status_json() { # NODE_INDEX NAME IMAGE PHASE
  local idx=$1 name=$2 image=$3 phase=$4 started podip hostip ready=True cstate
  node_props "$idx" "$SEED_N"
  hostip=$N_IP
  podip=10.244.$idx.$(( $(cksum <<<"$name" | cut -d' ' -f1) % 200 + 10 ))
  [ "$name" = "${name#node-exporter}" ] || podip=$hostip
  started=$(ts_ago '2 days')
  cstate="{\"running\":{\"startedAt\":\"$started\"}}"
  if [ "$phase" != Running ]; then ready=False; cstate='{"waiting":{"reason":"ContainerCreating"}}'; fi
  local cid
  cid=$(printf '%s' "$name" | sha256sum | cut -c1-64)
  cat <<EOF
{"status":{"phase":"$phase","hostIP":"$hostip","podIP":"$podip","podIPs":[{"ip":"$podip"}],"startTime":"$started","qosClass":"Burstable",
 "conditions":[
  {"type":"Initialized","status":"True","lastTransitionTime":"$started"},
  {"type":"Ready","status":"$ready","lastTransitionTime":"$started"},
  {"type":"ContainersReady","status":"$ready","lastTransitionTime":"$started"},
  {"type":"PodScheduled","status":"True","lastTransitionTime":"$started"}],
 "containerStatuses":[{"name":"${name%%-[0-9a-z]*}","ready":$([ "$ready" = True ] && echo true || echo false),"restartCount":0,"started":$([ "$ready" = True ] && echo true || echo false),
   "image":"$image","imageID":"$image@sha256:$cid","containerID":"containerd://$cid","state":$cstate}]}}
EOF
}

cmd_seed() {
  local dir=${1:-}
  [ -n "$dir" ] || usage
  shift
  local n=12
  while [ $# -gt 0 ]; do
    case $1 in
      --nodes | --clusters-nodes) n=${2:?missing value for $1}; shift 2 ;;
      --nodes=* | --clusters-nodes=*) n=${1#*=}; shift ;;
      *) die "unknown seed option: $1" ;;
    esac
  done
  [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 250 ] || die "--nodes must be 1..250"
  [ -f "$dir/env" ] || die "no env file in $dir (start the test bed first)"
  dir=$(cd "$dir" && pwd -P)
  # shellcheck disable=SC1091
  set -a; . "$dir/env"; set +a
  export KUBECONFIG
  SEED_N=$n
  local t0=$SECONDS
  # kubectl learnt `patch --subresource` in 1.24; older clients (Debian's kubernetes-client 1.20) go through curl.
  # TESTBED_STATUS_VIA=curl forces the curl path.
  local help
  help=$(kubectl patch --help 2>/dev/null || true)
  KUBECTL_SUBRESOURCE=no
  if [ "${TESTBED_STATUS_VIA:-}" != curl ] && [[ $help == *--subresource* ]]; then KUBECTL_SUBRESOURCE=yes; fi
  log "seeding $n nodes and demo workloads (status via $([ $KUBECTL_SUBRESOURCE = yes ] && echo 'kubectl --subresource=status' || echo curl))"
  mkdir -p "$dir/seed"

  # cluster-scoped: runtime classes, storage
  cat >"$dir/seed/cluster.yaml" <<'EOF'
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: runc
  labels: {app.kubernetes.io/part-of: sig-portal-testbed}
handler: runc
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: rund
  labels: {app.kubernetes.io/part-of: sig-portal-testbed}
  annotations:
    description: "RunD secure containers (Kata-compatible lightweight VM sandbox)"
handler: rund
overhead:
  podFixed: {cpu: 100m, memory: 128Mi}
scheduling:
  nodeSelector:
    runtime.sig-portal.test/rund: "true"
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: cc
  labels: {app.kubernetes.io/part-of: sig-portal-testbed}
  annotations:
    description: "Confidential containers (TEE-backed pod sandbox)"
handler: cc
overhead:
  podFixed: {cpu: 250m, memory: 256Mi}
scheduling:
  nodeSelector:
    runtime.sig-portal.test/cc: "true"
  tolerations:
  - key: dedicated
    operator: Equal
    value: confidential
    effect: NoSchedule
---
apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata:
  name: diskplugin.csi.alibabacloud.com
spec:
  attachRequired: true
  podInfoOnMount: true
  volumeLifecycleModes: [Persistent]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: alicloud-disk-essd
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: diskplugin.csi.alibabacloud.com
parameters:
  type: cloud_essd
  performanceLevel: PL1
reclaimPolicy: Delete
allowVolumeExpansion: true
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-storage
provisioner: kubernetes.io/no-provisioner
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: Namespace
metadata:
  name: demo
  labels: {app.kubernetes.io/part-of: sig-portal-testbed}
EOF
  kubectl apply -f "$dir/seed/cluster.yaml" >&2

  # nodes
  local i f=$dir/seed/nodes.yaml
  : >"$f"
  for ((i = 1; i <= n; i++)); do
    node_props "$i" "$n"; I_NODE=$i
    node_manifest >>"$f"
  done
  kubectl apply -f "$f" >/dev/null
  # a re-seed with a smaller N drops the surplus nodes
  local node num
  for node in $(kubectl get nodes -o name); do
    node=${node#node/}
    [[ $node =~ ^lifsea-node-0*([0-9]+)$ ]] || continue
    num=${BASH_REMATCH[1]}
    [ "$num" -le "$n" ] || kubectl delete node "$node" >/dev/null
  done
  for ((i = 1; i <= n; i++)); do
    node_props "$i" "$n"; I_NODE=$i
    patch_status node "$N_NAME" - "$(node_status_json)"
  done
  log "nodes: $n applied, status set"

  # workloads in demo, bound to nodes (there is no scheduler)
  local w1 w2 w3 rund cc down
  local ok='[ $N_CONTROL = no ] && [ $N_READY = True ] && [ $N_DISK_PRESSURE = False ]'
  w1=$(find_node "$n" "$ok"' && [ $N_ARCH = amd64 ] && [ $N_RUND = no ] && [ $N_CC = no ]' 1)
  node_props "$w1" "$n"; local z1=$N_ZONE
  w2=$(find_node "$n" "$ok"' && [ $N_ARCH = amd64 ] && [ $N_CC = no ] && [ $N_ZONE != '"$z1"' ]' "$w1")
  node_props "$w2" "$n"; local z2=$N_ZONE
  w3=$(find_node "$n" "$ok"' && [ $N_ARCH = arm64 ] && [ $N_ZONE != '"$z1"' ] && [ $N_ZONE != '"$z2"' ]' \
         "$(find_node "$n" "$ok"' && [ $N_ARCH = arm64 ]' "$w2")")
  rund=$(find_node "$n" "$ok"' && [ $N_RUND = yes ]' "$w1")
  cc=$(find_node "$n" '[ $N_CC = yes ]' "$w2")
  down=$(find_node "$n" '[ $N_READY = False ]' "$n")

  cat >"$dir/seed/demo-ds.yaml" <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: demo
  labels: {app: node-exporter}
spec:
  selector:
    matchLabels: {app: node-exporter}
  template:
    metadata:
      labels: {app: node-exporter}
    spec:
      hostNetwork: true
      tolerations:
      - operator: Exists
      containers:
      - name: node-exporter
        image: quay.io/prometheus/node-exporter:v1.7.0
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: demo
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: web}
EOF
  kubectl apply -f "$dir/seed/demo-ds.yaml" >&2
  local ds_uid
  ds_uid=$(kubectl -n demo get daemonset node-exporter -o jsonpath='{.metadata.uid}')
  local owner="  ownerReferences:
  - apiVersion: apps/v1
    kind: DaemonSet
    name: node-exporter
    uid: $ds_uid
    controller: true
    blockOwnerDeletion: true"

  local nginx=registry.openanolis.cn/openanolis/nginx:1.14.1-8.6
  f=$dir/seed/demo-pods.yaml
  {
    pod_manifest web-0 "$w1" web "$nginx" runc
    pod_manifest web-1 "$w2" web "$nginx"
    pod_manifest web-2 "$w3" web "$nginx"
    pod_manifest sandboxed-build "$rund" sandboxed-build registry.openanolis.cn/openanolis/anolisos:8.8 rund
    pod_manifest confidential-inference "$cc" confidential-inference registry.openanolis.cn/openanolis/python:3.11.1-23 cc
    pod_manifest node-exporter-7xk2p "$w1" node-exporter quay.io/prometheus/node-exporter:v1.7.0 "" "$owner"
    pod_manifest node-exporter-q9d4m "$down" node-exporter quay.io/prometheus/node-exporter:v1.7.0 "" "$owner"
  } >"$f"
  # pods are immutable: on a re-seed, drop those that now belong on another node (there is no
  # kubelet to finish a graceful delete, hence --force --grace-period=0)
  local pod want have
  for pod in web-0:$w1 web-1:$w2 web-2:$w3 sandboxed-build:$rund confidential-inference:$cc \
             node-exporter-7xk2p:$w1 node-exporter-q9d4m:$down; do
    want=$(node_name "${pod#*:}")
    have=$(kubectl -n demo get pod "${pod%%:*}" -o jsonpath='{.spec.nodeName}' --ignore-not-found)
    if [ -n "$have" ] && [ "$have" != "$want" ]; then
      kubectl -n demo delete pod "${pod%%:*}" --force --grace-period=0 >/dev/null 2>&1
    fi
  done
  kubectl apply -f "$f" >&2
  patch_status pod web-0 demo "$(pod_status_json "$w1" web-0 "$nginx" Running)"
  patch_status pod web-1 demo "$(pod_status_json "$w2" web-1 "$nginx" Running)"
  patch_status pod web-2 demo "$(pod_status_json "$w3" web-2 "$nginx" Running)"
  patch_status pod sandboxed-build demo "$(pod_status_json "$rund" sandboxed-build registry.openanolis.cn/openanolis/anolisos:8.8 Running)"
  patch_status pod confidential-inference demo "$(pod_status_json "$cc" confidential-inference registry.openanolis.cn/openanolis/python:3.11.1-23 Pending)"
  patch_status pod node-exporter-7xk2p demo "$(pod_status_json "$w1" node-exporter-7xk2p quay.io/prometheus/node-exporter:v1.7.0 Running)"
  patch_status pod node-exporter-q9d4m demo "$(pod_status_json "$down" node-exporter-q9d4m quay.io/prometheus/node-exporter:v1.7.0 Pending)"
  patch_status daemonset node-exporter demo \
    "{\"status\":{\"desiredNumberScheduled\":$n,\"currentNumberScheduled\":2,\"numberReady\":1,\"numberAvailable\":1,\"numberUnavailable\":$((n - 1)),\"numberMisscheduled\":0,\"updatedNumberScheduled\":2,\"observedGeneration\":1}}"
  log "seeded in $((SECONDS - t0)) s"
}

# ---------------------------------------------------------------------------------------------

main() {
  local cmd=${1:-}
  [ $# -gt 0 ] && shift
  case $cmd in
    install) cmd_install ;;
    build) cmd_build ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    stop-apiserver) cmd_stop_apiserver "$@" ;;
    start-apiserver) cmd_start_apiserver "$@" ;;
    seed) cmd_seed "$@" ;;
    env) cmd_env "$@" ;;
    status) cmd_status "$@" ;;
    -h | --help | help) usage 0 ;;
    *) usage ;;
  esac
}

main "$@"
