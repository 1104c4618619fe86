package io.camelftplib.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured round.
 *
 * @param cost  what it cost
 * @param moved what it moved (checked against the task)
 * @param verbs the FTP commands the server logged for the round, counted by verb; empty when the server keeps
 *              no log
 */
record RoundResult(Measurement cost, Moved moved, Map<String, Long> verbs) {

    RoundResult {
        verbs = Map.copyOf(verbs);
    }

    /** All commands, or -1 without a server log. */
    long commands() {
        return verbs.isEmpty() ? -1 : verbs.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Commands per moved file, counting only the verbs sent at least once per file (e.g. PASV and RETR, or CWD
     * five times), so that a session's fixed prologue (USER, PASS, TYPE, NLST, QUIT) does not blur a small run;
     * the data connection each listing opens (its PASV) is not a file's either.
     *
     * @return commands per file, or -1 without a log or items
     */
    double perItemCommands() {
        long items = moved.items();
        if (verbs.isEmpty() || items == 0) {
            return -1;
        }
        long listings = LISTINGS.stream().mapToLong(v -> verbs.getOrDefault(v, 0L)).sum();
        long perFile = 0;
        for (Map.Entry<String, Long> e : verbs.entrySet()) {
            long n = e.getValue();
            if (DATA_CONNECTIONS.contains(e.getKey())) {
                n -= Math.min(listings, Math.max(0, n - items));
            }
            perFile += n >= items ? n : 0;
        }
        return perFile / (double) items;
    }

    private static final java.util.Set<String> LISTINGS = java.util.Set.of("NLST", "LIST", "MLSD");
    private static final java.util.Set<String> DATA_CONNECTIONS = java.util.Set.of("PASV", "EPSV", "PORT", "EPRT");

    /** Encodes the round as one line for a forked JVM's standard output. */
    String encode() {
        StringBuilder v = new StringBuilder();
        verbs.forEach((verb, n) -> v.append(v.length() == 0 ? "" : ",").append(verb).append(':').append(n));
        return String.format(java.util.Locale.ROOT, "@round wall=%d cpu=%d heap=%d live=%d rss=%d bytes=%d items=%d"
                + " verbs=%s", cost.wallNanos(), cost.cpuNanos(), cost.heapPeak(), cost.heapLive(), cost.rssPeak(),
                moved.bytes(), moved.items(), v.length() == 0 ? "-" : v);
    }

    /** Decodes {@link #encode()}. */
    static RoundResult decode(String line) {
        Map<String, String> v = new java.util.HashMap<>();
        for (String field : line.substring("@round ".length()).trim().split(" ")) {
            int eq = field.indexOf('=');
            v.put(field.substring(0, eq), field.substring(eq + 1));
        }
        Map<String, Long> verbs = new LinkedHashMap<>();
        if (!v.get("verbs").equals("-")) {
            for (String pair : v.get("verbs").split(",")) {
                int colon = pair.indexOf(':');
                verbs.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return new RoundResult(new Measurement(n(v, "wall"), n(v, "cpu"), n(v, "heap"), n(v, "live"), n(v, "rss")),
                new Moved(n(v, "bytes"), n(v, "items")), verbs);
    }

    private static long n(Map<String, String> v, String key) {
        return Long.parseLong(v.get(key));
    }
}
