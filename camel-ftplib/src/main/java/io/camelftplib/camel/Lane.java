package io.camelftplib.camel;

/**
 * One logged-in connection of a consumer or producer together with the helpers that speak over it: the lister
 * (MLSD, NLST, LIST), the probe (MLST, SIZE), the downloader and the uploader. {@link FtplibOperations} sends every
 * camel-file operation to the lane of the calling thread ({@link LanePool#current()}).
 *
 * <p>Not thread-safe: a lane serves one thread at a time, which {@link LanePool} guarantees.
 */
final class Lane {

    private final FtplibSession session;
    private final FileProbe probe;
    private final DirectoryLister lister;
    private final Downloader downloader;
    private final Uploader uploader;

    Lane(FtplibSession session, FtplibEndpoint endpoint) {
        this.session = session;
        this.probe = new FileProbe(session);
        this.lister = new DirectoryLister(session);
        this.downloader = new Downloader(session, endpoint, probe);
        this.uploader = new Uploader(session, endpoint, probe);
    }

    FtplibSession session() {
        return session;
    }

    FileProbe probe() {
        return probe;
    }

    DirectoryLister lister() {
        return lister;
    }

    Downloader downloader() {
        return downloader;
    }

    Uploader uploader() {
        return uploader;
    }
}
