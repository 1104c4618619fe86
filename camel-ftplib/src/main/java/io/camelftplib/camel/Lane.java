package io.camelftplib.camel;

/**
 * One logged-in connection of a consumer or producer together with the helpers that speak over it: the lister
 * (MLSD, NLST, LIST), the probe (MLST, SIZE), the downloader and the uploader. {@link FtplibOperations} sends every
 * camel-file operation to the lane of the calling thread ({@link LanePool#current()}).
 *
 * <p>Not thread-safe: a lane serves one thread at a time, which {@link LanePool} guarantees.
 *
 * @param session    the connection
 * @param probe      asks about one file
 * @param lister     lists a directory
 * @param downloader fetches files
 * @param uploader   stores files
 */
record Lane(FtplibSession session, FileProbe probe, DirectoryLister lister, Downloader downloader,
            Uploader uploader) {

    /**
     * Makes the helpers of one connection.
     *
     * @param session  the connection, not yet opened
     * @param endpoint the endpoint whose options the helpers follow
     * @return the lane
     */
    static Lane of(FtplibSession session, FtplibEndpoint endpoint) {
        FileProbe probe = new FileProbe(session);
        return new Lane(session, probe, new DirectoryLister(session), new Downloader(session, endpoint),
                new Uploader(session, endpoint, probe));
    }
}
