package io.camelftplib.benchmarks;

/**
 * The benchmark workloads. Each names what it moves and how its rate is counted.
 *
 * <p>W5 repeats W1 and W3 over FTPS with {@code PROT P}; {@link #plainTwin()} names the plain workload it is
 * compared with. Immutable.
 */
enum Workload {
    /** W1: download one big file. */
    W1_DOWNLOAD("W1", "download", Unit.MIB),
    /** W2: upload one big file. */
    W2_UPLOAD("W2", "upload", Unit.MIB),
    /** W3: fetch a directory of many small files, one listing then one transfer per file. */
    W3_MANY_FILES("W3", "many small files", Unit.FILES),
    /** W4: list a directory by name ({@code NLST}; vsftpd has no {@code MLSD}). */
    W4_LIST("W4", "list", Unit.ENTRIES),
    /** W4, ten times the entries: shows whether the client's heap grows with the listing. */
    W4_LIST_LARGE("W4L", "list, 10x entries", Unit.ENTRIES),
    /** W5: W1 over FTPS, {@code PROT P}. */
    W5_TLS_DOWNLOAD("W5-1", "FTPS PROT P download", Unit.MIB),
    /** W5: W3 over FTPS, {@code PROT P}. */
    W5_TLS_MANY_FILES("W5-3", "FTPS PROT P many small files", Unit.FILES);

    /** What a rate counts. */
    enum Unit {
        /** Mebibytes per second. */
        MIB("MiB/s"),
        /** Files per second. */
        FILES("files/s"),
        /** Listing entries per second. */
        ENTRIES("entries/s");

        final String label;

        Unit(String label) {
            this.label = label;
        }
    }

    final String id;
    final String title;
    final Unit unit;

    Workload(String id, String title, Unit unit) {
        this.id = id;
        this.title = title;
        this.unit = unit;
    }

    /** The workload this one repeats without TLS, or itself. */
    Workload plainTwin() {
        switch (this) {
            case W5_TLS_DOWNLOAD:
                return W1_DOWNLOAD;
            case W5_TLS_MANY_FILES:
                return W3_MANY_FILES;
            default:
                return this;
        }
    }

    /**
     * The uncounted rounds a JVM client needs here before its figures are steady. Big transfers spend their round in
     * one copy loop, compiled within the first round. Short workloads run thousands of small calls for a second or
     * two, and the JIT compilers were measured still busy into the measured rounds after one warm-up (W3: about 40%
     * of the engine JVM's CPU in the compiler threads; with 5 warm-up rounds its CPU for 2000 files fell from 0.64 s
     * to 0.30 s and its rate rose from 0.92x to 1.11x CPython's), which a long-running route does not pay.
     *
     * @return 1 for the 1 GiB workloads, 5 for the others
     */
    int defaultWarmup() {
        return unit == Unit.MIB ? 1 : 5;
    }

    boolean isTls() {
        return this == W5_TLS_DOWNLOAD || this == W5_TLS_MANY_FILES;
    }

    /** Parses {@code W1}, {@code W4L}, {@code W5-1} or the enum name. */
    static Workload parse(String text) {
        for (Workload w : values()) {
            if (w.id.equalsIgnoreCase(text) || w.name().equalsIgnoreCase(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + text + "'; use one of W1 W2 W3 W4 W4L W5-1 W5-3");
    }
}
