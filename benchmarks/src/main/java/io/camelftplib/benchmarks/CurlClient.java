package io.camelftplib.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * curl as a process, metered by {@code peer.py}. W1 {@code curl -o}, W2 {@code curl -T}, W4 {@code curl -l}
 * (NLST); W3 {@code curl -l} for the names, then one curl for all files ({@code -K} config, one reused
 * connection) with {@code --ftp-method nocwd} (full paths, no CWD per file) and {@code --ignore-content-length}
 * (no SIZE per file), its best settings for many files. W5: {@code --ssl-reqd} (AUTH TLS, PROT P) trusting the
 * server's certificate. Thread-safe: holds no state.
 */
final class CurlClient implements ProcessClient {

    @Override
    public String name() {
        return "curl";
    }

    @Override
    public boolean ours() {
        return false;
    }

    @Override
    public boolean supports(Workload workload) {
        return true;
    }

    /** Whether curl runs here. */
    static boolean available() {
        return Commands.available("curl", "--version");
    }

    @Override
    public Metered run(Task task) throws Exception {
        BenchServer s = task.server();
        String base = "ftp://" + s.host() + ":" + s.port();
        List<String> curl = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--fail",
                "--user", s.user() + ":" + s.password()));
        if (task.workload().isTls()) {
            curl.addAll(List.of("--ssl-reqd", "--cacert", s.cert().orElseThrow().toString()));
        }
        Map<String, Object> t = new LinkedHashMap<>();
        switch (task.workload().plainTwin()) {
            case W1_DOWNLOAD:
                t.put("op", "curl");
                curl.addAll(List.of("--output", task.local().toString(), base + task.absoluteRemote()));
                break;
            case W2_UPLOAD:
                t.put("op", "curl");
                curl.addAll(List.of("--upload-file", task.local().toString(), base + task.absoluteRemote()));
                break;
            case W3_MANY_FILES:
                java.nio.file.Files.createDirectories(task.local());
                t.put("op", "curl-many");
                List<String> listing = new ArrayList<>(curl);
                listing.addAll(List.of("--list-only", base + task.absoluteRemote() + "/"));
                t.put("listing", listing);
                t.put("config", task.workDir().resolve("curl-many.cfg").toString());
                t.put("base_url", base + task.absoluteRemote() + "/");
                t.put("local", task.local().toString());
                curl.addAll(List.of("--ftp-method", "nocwd", "--ignore-content-length"));
                break;
            default:
                t.put("op", "curl-list");
                curl.addAll(List.of("--list-only", base + task.absoluteRemote() + "/"));
        }
        if (task.workload().plainTwin() != Workload.W4_LIST && task.workload().plainTwin() != Workload.W4_LIST_LARGE) {
            t.put("bytes_path", task.local().toString());
        }
        t.put("command", curl);
        return PeerScript.run(task, t);
    }
}
