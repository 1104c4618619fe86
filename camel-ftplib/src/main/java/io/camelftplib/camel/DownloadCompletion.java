package io.camelftplib.camel;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a streamed download when its exchange completes, before camel-file's commit runs: on success it
 * reads whatever the route left unread and the server's final reply; when that reply is not 226/250, it marks the
 * exchange failed so camel-file rolls back (the remote file stays, no done file is removed, the idempotent key is
 * released). On failure it abandons the transfer.
 *
 * <p>Runs first among the exchange's completions ({@link Ordered#HIGHEST}), as camel-file's commit confirms the
 * idempotent key and deletes done files before its process strategy could look at the transfer. Not thread-safe:
 * called once, by the thread that completes the exchange.
 */
final class DownloadCompletion implements Synchronization, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadCompletion.class);

    private final FtplibDownload download;
    private final String server;

    DownloadCompletion(FtplibDownload download, String server) {
        this.download = download;
        this.server = server;
    }

    @Override
    public void onComplete(Exchange exchange) {
        try {
            ReplyHeaders.set(exchange.getMessage(), download.confirm());
        } catch (IOException e) {
            GenericFileOperationFailedException failure = OperationFailures.wrap(
                    "The download of " + download.getPath() + " was not confirmed by the server", server, e);
            LOG.warn("{}; the remote file is rolled back and kept", failure.getMessage());
            ReplyHeaders.set(exchange.getMessage(), failure);
            exchange.setException(failure);
        }
    }

    @Override
    public void onFailure(Exchange exchange) {
        download.abort();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST;
    }
}
