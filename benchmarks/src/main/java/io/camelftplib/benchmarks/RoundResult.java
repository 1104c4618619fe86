package io.camelftplib.benchmarks;

/**
 * One measured round.
 *
 * @param cost     what it cost
 * @param moved    what it moved (checked against the task)
 * @param commands the FTP commands the server logged for the round, or -1 when the server keeps no log
 */
record RoundResult(Measurement cost, Moved moved, long commands) {

    /** Encodes the round as one line for a forked JVM's standard output. */
    String encode() {
        return String.format(java.util.Locale.ROOT, "@round wall=%d cpu=%d heap=%d live=%d rss=%d bytes=%d items=%d"
                + " cmds=%d", cost.wallNanos(), cost.cpuNanos(), cost.heapPeak(), cost.heapLive(), cost.rssPeak(),
                moved.bytes(), moved.items(), commands);
    }

    /** Decodes {@link #encode()}. */
    static RoundResult decode(String line) {
        java.util.Map<String, Long> v = new java.util.HashMap<>();
        for (String field : line.substring("@round ".length()).trim().split(" ")) {
            int eq = field.indexOf('=');
            v.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
        }
        return new RoundResult(new Measurement(v.get("wall"), v.get("cpu"), v.get("heap"), v.get("live"),
                v.get("rss")), new Moved(v.get("bytes"), v.get("items")), v.get("cmds"));
    }
}
