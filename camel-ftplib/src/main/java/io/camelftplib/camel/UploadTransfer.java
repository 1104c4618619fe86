package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.OptionalLong;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.StoreStream;

/**
 * One upload over the session's connection, done only once proven whole: {@code STOR} (or {@code APPE}) on the
 * engine's upload stream (each write bounded by the data timeout, the final reply read by its close), then, where
 * the server's FEAT offers {@code SIZE}, the stored size compared with the bytes sent (plus what the server held
 * before an {@code APPE}) by the engine, which throws {@link io.camelftplib.ftplib.FtpIncompleteTransferException}
 * on a difference, then, when {@code verifyChecksum} asks and the server offers a hash command, the
 * digest computed while the body streamed compared with the server's. A transfer that fails either check throws
 * before the caller renames a temporary name into place.
 *
 * <p>Binary mode only checks: in ASCII mode the server stores other line endings than the client sends. Not
 * thread-safe: uses the session's connection.
 */
final class UploadTransfer {

    private final FtplibSession session;
    private final FtplibEndpoint endpoint;

    UploadTransfer(FtplibSession session, FtplibEndpoint endpoint) {
        this.session = session;
        this.endpoint = endpoint;
    }

    /**
     * What a verified upload produced.
     *
     * @param reply    the transfer's final reply
     * @param checksum the verified checksum, empty when none was asked for or offered
     */
    record Stored(String reply, Optional<TransferChecksum> checksum) {
    }

    /**
     * Uploads a body and verifies what the server stored.
     *
     * @param name   the file as the command names it
     * @param body   the content, read to its end, not closed
     * @param append true to append to what the server holds ({@code fileExist=Append})
     * @param resume true to continue the server's partial file: the body's first bytes, as many as the server's
     *               {@code SIZE} reports, are read (into the checksum) but not sent
     * @return the final reply and checksum
     * @throws IOException when the transfer fails or a check finds the stored file incomplete or altered
     */
    Stored send(String name, InputStream body, boolean append, boolean resume) throws IOException {
        FtplibConfiguration config = endpoint.getConfiguration();
        Ftp ftp = session.client();
        TransferProgress progress = TransferProgress.upload(config, name);
        if (!config.isBinary()) {
            String reply = ftp.storLines((append ? "APPE " : "STOR ") + name, progress.track(body));
            session.typeSent(false);
            progress.completed();
            return new Stored(reply, Optional.empty());
        }
        Optional<TransferChecksum> checksum = TransferChecksum.start(config.getVerifyChecksum(), session.features(),
                config.remoteServerInformation());
        InputStream counted = progress.track(body);
        InputStream source = checksum.map(c -> c.track(counted)).orElse(counted);
        OptionalLong held = append || resume ? storedSize(ftp, name) : OptionalLong.of(0);
        long offset = resume ? held.orElse(0) : 0;
        if (offset > 0) {
            skipSent(ftp, name, source, offset);
        }
        StoreStream upload = storeBinary(ftp, (append || offset > 0 ? "APPE " : "STOR ") + name, source);
        session.typeSent(true);
        if (held.isPresent() && session.features().hasSize()) {
            ftp.checkStoredSize(name, held.getAsLong() + upload.bytesSent());
        }
        if (checksum.isPresent()) {
            checksum.get().verify(ftp, name, name);
        }
        progress.completed();
        return new Stored(upload.finalReply(), checksum);
    }

    /** Returns what the server holds under the name: 0 when SIZE says there is no such file, empty if unknown. */
    private OptionalLong storedSize(Ftp ftp, String name) throws IOException {
        if (!session.features().hasSize()) {
            return OptionalLong.empty();
        }
        try {
            return ftp.size(name);
        } catch (FtpPermException e) {
            if ("550".equals(e.replyCode())) {
                return OptionalLong.of(0);
            }
            throw e;
        }
    }

    /**
     * Reads the body's first bytes that a previous attempt sent already. A body shorter than the server's partial
     * file cannot have made it: the partial is deleted, so the next attempt starts from zero.
     */
    private static void skipSent(Ftp ftp, String name, InputStream source, long offset) throws IOException {
        byte[] buffer = new byte[8192];
        long left = offset;
        while (left > 0) {
            int n = source.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                ftp.delete(name);
                throw new IOException("Cannot resume the upload of " + name + ": the server holds " + offset
                        + " bytes of it, more than the body's " + (offset - left) + ", so the partial file came from "
                        + "another body; it was deleted and the next attempt starts from zero");
            }
            left -= n;
        }
    }

    /**
     * Sends the body on the engine's upload stream, whose close reads the final reply. When the body cannot be
     * read, the upload is aborted (the data connection reset), so the server sees an error rather than the end of
     * a shorter file; a connection left out of step is replaced by the session on its next use.
     */
    private StoreStream storeBinary(Ftp ftp, String cmd, InputStream body) throws IOException {
        StoreStream out = ftp.storStream(cmd, 0);
        try {
            byte[] buffer = new byte[Math.max(endpoint.getBufferSize(), 8192)];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                send(out, buffer, n);
            }
            out.close();
            return out;
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    /** Writes one buffer; a write the server did not read within the data timeout names the option to raise. */
    private void send(StoreStream out, byte[] buffer, int n) throws IOException {
        try {
            out.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            SocketTimeoutException stalled = new SocketTimeoutException(e.getMessage() + "; the endpoint option "
                    + "timeout (" + endpoint.getConfiguration().getTimeout() + " ms) bounds every write to the data "
                    + "connection, raise it for a slow server");
            stalled.initCause(e);
            throw stalled;
        }
    }
}
