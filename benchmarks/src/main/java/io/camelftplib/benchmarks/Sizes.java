package io.camelftplib.benchmarks;

/**
 * How big the data set is: the big file of W1/W2, the many small files of W3, the two listings of W4.
 *
 * @param bigBytes       the big file
 * @param smallFiles     how many small files
 * @param smallFileBytes the size of each small file
 * @param listEntries    the entries of the W4 listing
 * @param listEntriesLarge the entries of the large W4 listing (heap comparison)
 * @param tlsSmallFiles  how many small files W5 fetches over FTPS: fewer than W3, because the peers pay a TLS
 *                       handshake per data connection (curl about 0.2 s a file against vsftpd), so 2000 would
 *                       take minutes a round
 */
record Sizes(long bigBytes, int smallFiles, int smallFileBytes, int listEntries, int listEntriesLarge,
        int tlsSmallFiles) {

    /** The full run's sizes: 1 GiB, 2000 x 4 KiB, 20,000 and 200,000 entries; 100 files over FTPS. */
    static final Sizes FULL = new Sizes(1L << 30, 2000, 4096, 20_000, 200_000, 100);
    /** The CI smoke size: enough to run every code path, too small to time. */
    static final Sizes SMOKE = new Sizes(1L << 20, 5, 4096, 200, 2000, 2);

    Sizes {
        if (bigBytes < 1 || smallFiles < 1 || smallFileBytes < 1 || listEntries < 1 || listEntriesLarge < 1
                || tlsSmallFiles < 1) {
            throw new IllegalArgumentException("every size must be at least 1: " + this);
        }
    }

    /** The remote path of the big file. */
    static String bigFile() {
        return "w1/big.bin";
    }

    /** The remote directory of the many small files. */
    static String smallFilesDir() {
        return "w3";
    }

    /** The remote directory of the small files fetched over FTPS. */
    static String tlsSmallFilesDir() {
        return "w5-3";
    }

    /** The remote directory of a listing with {@code entries} entries. */
    static String listDir(int entries) {
        return "w4-" + entries;
    }

    /** The remote directory uploads go to, writable by the FTP user. */
    static String uploadDir() {
        return "w2";
    }

    /** The name of the small file {@code i} (1-based). */
    static String smallFileName(int i) {
        return String.format(java.util.Locale.ROOT, "f%05d.bin", i);
    }
}
