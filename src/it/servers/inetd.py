"""inetd.py HOST PORT COMMAND...: a one-port inetd for the IT servers that only run under inetd.

GNU inetutils ftpd in daemon mode (-D) listens only on the port /etc/services names "ftp" (21) and has no
option for another one, so inetutils-ftpd.sh runs it in its inetd mode behind this loop: for each accepted
connection a child process gets the socket as its standard input and output and execs COMMAND. The loop
runs in the foreground, so the start scripts' pid file holds its pid; stopping it stops the open sessions
too (they are its children, see kill_pidfile in lib.sh).
"""
import os
import signal
import socket
import sys


def serve(host, port, command):
    # children are reaped by the kernel; the daemons they exec get the default dispositions back below
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(64)
    while True:
        connection, _ = listener.accept()
        if os.fork() == 0:
            listener.close()
            # Python ignores SIGPIPE, and an ignored signal stays ignored across exec: ftpd would then miss a
            # closed data connection, and a SIGCHLD left ignored breaks its wait for the child producing a LIST
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            os.dup2(connection.fileno(), 0)
            os.dup2(connection.fileno(), 1)
            connection.close()
            os.execv(command[0], command)
        connection.close()


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit("usage: inetd.py HOST PORT COMMAND...")
    serve(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
