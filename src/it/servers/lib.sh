# shellcheck shell=bash disable=SC2016,SC2034,SC2086  # single-quoted sh -c bodies and word splitting are intended
# lib.sh: what vsftpd.sh, proftpd.sh and pure-ftpd.sh share (sourced, never run).
#
# - State (configs, certificate, logs, pid files, served files) lives in $FTP_IT_DIR/<server>/, default
#   /tmp/ftp-it/<server>/. Every start rewrites the configs; the certificate is kept.
# - The FTP login is $FTP_IT_USER / $FTP_IT_PASS (default ftptest / ftptest), a local Linux user; each server
#   serves its own writable root $FTP_IT_DIR/<server>/root, chrooted as "/".
# - Server binaries come from Debian's packages, downloaded with apt-get and unpacked (not installed) under
#   $FTP_IT_PKG_DIR (default $FTP_IT_DIR/pkg): vsftpd, proftpd-core and pure-ftpd all "Conflict: ftp-server",
#   so only one of them could be installed at a time. Their lib* dependencies are installed; no daemon
#   package is, so no service is ever started behind the caller's back.
# - Each daemon runs in the foreground of its own session (setsid): its pid is its process group id and is
#   what the pid file holds. Stop checks that the pid still runs the expected binary before signalling.
# - Exit codes of start: 0 running, 1 failed, 4 cannot run here (a prerequisite is missing; one line says
#   which and how to get it). With FTP_IT_REQUIRE=true a missing prerequisite is a failure (exit 1).
# - FTP_IT_RECORD=FILE: a start that launched the server (not one that found it running) appends the
#   server's name to FILE, so that a build stops only the servers it started.

FTP_IT_DIR=${FTP_IT_DIR:-/tmp/ftp-it}
FTP_IT_PKG_DIR=${FTP_IT_PKG_DIR:-$FTP_IT_DIR/pkg}
FTP_IT_USER=${FTP_IT_USER:-ftptest}
FTP_IT_PASS=${FTP_IT_PASS:-ftptest}
FTP_IT_HOST=127.0.0.1
FTP_IT_START_TIMEOUT=${FTP_IT_START_TIMEOUT:-20}
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() { echo "$SERVER: error: $*" >&2; exit 1; }
say() { echo "$SERVER: $*"; }

# unavailable REASON: one line saying what is missing here and how to get it; exit 4 (1 when required).
unavailable() {
  echo "$SERVER: not started: $*"
  [ "${FTP_IT_REQUIRE:-false}" = true ] && exit 1
  exit 4
}

# answering PORT: true when an FTP server greets on PORT, i.e. someone already runs the server there.
answering() {
  case $(banner "$1") in 220*) return 0 ;; *) return 1 ;; esac
}

# check_prerequisites PORT: the machine can fetch and run the server, or exit 4 with one line. A server
# that already answers on PORT with its facts written (started by root, used by anyone) is fine.
check_prerequisites() {
  if [ "$(id -u)" != 0 ]; then
    if [ -r "$STATE/server.env" ] && answering "$1"; then
      say "already answering on $FTP_IT_HOST:$1 (started by root); using it"; exit 0
    fi
    unavailable "needs root (it binds, chroots and switches to user $FTP_IT_USER), so its ITs skip;" \
      "run the build as root, or 'sudo $SCRIPTS/all.sh start' before it"
  fi
  [ "$(uname -s)" = Linux ] || unavailable "needs Linux (the servers come from Debian packages), so its ITs skip"
  local tool missing=""
  for tool in apt-get dpkg-deb dpkg-query openssl setsid useradd chpasswd timeout; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
  done
  [ -z "$missing" ] || unavailable "missing$missing, so its ITs skip; it needs Debian or Ubuntu (apt-get," \
    "dpkg) with 'apt-get install openssl util-linux passwd coreutils'"
}

# apt-get, non-interactive, waiting for a dpkg lock someone else holds.
apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 -o APT::Sandbox::User=root "$@"
}

# ensure_package_lists: fresh images (Docker's debian, CI runners) ship without /var/lib/apt/lists.
ensure_package_lists() {
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null && return 0
  say "no apt package lists yet: apt-get update"
  apt_get update >/dev/null 2>&1 ||
    unavailable "apt-get update failed, so its ITs skip: this machine reaches no Debian mirror"
}

# unpack_debs DEST PKG...: unpack the named packages into DEST once (marker DEST/.unpacked) and install their
# lib* dependencies that are missing.
unpack_debs() {
  local dest=$1; shift
  [ -f "$dest/.unpacked" ] && return 0
  ensure_package_lists
  mkdir -p "$FTP_IT_PKG_DIR"
  local dl; dl=$(mktemp -d "$FTP_IT_PKG_DIR/.download.XXXXXX")
  say "downloading Debian packages: $*"
  if ! (cd "$dl" && apt_get download "$@" >"$dl/download.log" 2>&1); then
    apt_get update >/dev/null 2>&1 || true        # lists older than the mirror name removed versions
    (cd "$dl" && apt_get download "$@" >"$dl/download.log" 2>&1) || {
      tail -n 3 "$dl/download.log" >&2; rm -rf "$dl"
      unavailable "apt-get download $* failed, so its ITs skip: no Debian mirror reachable, or no such package"; }
  fi
  rm -rf "$dest.partial"; mkdir -p "$dest.partial"
  local deb libs="" missing="" p
  for deb in "$dl"/*.deb; do
    dpkg-deb -x "$deb" "$dest.partial" || die "dpkg-deb -x $deb failed"
    # Depends: "a (>= 1), b | c, ..." -> the first alternative of each, lib* only
    libs="$libs $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' | grep '^lib' || true)"
  done
  for p in $libs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    say "apt-get install$missing"
    apt_get install --no-install-recommends $missing >"$dl/install.log" 2>&1 ||
      { tail -n 5 "$dl/install.log" >&2; die "apt-get install$missing failed"; }
  fi
  rm -rf "$dl" "$dest"; mv "$dest.partial" "$dest"; touch "$dest/.unpacked"
}

# ensure_user: local user $FTP_IT_USER with password $FTP_IT_PASS (set on every start), no login shell. Its
# home is "/": vsftpd chdir()s to the passwd home before its local_root and refuses the login ("500 OOPS:
# cannot change directory") when the home is missing.
ensure_user() {
  local home
  if ! getent passwd "$FTP_IT_USER" >/dev/null; then
    useradd -M -d / -s /usr/sbin/nologin "$FTP_IT_USER" 2>/dev/null ||
      getent passwd "$FTP_IT_USER" >/dev/null || die "useradd $FTP_IT_USER failed"
  fi
  home=$(getent passwd "$FTP_IT_USER" | cut -d: -f6)
  [ -d "$home" ] || usermod -d / "$FTP_IT_USER" || die "usermod -d / $FTP_IT_USER failed"
  echo "$FTP_IT_USER:$FTP_IT_PASS" | chpasswd || die "chpasswd for $FTP_IT_USER failed"
  FTP_IT_UID=$(id -u "$FTP_IT_USER"); FTP_IT_GID=$(id -g "$FTP_IT_USER")
}

# ensure_dirs: $STATE (root's, readable by all so tests read server.env and cert.pem) and $STATE/root, the
# served directory, owned by the FTP user.
ensure_dirs() {
  mkdir -p "$STATE/root" || die "cannot create $STATE"
  chmod 755 "$FTP_IT_DIR" "$STATE"
  chown "$FTP_IT_USER:" "$STATE/root"; chmod 755 "$STATE/root"
}

# ensure_cert: self-signed RSA certificate for localhost and 127.0.0.1 in $STATE/cert.pem (+ key.pem), kept
# across restarts so a truststore built from it stays valid.
ensure_cert() {
  [ -s "$STATE/cert.pem" ] && [ -s "$STATE/key.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$STATE/key.pem" -out "$STATE/cert.pem" >/dev/null 2>&1 ||
    die "openssl could not create $STATE/cert.pem"
  chmod 600 "$STATE/key.pem"; chmod 644 "$STATE/cert.pem"
}

# pid_of PIDFILE EXE: print the pid if it is alive and runs EXE; fail otherwise.
pid_of() {
  local pid exe
  pid=$(cat "$1" 2>/dev/null) || return 1
  case $pid in ''|*[!0-9]*) return 1 ;; esac
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  case $exe in "$2"|"$2 (deleted)") echo "$pid" ;; *) return 1 ;; esac
}

# port_busy PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_busy() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$FTP_IT_HOST" "$1" 2>/dev/null
}

# banner PORT: the first reply line of an FTP server on PORT (plain TCP), within 2 s.
banner() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && IFS= read -r -t 2 l <&3 && printf "%s\n" "${l%$(printf "\r")}"' \
    "$FTP_IT_HOST" "$1" 2>/dev/null
}

# ports_free PORT...: none of the ports is taken by a process these scripts did not start.
ports_free() {
  local p
  for p in "$@"; do
    port_busy "$p" && die "port $p is already in use by another process; pick free ports with the FTP_IT_*_PORT variables"
  done
  return 0
}

# spawn NAME EXE PORT MODE CMD...: start CMD (whose binary is EXE) in its own session, record its pid in
# $STATE/NAME.pid, then wait until PORT answers: MODE "ftp" waits for a 220 greeting, "tls" (implicit TLS)
# for an accepted TCP connection. On failure: kill it, show its log, exit 1.
spawn() {
  local name=$1 exe=$2 port=$3 mode=$4; shift 4
  local pidfile="$STATE/$name.pid" log="$STATE/$name.out" pid="" t0 deadline
  rm -f "$pidfile"
  t0=$(date +%s%N); deadline=$(( $(date +%s) + FTP_IT_START_TIMEOUT ))
  # the child writes its own pid, then execs the daemon: pid file == daemon pid == process group
  setsid sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$log" 2>&1 &
  while [ "$(date +%s)" -lt "$deadline" ]; do
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ]; then
      readlink "/proc/$pid/exe" >/dev/null 2>&1 || break        # it exited
      if [ "$mode" = tls ]; then port_busy "$port" && { started "$name" "$pid" "$port" "$t0"; return 0; }
      else answering "$port" && { started "$name" "$pid" "$port" "$t0"; return 0; }
      fi
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
  { echo "---- last lines of $log:"; tail -n 20 "$log"; echo "---- command: $*"; } >&2
  if [ -n "$pid" ] && readlink "/proc/$pid/exe" >/dev/null 2>&1; then
    kill -KILL -- "-$pid" 2>/dev/null
    die "$name did not accept connections on $FTP_IT_HOST:$port within ${FTP_IT_START_TIMEOUT}s (killed)"
  fi
  die "$name exited before accepting connections on $FTP_IT_HOST:$port (see $STATE/*.log, or run the command above)"
}
started() {
  say "$1 started: pid $2, $FTP_IT_HOST:$3, ready in $(( ($(date +%s%N) - $4) / 1000000 )) ms"
}

# record_started: tell the caller's record file that this start launched the server.
record_started() {
  [ -z "${FTP_IT_RECORD:-}" ] || echo "$SERVER" >>"$FTP_IT_RECORD"
}

# descendants PID: pids of all processes below PID. vsftpd's per-session processes call setsid(), so
# signalling the listener's process group alone would leave open sessions running.
descendants() {
  local -A parent=()
  local f line pid found=" $1 " changed=1
  for f in /proc/[0-9]*/stat; do
    read -r line <"$f" 2>/dev/null || continue
    pid=${f#/proc/}; pid=${pid%/stat}
    set -- ${line##*) }                      # fields after "(comm)": state ppid ...
    parent[$pid]=$2
  done
  while [ "$changed" = 1 ]; do
    changed=0
    for pid in "${!parent[@]}"; do
      case $found in *" $pid "*) continue ;; esac
      case $found in *" ${parent[$pid]} "*) found="$found$pid "; changed=1 ;; esac
    done
  done
  set -- $found; shift; echo "$@"
}

# kill_pidfile NAME EXE: stop the daemon recorded in $STATE/NAME.pid and every process below it (SIGSTOP the
# daemon so it forks no more, collect its tree, TERM all, KILL what is left after 10 s). A missing, stale
# or foreign pid file is removed; nothing is signalled then.
kill_pidfile() {
  local name=$1 exe=$2 pidfile="$STATE/$1.pid" pid kids p left
  if ! pid=$(pid_of "$pidfile" "$exe"); then
    [ -f "$pidfile" ] && say "$name not running (stale pid file removed)"
    rm -f "$pidfile"; return 0
  fi
  kill -STOP "$pid" 2>/dev/null
  kids=$(descendants "$pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  for p in $kids; do kill -TERM "$p" 2>/dev/null; done
  kill -CONT "$pid" 2>/dev/null
  for _ in $(seq 100); do
    left=""
    for p in "$pid" $kids; do readlink "/proc/$p/exe" >/dev/null 2>&1 && left="$left $p"; done
    [ -z "$left" ] && { rm -f "$pidfile"; say "$name stopped (pid $pid${kids:+, sessions $kids})"; return 0; }
    sleep 0.1
  done
  for p in $left; do
    [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = "$exe" ] && kill -KILL "$p" 2>/dev/null
  done
  sleep 0.2
  pid_of "$pidfile" "$exe" >/dev/null && die "$name (pid $pid) survived SIGKILL"
  rm -f "$pidfile"; say "$name killed after 10 s (pid $pid)"
}

# status_pidfile NAME EXE PORTS: print one line, return 0 if running.
status_pidfile() {
  local pid
  if pid=$(pid_of "$STATE/$1.pid" "$2"); then say "$1 running (pid $pid, $FTP_IT_HOST port $3)"; return 0; fi
  say "$1 not running"; return 1
}

# write_env KEY=VALUE...: $STATE/server.env, the properties file the ITs read.
write_env() {
  printf '%s\n' "# written by $SERVER.sh start" "$@" >"$STATE/server.env"
}

# need_root_for ACTION: stop and status read /proc/<pid>/exe of a root daemon.
need_root_for() {
  [ "$(id -u)" = 0 ] || die "$1 needs root: the daemon runs as root"
}
