package io.camelftplib.benchmarks;

/**
 * A client that is an outside program (curl, CPython's ftplib). It measures itself through the peer script:
 * wall time around the operation, and CPU time and peak RSS from the kernel's resource usage.
 */
interface ProcessClient extends Client {

    /**
     * Runs one round.
     *
     * @param task what to move
     * @return what it cost and moved
     * @throws Exception when the program fails or times out
     */
    Metered run(Task task) throws Exception;

    /**
     * A process round.
     *
     * @param cost  wall, CPU and RSS
     * @param moved what it reports it moved
     */
    record Metered(Measurement cost, Moved moved) {
    }
}
