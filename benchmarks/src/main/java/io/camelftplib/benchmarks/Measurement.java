package io.camelftplib.benchmarks;

/**
 * What one round cost the client.
 *
 * @param wallNanos   elapsed time of the operation (connect to quit), without JVM or interpreter start
 * @param cpuNanos    CPU time of the client process (all its threads, or curl's) during the operation
 * @param heapPeak    bytes: the sum of the heap pools' peaks during the round, or -1 for a process
 * @param heapLive    bytes: the most heap in use right after any collection during the round (the live set),
 *                    or -1 when no collection ran or for a process
 * @param rssPeak     bytes: the process's peak resident set, or -1 when unknown
 */
record Measurement(long wallNanos, long cpuNanos, long heapPeak, long heapLive, long rssPeak) {
}
