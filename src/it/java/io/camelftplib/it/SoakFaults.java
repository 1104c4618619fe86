package io.camelftplib.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;

/**
 * The faults the soak injects, one per call of {@link #injectNext()}, in a fixed rotation: truncated downloads and
 * uploads that the server still acknowledges with 226, cuts with FIN and RST, stalls, a control connection reset at
 * {@code RETR}, and a server restart. It counts the faults that actually struck (an armed transfer fault waits for
 * the next transfer of its kind). Thread-safe: one injecting thread, the test reads the count.
 */
final class SoakFaults {

    private static final int KIB = 1024;

    private final FaultProxy proxy;
    private final EmbeddedFtpServerExtension server;
    private final List<Fault> armed = new CopyOnWriteArrayList<>();
    private final AtomicInteger restarts = new AtomicInteger();
    private int next;

    SoakFaults(FaultProxy proxy, EmbeddedFtpServerExtension server) {
        this.proxy = proxy;
        this.server = server;
    }

    /** Injects the next fault of the rotation. */
    void injectNext() throws Exception {
        switch (next++ % 9) {
            case 0 -> armed.add(proxy.nextDownload().truncateAfter(7 * KIB));
            case 1 -> armed.add(proxy.nextUpload().truncateAfter(5 * KIB));
            case 2 -> armed.add(proxy.nextDownload().cutAfter(3 * KIB, Cut.FIN));
            case 3 -> armed.add(proxy.nextUpload().cutAfter(2 * KIB, Cut.RST));
            case 4 -> armed.add(proxy.nextDownload().stallAfter(KIB));
            case 5 -> armed.add(proxy.nextDownload().cutAfter(0, Cut.RST));
            case 6 -> armed.add(proxy.nextUpload().stallAfter(KIB));
            case 7 -> armed.add(proxy.onCommand("RETR").cut(Cut.RST));
            default -> {
                server.restart();
                restarts.incrementAndGet();
            }
        }
    }

    /** The faults that struck so far, server restarts included. */
    int struck() {
        return restarts.get() + (int) armed.stream().filter(Fault::hasFired).count();
    }
}
