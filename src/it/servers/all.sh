#!/usr/bin/env bash
# all.sh start|stop|restart|status: the real servers of the integration tests: vsftpd (2121), ProFTPD (2122),
# Pure-FTPd (2123), GNU inetutils ftpd (2126: no MLSD, its own LIST) and pyftpdlib (2127 with MLSD, 2128 without,
# 2129 explicit FTPS).
#
#   start [--record FILE]   start each server that is not running. As root on Debian or Ubuntu the first start
#                           downloads the packages (apt-get download, apt-get update when the machine has no
#                           package lists yet) and takes a minute; later starts take a second. Where a server
#                           cannot run (not root, no apt-get) one line says what is missing and how to get it,
#                           and its ITs skip. With --record, the servers this call launched are appended to FILE.
#   stop [--recorded FILE]  stop all of them, or with --recorded only the servers FILE names (and remove FILE).
#   restart, status         each server's own restart/status.
# FTP_IT_REQUIRE=true turns "cannot run here" into a failure (CI). Each script's variables apply (see their
# headers): FTP_IT_DIR (state, default /tmp/ftp-it), ports, passive ranges, login.
set -u
here=$(cd "$(dirname "$0")" && pwd)
servers="vsftpd proftpd pure-ftpd inetutils-ftpd pyftpdlib"
action=${1:-}; option=${2:-}; file=${3:-}
case $action:$option in
  start:--record|stop:--recorded) [ -n "$file" ] || { echo "all.sh: $option needs a file" >&2; exit 2; } ;;
  start:|stop:|restart:|status:) ;;
  *) echo "usage: $0 start [--record FILE] | stop [--recorded FILE] | restart | status" >&2; exit 2 ;;
esac

start_all() {
  local s rc failed=""
  [ -z "$file" ] || { mkdir -p "$(dirname "$file")"; export FTP_IT_RECORD=$file; }
  for s in $servers; do
    "$here/$s.sh" start; rc=$?
    case $rc in
      0|4) ;;   # running, or cannot run here (its one line is printed)
      *) failed="$failed $s"; echo "$s: failed to start (exit $rc; see the lines above); its ITs will skip" ;;
    esac
  done
  if [ -n "$failed" ] && [ "${FTP_IT_REQUIRE:-false}" = true ]; then
    echo "all.sh: FTP_IT_REQUIRE=true and$failed did not start" >&2
    [ -z "$file" ] || stop_recorded
    return 1
  fi
  return 0
}

stop_recorded() {
  [ -f "$file" ] || return 0
  local s
  for s in $(sort -u "$file"); do "$here/$s.sh" stop; done
  rm -f "$file"
}

# the proxies of the Proxy*ITs (proxies.sh), after the FTP servers: tinyproxy allows CONNECT to their ports only
servers="$servers proxies"

rc=0
case $action in
  start) start_all || rc=1 ;;
  stop) if [ -n "$file" ]; then stop_recorded || rc=1
        else for s in $servers; do "$here/$s.sh" stop || rc=1; done; fi ;;
  restart|status) for s in $servers; do "$here/$s.sh" "$action" || rc=$?; done ;;
esac
exit $rc
