package io.camelftplib.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One workload for one client, with every path resolved: what a round moves and where it goes.
 *
 * @param workload      the workload
 * @param server        the server
 * @param remote        the remote file or directory, relative to the FTP user's root (no leading slash)
 * @param local         the client's local file or directory: the download target (W1, W3), the upload source
 *                      (W2), a scratch file (W4)
 * @param workDir       a directory the client owns for this task (scratch files, route state)
 * @param expectedBytes the bytes a round must move (0 for a listing)
 * @param expectedItems the files or entries a round must move
 * @param timeout       how long one round may take before it counts as failed
 */
record Task(Workload workload, BenchServer server, String remote, Path local, Path workDir, long expectedBytes,
        int expectedItems, Duration timeout) {

    /**
     * Lays out a workload for a client.
     *
     * @param workload  the workload
     * @param server    the server
     * @param sizes     the data set
     * @param clientDir the client's own local directory
     * @param slug      the client's name as a file name (uploads go to {@code w2/<slug>.bin})
     * @return the task
     */
    static Task of(Workload workload, BenchServer server, Sizes sizes, Path clientDir, String slug) {
        // a round may take as long as moving its data at 8 MiB/s, plus a minute for slow starts
        long slowSeconds = 60 + sizes.bigBytes() / (8 << 20);
        switch (workload.plainTwin()) {
            case W1_DOWNLOAD:
                return new Task(workload, server, Sizes.bigFile(), clientDir.resolve("big.bin"), clientDir,
                        sizes.bigBytes(), 1, Duration.ofSeconds(slowSeconds));
            case W2_UPLOAD:
                return new Task(workload, server, Sizes.uploadDir() + "/" + slug + ".bin",
                        server.root().resolve(Sizes.bigFile()), clientDir, sizes.bigBytes(), 1,
                        Duration.ofSeconds(slowSeconds));
            case W3_MANY_FILES:
                boolean tls = workload.isTls();
                int files = tls ? sizes.tlsSmallFiles() : sizes.smallFiles();
                return new Task(workload, server, tls ? Sizes.tlsSmallFilesDir() : Sizes.smallFilesDir(),
                        clientDir.resolve("w3"), clientDir, (long) files * sizes.smallFileBytes(), files,
                        Duration.ofSeconds(60 + files / (tls ? 2 : 20)));
            case W4_LIST:
                return listing(workload, server, clientDir, sizes.listEntries());
            case W4_LIST_LARGE:
                return listing(workload, server, clientDir, sizes.listEntriesLarge());
            default:
                throw new IllegalArgumentException("no layout for " + workload);
        }
    }

    private static Task listing(Workload workload, BenchServer server, Path clientDir, int entries) {
        return new Task(workload, server, Sizes.listDir(entries), clientDir.resolve("listing.txt"), clientDir, 0,
                entries, Duration.ofSeconds(60 + entries / 1000));
    }

    /** The file an upload lands in on the server, as a local path. */
    Path uploadedFile() {
        return server.root().resolve(remote);
    }

    /** The remote path with a leading slash, for URLs and absolute FTP paths. */
    String absoluteRemote() {
        return "/" + remote;
    }
}
