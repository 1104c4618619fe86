#!/usr/bin/env bash
# vsftpd-bench.sh start|stop|status: a private vsftpd on 127.0.0.1 for the benchmarks.
#
# Needs root (it binds, chroots and switches to a local user, as vsftpd does) and Debian's apt-get. Nothing is
# installed system-wide except a local user, a PAM service file and, when the unpacked binary lacks them, the
# shared libraries it links to: the vsftpd package itself is only unpacked, because vsftpd, proftpd and
# pure-ftpd conflict with each other as packages and another tool may want one of the others.
#
#   control port  $BENCH_FTP_PORT (2631), plain FTP and explicit FTPS (AUTH TLS) on the same port
#   passive ports $BENCH_FTP_PASV (31000-31999): clear of the integration-test servers' 30000-30299 and of the
#                 kernel's ephemeral ports (32768+); 1000 of them, so that W3's thousands of data connections
#                 repeat a port pair still in TIME_WAIT less often
#   login         $BENCH_FTP_USER / $BENCH_FTP_PASS (ftpbench / ftpbench), chrooted into the served root
#   served root   $BENCH_FTP_ROOT, default /dev/shm/camel-ftplib-bench when /dev/shm has 6 GiB free
#                 (memory-backed, so disk noise stays out of the figures), else $BENCH_DIR/root
#   state         $BENCH_DIR (/tmp/camel-ftplib-bench): unpacked package, config, cert, logs, pid file
#   facts         $BENCH_DIR/server.env, a properties file the benchmark reads
#   command log   $BENCH_DIR/vsftpd.log: every command and reply (log_ftp_protocol), so the harness can count
#                 FTP commands per file
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -euo pipefail
# the vsftpd settings shared with the integration-test servers
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../../src/it/servers/vsftpd-conf.sh"

BENCH_DIR=${BENCH_DIR:-/tmp/camel-ftplib-bench}
PORT=${BENCH_FTP_PORT:-2631}
PASV=${BENCH_FTP_PASV:-31000-31999}
USER_NAME=${BENCH_FTP_USER:-ftpbench}
USER_PASS=${BENCH_FTP_PASS:-ftpbench}
HOST=127.0.0.1
PKG_DIR=$BENCH_DIR/pkg
EXE=$PKG_DIR/usr/sbin/vsftpd
CONF=$BENCH_DIR/vsftpd.conf
PIDFILE=$BENCH_DIR/vsftpd.pid
LOG=$BENCH_DIR/vsftpd.log
PAM_SERVICE=camel-ftplib-bench
NEED_SHM_KIB=$((6 * 1024 * 1024))    # 1 GiB source, 1 GiB upload, 220,000 directory entries, with slack

fail() { echo "vsftpd-bench: $*" >&2; exit 1; }
note() { echo "vsftpd-bench: $*"; }

served_root() {
  if [ -n "${BENCH_FTP_ROOT:-}" ]; then echo "$BENCH_FTP_ROOT"; return; fi
  local free
  free=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
  if [ -n "$free" ] && [ "$free" -ge "$NEED_SHM_KIB" ]; then echo /dev/shm/camel-ftplib-bench
  else echo "$BENCH_DIR/root"; fi
}

apt() { DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 "$@"; }

# Unpacks the vsftpd .deb once; installs the libraries it links to only when ldd finds one missing.
unpack() {
  [ -x "$EXE" ] && return 0
  local tmp; tmp=$(mktemp -d "$BENCH_DIR/download.XXXXXX")
  note "downloading the Debian package vsftpd (unpacked under $PKG_DIR, not installed)"
  if ! (cd "$tmp" && apt download vsftpd >"$tmp/apt.log" 2>&1); then
    apt update >/dev/null 2>&1 || true   # a fresh image has no package lists yet
    (cd "$tmp" && apt download vsftpd >"$tmp/apt.log" 2>&1) || { cat "$tmp/apt.log" >&2; fail "apt-get download vsftpd failed"; }
  fi
  rm -rf "$PKG_DIR" && mkdir -p "$PKG_DIR"
  dpkg-deb -x "$tmp"/vsftpd_*.deb "$PKG_DIR"
  if ldd "$EXE" | grep -q 'not found'; then
    local libs
    libs=$(dpkg-deb -f "$tmp"/vsftpd_*.deb Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep '^lib' | tr '\n' ' ')
    note "installing the libraries vsftpd links to: $libs"
    # shellcheck disable=SC2086  # one word per package
    apt install --no-install-recommends $libs >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log" >&2; fail "apt-get install $libs failed"; }
  fi
  rm -rf "$tmp"
}

# The local user vsftpd logs in through PAM. Its passwd home is "/" because vsftpd chdir()s there before it
# applies local_root; the served root is set in the config.
ensure_user() {
  getent passwd "$USER_NAME" >/dev/null || useradd -M -d / -s /usr/sbin/nologin "$USER_NAME"
  # a cheap hash (SHA-512, 1000 rounds) for this throw-away local account: the default yescrypt makes every
  # login take ~150 ms of PAM hashing, a fixed cost that would blur every per-connection figure
  echo "$USER_NAME:$USER_PASS" | chpasswd -c SHA512 -s 1000
  cat >/etc/pam.d/$PAM_SERVICE <<'EOF'
# camel-ftplib benchmark vsftpd (benchmarks/server/vsftpd-bench.sh): unix password, no delay after a failure
auth     required  pam_unix.so nodelay
account  required  pam_unix.so
session  required  pam_permit.so
EOF
}

ensure_cert() {
  [ -s "$BENCH_DIR/cert.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$BENCH_DIR/key.pem" -out "$BENCH_DIR/cert.pem" 2>/dev/null || fail "openssl could not make a certificate"
  chmod 600 "$BENCH_DIR/key.pem"
}

write_conf() {
  {
    echo "# written by vsftpd-bench.sh start; edit the script, not this file"
    vsftpd_base_conf "$HOST" "$PORT" "$1" "$BENCH_DIR/empty" "$PAM_SERVICE" "$PASV"
    cat <<EOF
use_sendfile=YES
# every command and reply in $LOG, to count commands per file
xferlog_enable=YES
xferlog_std_format=NO
log_ftp_protocol=YES
vsftpd_log_file=$LOG
# explicit FTPS (W5) on the same port, optional for the client
ssl_enable=YES
rsa_cert_file=$BENCH_DIR/cert.pem
rsa_private_key_file=$BENCH_DIR/key.pem
allow_anon_ssl=NO
force_local_logins_ssl=NO
force_local_data_ssl=NO
require_ssl_reuse=NO
EOF
  } >"$CONF"
}

# pid_alive: prints the listener's pid when the pid file names a live process running our unpacked binary.
pid_alive() {
  local pid exe
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  [ "${exe% (deleted)}" = "$EXE" ] && echo "$pid"
}

greets() {  # the port answers with a 220 greeting within 2 s
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && IFS= read -r -t 2 l <&3 && [[ $l == 220* ]]' "$HOST" "$PORT" 2>/dev/null
}

start() {
  [ "$(id -u)" = 0 ] || fail "run as root: vsftpd binds, chroots and switches to the user $USER_NAME"
  mkdir -p "$BENCH_DIR/empty" && chmod 755 "$BENCH_DIR" "$BENCH_DIR/empty"
  if pid=$(pid_alive); then note "already running (pid $pid, port $PORT)"; return 0; fi
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$PORT" 2>/dev/null &&
    fail "port $PORT is taken by a process this script did not start; set BENCH_FTP_PORT"
  unpack
  ensure_user
  ensure_cert
  local root; root=$(served_root)
  mkdir -p "$root" && chown "$USER_NAME:" "$root" && chmod 755 "$root"
  write_conf "$root"
  : >"$LOG"
  # setsid: the daemon leads its own process group; the child records its pid, then becomes vsftpd
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDFILE" "$EXE" "$CONF" </dev/null >"$BENCH_DIR/vsftpd.out" 2>&1 &
  local i
  for i in $(seq 100); do
    if greets; then
      cat >"$BENCH_DIR/server.env" <<EOF
# written by vsftpd-bench.sh start
host=$HOST
port=$PORT
user=$USER_NAME
password=$USER_PASS
root=$root
log=$LOG
cert=$BENCH_DIR/cert.pem
mlsd=false
EOF
      note "started: pid $(cat "$PIDFILE"), $HOST:$PORT, root $root, facts $BENCH_DIR/server.env"
      return 0
    fi
    pid_alive >/dev/null || break
    sleep 0.1
  done
  tail -n 20 "$BENCH_DIR/vsftpd.out" >&2 || true
  stop >/dev/null
  fail "vsftpd did not greet on $HOST:$PORT (config $CONF)"
}

# tree PID: the pid and every process below it. vsftpd's sessions call setsid(), so the listener's process
# group alone would miss them; their parent links still lead back to the listener.
tree() {
  local child
  echo "$1"
  for child in $(pgrep -P "$1" 2>/dev/null || true); do tree "$child"; done
}

stop() {
  local pid pids i
  if ! pid=$(pid_alive); then rm -f "$PIDFILE"; note "not running"; return 0; fi
  kill -STOP "$pid" 2>/dev/null || true      # no new sessions while the tree is collected
  pids=$(tree "$pid")
  # shellcheck disable=SC2086  # one word per pid
  kill -TERM $pids 2>/dev/null || true
  kill -CONT "$pid" 2>/dev/null || true
  for i in $(seq 50); do
    pid_alive >/dev/null || { rm -f "$PIDFILE"; note "stopped (pids $(echo $pids))"; return 0; }
    sleep 0.1
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  rm -f "$PIDFILE"; note "killed after 5 s (pids $(echo $pids))"
}

status() {
  if pid=$(pid_alive); then note "running (pid $pid, $HOST:$PORT)"; else note "not running"; return 3; fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
