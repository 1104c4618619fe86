# shellcheck shell=bash
# vsftpd-conf.sh: the vsftpd settings the integration-test servers (vsftpd.sh) and the benchmark server
# (benchmarks/server/vsftpd-bench.sh) share (sourced, never run), so that both run vsftpd the same way.

# vsftpd_base_conf HOST PORT ROOT EMPTY_DIR PAM_SERVICE PASV_RANGE: prints the settings of a vsftpd in the
# foreground on HOST:PORT that logs local users in through PAM, chrooted into their writable ROOT, with passive
# ports PASV_RANGE ("min-max") and active mode; the caller appends logging and TLS.
vsftpd_base_conf() {
  cat <<CONF
listen=YES
listen_ipv6=NO
listen_address=$1
listen_port=$2
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$3
chroot_local_user=YES
# the served root is writable by the user; vsftpd refuses such a chroot unless told
allow_writeable_chroot=YES
# the default /var/run/vsftpd/empty exists only where the vsftpd package is installed
secure_chroot_dir=$4
pam_service_name=$5
userlist_enable=NO
tcp_wrappers=NO
# vsftpd 3.0.3's seccomp filter kills sessions on current kernels and libcs ("500 OOPS: priv_sock_get_cmd",
# SIGSYS on newfstatat and getrandom); isolate=NO and isolate_network=NO let it run in containers that
# forbid the per-session CLONE_NEWPID/CLONE_NEWNET
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
pasv_enable=YES
pasv_min_port=${6%-*}
pasv_max_port=${6#*-}
port_enable=YES
connect_from_port_20=NO
max_clients=0
max_per_ip=0
CONF
}
