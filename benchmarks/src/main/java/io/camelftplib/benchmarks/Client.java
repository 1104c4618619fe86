package io.camelftplib.benchmarks;

/**
 * A contender: our engine or route, or a peer. Either runs in a JVM ({@link JvmClient}: forked with its own
 * {@code -Xmx}, so heap limits are real) or is an outside program ({@link ProcessClient}: curl, CPython).
 *
 * <p>New contenders (FTPS for W5, our {@code ftplib:} route) are added in {@link Clients#all}.
 */
interface Client {

    /** The name in the table, e.g. {@code engine} or {@code camel ftp: default}. */
    String name();

    /** True for this project's code, false for a peer it is compared with. */
    boolean ours();

    /** Whether it can run the workload. */
    boolean supports(Workload workload);

    /** The name as a file name: lower case letters, digits and dashes. */
    default String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
