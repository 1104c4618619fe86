package io.camelftplib.camel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.camel.LoggingLevel;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of one upload or download as {@code ftp:}'s {@code transferLogging*} options do: a line when it
 * starts, one every {@code transferLoggingIntervalSeconds} while it runs (with {@code transferLoggingVerbose}, one
 * per block), and one when it completes, all at {@code transferLoggingLevel} in the category of this class. The
 * bytes are counted on the stream {@link #track} returns, so both directions share it.
 *
 * <p>Not thread-safe: one transfer, on the thread that moves its bytes.
 */
final class TransferProgress {

    private static final CamelLogger LOG = new CamelLogger(LoggerFactory.getLogger(TransferProgress.class));

    private final FtplibConfiguration config;
    private final String what;
    private final long size;
    private final long started = System.nanoTime();
    private long lastLine = started;
    private long bytes;
    private boolean completed;

    private TransferProgress(FtplibConfiguration config, String what, long size) {
        this.config = config;
        this.what = what;
        this.size = size;
    }

    /**
     * Starts logging a download and logs its first line.
     *
     * @param config the endpoint's options
     * @param path   the remote path
     * @param size   the size the server announced or listed, -1 when unknown
     * @return the progress of this transfer
     */
    static TransferProgress download(FtplibConfiguration config, String path, long size) {
        return start(config, "Downloading from " + config.remoteServerInformation() + " file: " + path, size);
    }

    /**
     * Starts logging an upload and logs its first line.
     *
     * @param config the endpoint's options
     * @param path   the remote path
     * @return the progress of this transfer
     */
    static TransferProgress upload(FtplibConfiguration config, String path) {
        return start(config, "Uploading to " + config.remoteServerInformation() + " file: " + path, -1);
    }

    private static TransferProgress start(FtplibConfiguration config, String what, long size) {
        TransferProgress progress = new TransferProgress(config, what, size);
        progress.log(what + " starting" + (size >= 0 ? " (size: " + StringHelper.humanReadableBytes(size) + ")" : ""));
        return progress;
    }

    /**
     * Returns a stream that counts what passes through it and logs progress as it goes.
     *
     * @param in the bytes of the transfer; closing the result closes it
     * @return the counting stream
     */
    InputStream track(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                counted(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                counted(n);
                return n;
            }
        };
    }

    private void counted(int n) {
        if (n <= 0 || isOff()) {
            return;
        }
        bytes += n;
        long now = System.nanoTime();
        boolean due = now - lastLine >= config.getTransferLoggingIntervalSeconds() * 1_000_000_000L;
        if (due || config.isTransferLoggingVerbose()) {
            lastLine = now;
            log(what + " (progress: " + progressText() + ")");
        }
    }

    private String progressText() {
        String done = StringHelper.humanReadableBytes(bytes);
        if (size <= 0) {
            return done;
        }
        // 100% only once the server confirmed the transfer
        double percent = Math.min(bytes * 100.0 / size, bytes < size ? 99.9 : 100.0);
        return done + "/" + String.format(Locale.ROOT, "%.1f", percent) + "%";
    }

    /** Logs the last line, once, after the server confirmed the transfer. */
    void completed() {
        if (completed) {
            return;
        }
        completed = true;
        long millis = (System.nanoTime() - started) / 1_000_000;
        log(what + " completed (size: " + StringHelper.humanReadableBytes(bytes) + ") (took: "
                + TimeUtils.printDuration(millis, true) + ")");
    }

    private boolean isOff() {
        return config.getTransferLoggingLevel() == LoggingLevel.OFF;
    }

    private void log(String line) {
        if (!isOff()) {
            LOG.log(line, config.getTransferLoggingLevel());
        }
    }
}
