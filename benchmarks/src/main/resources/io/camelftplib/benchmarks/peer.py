"""Process peers of the camel-ftplib benchmarks: CPython's ftplib, and curl under a meter.

Run by the Java harness as ``python3 peer.py '<json task>'``; prints one JSON line: wall and CPU seconds of the
operation, peak RSS in KiB, and what was moved (bytes, items). The harness checks the moved files itself.

ftplib is used the way its documentation shows, with its best settings: binary mode, passive mode, a block size
matched to the engine's buffer; for many files the ``transfercmd`` idiom (TYPE I once, then PASV + RETR per
file) or, as the ``retrbinary`` variant, one ``retrbinary`` per file (TYPE I + PASV + RETR).
"""
import ftplib
import json
import os
import resource
import ssl
import subprocess
import sys
import time


def connect(t):
    if t.get("tls"):
        context = ssl.create_default_context(cafile=t["cafile"])
        ftp = ftplib.FTP_TLS(context=context, timeout=120)
        ftp.connect(t["host"], t["port"])
        ftp.login(t["user"], t["password"])     # sends AUTH TLS first
        ftp.prot_p()
    else:
        ftp = ftplib.FTP(timeout=120)
        ftp.connect(t["host"], t["port"])
        ftp.login(t["user"], t["password"])
    return ftp


def download(t):
    with connect(t) as ftp, open(t["local"], "wb") as out:
        ftp.retrbinary("RETR " + t["remote"], out.write, t["blocksize"])
    return os.path.getsize(t["local"]), 1


def upload(t):
    with connect(t) as ftp, open(t["local"], "rb") as src:
        ftp.storbinary("STOR " + t["remote"], src, t["blocksize"])
    return os.path.getsize(t["local"]), 1


def many(t):
    moved = 0
    os.makedirs(t["local"], exist_ok=True)
    with connect(t) as ftp:
        names = [n.rsplit("/", 1)[-1] for n in ftp.nlst(t["remote"])]
        if t["variant"] == "transfercmd":
            ftp.voidcmd("TYPE I")
        for name in names:
            with open(os.path.join(t["local"], name), "wb") as out:
                if t["variant"] == "transfercmd":
                    with ftp.transfercmd("RETR " + t["remote"] + "/" + name) as conn:
                        while True:
                            block = conn.recv(t["blocksize"])
                            if not block:
                                break
                            out.write(block)
                            moved += len(block)
                    ftp.voidresp()
                else:
                    ftp.retrbinary("RETR " + t["remote"] + "/" + name, out.write, t["blocksize"])
                    moved += out.tell()
    return moved, len(names)


def listing(t):
    count = 0

    def entry(line):
        nonlocal count
        count += 1

    with connect(t) as ftp:
        ftp.retrlines("NLST " + t["remote"], entry)
    return 0, count


def curl(t):
    """Runs curl (one command, or a listing then one command for all files) and meters its children."""
    moved_items = 1
    if t["op"] == "curl-many":
        listing_cmd = t["listing"]
        names = subprocess.run(listing_cmd, check=True, capture_output=True, text=True).stdout.split()
        with open(t["config"], "w") as config:
            for name in names:
                name = name.rsplit("/", 1)[-1]
                config.write('url = "%s%s"\noutput = "%s/%s"\n' % (t["base_url"], name, t["local"], name))
        subprocess.run(t["command"] + ["-K", t["config"]], check=True)
        moved_items = len(names)
    elif t["op"] == "curl-list":
        out = subprocess.run(t["command"], check=True, capture_output=True, text=True).stdout
        moved_items = len(out.splitlines())
    else:
        subprocess.run(t["command"], check=True)
    return size_of(t.get("bytes_path")), moved_items


def size_of(path):
    """The bytes in a file, or in the files of a directory; 0 without a path (a listing)."""
    if not path:
        return 0
    if os.path.isdir(path):
        return sum(e.stat().st_size for e in os.scandir(path) if e.is_file())
    return os.path.getsize(path)


OPS = {"download": download, "upload": upload, "many": many, "list": listing,
       "curl": curl, "curl-many": curl, "curl-list": curl}


def main():
    task = json.loads(sys.argv[1])
    who = resource.RUSAGE_CHILDREN if task["op"].startswith("curl") else resource.RUSAGE_SELF
    before = resource.getrusage(who)
    start = time.perf_counter()
    moved_bytes, items = OPS[task["op"]](task)
    wall = time.perf_counter() - start
    after = resource.getrusage(who)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({"wall": wall, "cpu": cpu, "maxrss_kib": after.ru_maxrss, "bytes": moved_bytes,
                      "items": items}))


if __name__ == "__main__":
    main()
