"""pyftpdlib-server.py: pyftpdlib (Debian's python3-pyftpdlib) serving one directory on three ports for the ITs.

Started by pyftpdlib.sh, in the foreground, with these environment variables:
  FTP_IT_HOST, FTP_IT_ROOT          the address and the served directory (the user's "/": pyftpdlib's virtual root)
  FTP_IT_USER, FTP_IT_PASS          the only login
  FTP_IT_UID, FTP_IT_GID            the local user the process becomes once its ports are bound, so that files
                                    created over FTP belong to it, as on the other servers
  FTP_IT_PORT                       plain FTP with MLSD/MLST (pyftpdlib's default handler)
  FTP_IT_NOMLSD_PORT                plain FTP without MLSD/MLST: they are removed from the handler's commands, so
                                    the server answers them with 500 and FEAT does not offer MLST
  FTP_IT_TLS_PORT                   explicit FTPS (AUTH TLS) required on the control and data connections, with
  FTP_IT_CERT, FTP_IT_KEY           this certificate and key (PEM)
  FTP_IT_PASV                       the passive port range, e.g. 30300-30399
All three ports share one event loop, one user and one directory.
"""
import logging
import os
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
from pyftpdlib.ioloop import IOLoop
from pyftpdlib.servers import FTPServer

# every permission: list, download, upload, append, delete, rename, mkdir, chmod, MFMT
PERMISSIONS = "elradfmwMT"


def handler(base, env, authorizer):
    first, last = (int(port) for port in env["FTP_IT_PASV"].split("-"))
    return type(base.__name__ + "ForIts", (base,), {
        "authorizer": authorizer,
        "passive_ports": range(first, last + 1),
        "banner": "pyftpdlib ready.",
    })


def without_mlsd(handler_class):
    commands = {name: spec for name, spec in handler_class.proto_cmds.items() if name not in ("MLSD", "MLST")}
    return type(handler_class.__name__ + "WithoutMlsd", (handler_class,), {"proto_cmds": commands})


def with_tls(handler_class, env):
    tls = type(handler_class.__name__ + "Tls", (handler_class,), {
        "certfile": env["FTP_IT_CERT"],
        "keyfile": env["FTP_IT_KEY"],
        "tls_control_required": True,
        "tls_data_required": True,
    })
    # loaded now: the key is readable by root only, and the process gives up root before the first connection
    tls.ssl_context = tls.get_ssl_context()
    return tls


def main(env):
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(message)s")
    authorizer = DummyAuthorizer()
    authorizer.add_user(env["FTP_IT_USER"], env["FTP_IT_PASS"], env["FTP_IT_ROOT"], perm=PERMISSIONS)
    host = env["FTP_IT_HOST"]
    loop = IOLoop()
    plain = handler(FTPHandler, env, authorizer)
    tls = with_tls(handler(TLS_FTPHandler, env, authorizer), env)
    for port, handler_class in ((env["FTP_IT_PORT"], plain), (env["FTP_IT_NOMLSD_PORT"], without_mlsd(plain)),
                                (env["FTP_IT_TLS_PORT"], tls)):
        server = FTPServer((host, int(port)), handler_class, ioloop=loop)
        server.max_cons = 256
    os.setgroups([])
    os.setgid(int(env["FTP_IT_GID"]))
    os.setuid(int(env["FTP_IT_UID"]))
    loop.loop()


if __name__ == "__main__":
    main(os.environ)
