package io.camelftplib.benchmarks;

/**
 * What a client says one round moved; the harness checks the files as well.
 *
 * @param bytes the bytes transferred (0 for a listing)
 * @param items the files or listing entries
 */
record Moved(long bytes, long items) {
}
