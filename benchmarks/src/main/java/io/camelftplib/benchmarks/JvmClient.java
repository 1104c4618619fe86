package io.camelftplib.benchmarks;

/**
 * A client that runs inside a JVM. The harness forks one JVM per client and workload with {@link #maxHeap},
 * runs every round there and measures time, CPU and heap around {@link Round#run()} only, so connecting a
 * Camel context or loading classes before the round is not counted, while connecting to the server is.
 */
interface JvmClient extends Client {

    /**
     * The heap the forked JVM gets for a workload; a list means "try each until one suffices" (to find the heap
     * a client needs, as for Camel's default download of a big file).
     *
     * @param workload the workload
     * @return {@code -Xmx} values, e.g. {@code 64m}, in the order to try
     */
    java.util.List<String> maxHeap(Workload workload);

    /**
     * Prepares one round without touching the server yet (e.g. builds a Camel context with its route stopped).
     *
     * @param task what to move
     * @return the round, ready to run
     * @throws Exception when preparing fails
     */
    Round prepare(Task task) throws Exception;

    /** One prepared round: {@link #run()} is timed, {@link #close()} is not. */
    interface Round extends AutoCloseable {

        /**
         * Moves the task's data: connect, log in, transfer, quit.
         *
         * @return what was moved
         * @throws Exception when the transfer fails
         */
        Moved run() throws Exception;

        @Override
        default void close() throws java.io.IOException {
        }
    }
}
