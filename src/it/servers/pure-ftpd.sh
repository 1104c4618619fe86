#!/usr/bin/env bash
# pure-ftpd.sh start|stop|restart|status: Pure-FTPd 1.0.50 from Debian's package on 127.0.0.1 for the ITs.
#
#   port      $FTP_IT_PUREFTPD_PORT (2123): plain FTP and explicit FTPS (AUTH TLS) on the same port;
#             $FTP_IT_PUREFTPD_TLS is pure-ftpd's -Y level: 1 = TLS optional (default), 2 = TLS required
#             for login, 3 = TLS required for login and data.
#   passive   $FTP_IT_PUREFTPD_PASV (30200-30299)
# Pure-FTPd 1.0.50 has no implicit-TLS mode and no option to demand TLS session reuse.
# Login ftptest/ftptest (FTP_IT_USER/FTP_IT_PASS): a PureDB virtual user mapped to the local user's uid,
# chrooted into $FTP_IT_DIR/pure-ftpd/root. MLSD/MLST are built in.
# Facts for tests (ports, login, certificate): $FTP_IT_DIR/pure-ftpd/server.env.
# Pure-FTPd logs only to syslog (there may be none); the transfer log is $FTP_IT_DIR/pure-ftpd/xfer.log.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"     # started as "sh pure-ftpd.sh"
set -eu
SERVER=pure-ftpd
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

STATE=$FTP_IT_DIR/pure-ftpd
PKG=$FTP_IT_PKG_DIR/pure-ftpd
EXE=$PKG/usr/sbin/pure-ftpd
PORT=${FTP_IT_PUREFTPD_PORT:-2123}
PASV=${FTP_IT_PUREFTPD_PASV:-30200-30299}
TLS=${FTP_IT_PUREFTPD_TLS:-1}

write_users() {
  # "/./" in the home marks the chroot point. The hash is SHA-512 crypt: with pure-pw's default (argon2id,
  # t=1023) each login costs seconds of CPU.
  local hash; hash=$(openssl passwd -6 "$FTP_IT_PASS")
  echo "$FTP_IT_USER:$hash:$FTP_IT_UID:$FTP_IT_GID::$STATE/root/./::::::::::::" >"$STATE/pureftpd.passwd"
  chmod 600 "$STATE/pureftpd.passwd"
  "$PKG/usr/bin/pure-pw" mkdb "$STATE/pureftpd.pdb" -f "$STATE/pureftpd.passwd" || die "pure-pw mkdb failed"
}

start() {
  check_prerequisites "$PORT"
  if pid_of "$STATE/pure-ftpd.pid" "$EXE" >/dev/null; then
    say "already running on $FTP_IT_HOST port $PORT (restart applies changed settings)"; return 0
  fi
  ports_free "$PORT"
  unpack_debs "$PKG" pure-ftpd
  ensure_user; ensure_dirs; ensure_cert
  write_users
  # -S bind, -4 IPv4, -E no anonymous, -A chroot everyone, -H no DNS, -c/-C client limits (pure-ftpd caps
  # them at half the passive range: 50), -p passive range, -l auth backend, -Y TLS level, -2 cert,key,
  # -O transfer log
  spawn pure-ftpd "$EXE" "$PORT" ftp "$EXE" -S "$FTP_IT_HOST,$PORT" -4 -E -A -H -c 50 -C 50 \
    -p "${PASV%-*}:${PASV#*-}" -l "puredb:$STATE/pureftpd.pdb" -Y "$TLS" \
    -2 "$STATE/cert.pem,$STATE/key.pem" -O "clf:$STATE/xfer.log"
  write_env "FTP_IT_SERVER=pure-ftpd" "FTP_IT_HOST=$FTP_IT_HOST" "FTP_IT_PORT=$PORT" \
    "FTP_IT_REUSE_PORT=0" "FTP_IT_IMPLICIT_PORT=0" "FTP_IT_PASV=$PASV" "FTP_IT_TLS_LEVEL=$TLS" \
    "FTP_IT_REQUIRE_SSL_REUSE=NO" "FTP_IT_USER=$FTP_IT_USER" "FTP_IT_PASS=$FTP_IT_PASS" \
    "FTP_IT_CERT=$STATE/cert.pem" "FTP_IT_ROOT=$STATE/root" "FTP_IT_MLSD=true"
  record_started
  say "cert: $STATE/cert.pem  root: $STATE/root  facts: $STATE/server.env"
}

case ${1:-} in
  start) start ;;
  stop) need_root_for stop; kill_pidfile pure-ftpd "$EXE" ;;
  restart) need_root_for restart; kill_pidfile pure-ftpd "$EXE"; start ;;
  status) need_root_for status; status_pidfile pure-ftpd "$EXE" "$PORT" || exit 3 ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
