package io.camelftplib.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPython's ftplib (the original the engine is ported from), through {@code peer.py}: {@code retrbinary} and
 * {@code storbinary} with a 64 KiB block (its default is 8 KiB), {@code retrlines("NLST dir")}, and for many
 * files {@code nlst} then the {@code transfercmd} idiom (TYPE I once, PASV + RETR per file) or, in the
 * {@code retrbinary} variant, one {@code retrbinary} per file. W5: {@code FTP_TLS}, {@code prot_p()}.
 * Thread-safe: holds settings only.
 */
final class PythonFtplibClient implements ProcessClient {

    private static final int BLOCKSIZE = 64 * 1024;

    private final boolean perFileRetrbinary;

    PythonFtplibClient(boolean perFileRetrbinary) {
        this.perFileRetrbinary = perFileRetrbinary;
    }

    @Override
    public String name() {
        return perFileRetrbinary ? "python ftplib retrbinary/file" : "python ftplib";
    }

    @Override
    public boolean ours() {
        return false;
    }

    @Override
    public boolean supports(Workload workload) {
        return perFileRetrbinary ? workload == Workload.W3_MANY_FILES : true;
    }

    @Override
    public Metered run(Task task) throws Exception {
        Map<String, Object> t = new LinkedHashMap<>();
        switch (task.workload().plainTwin()) {
            case W1_DOWNLOAD:
                t.put("op", "download");
                break;
            case W2_UPLOAD:
                t.put("op", "upload");
                break;
            case W3_MANY_FILES:
                t.put("op", "many");
                t.put("variant", perFileRetrbinary ? "retrbinary" : "transfercmd");
                break;
            default:
                t.put("op", "list");
        }
        BenchServer s = task.server();
        t.put("host", s.host());
        t.put("port", s.port());
        t.put("user", s.user());
        t.put("password", s.password());
        t.put("remote", task.remote());
        t.put("local", task.local().toString());
        t.put("blocksize", BLOCKSIZE);
        t.put("tls", task.workload().isTls());
        t.put("cafile", s.cert().map(Object::toString).orElse(""));
        return PeerScript.run(task, t);
    }
}
