package io.camelftplib.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.Set;

import io.camelftplib.ftplib.DataConnection;
import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpPermException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.file.GenericFileExist;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * Uploads with {@code STOR} ({@code APPE} for {@code fileExist=Append}), applying {@code fileExist} with exists
 * checks by {@code MLST}/{@code SIZE} (never a directory listing), then {@code SITE CHMOD}; creates directories
 * with {@code MKD}, remembering those it made or found. A store returns only after the final reply confirmed the
 * transfer, so a temporary name is renamed into place only after that; an upload the server stops reading fails
 * after the data timeout (the {@code timeout} option) and drops the connection.
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class Uploader {

    private final FtplibSession session;
    private final FtplibEndpoint endpoint;
    private final FileProbe probe;
    private final Set<String> knownDirectories = new HashSet<>();

    Uploader(FtplibSession session, FtplibEndpoint endpoint, FileProbe probe) {
        this.session = session;
        this.endpoint = endpoint;
        this.probe = probe;
    }

    /**
     * Stores the exchange's body under {@code path}, honouring {@code fileExist}.
     *
     * @param path     the remote path
     * @param exchange the exchange
     * @return the final reply, or null when {@code fileExist=Ignore} skipped an existing file
     * @throws IOException when the upload or a check fails
     * @throws GenericFileOperationFailedException for {@code fileExist=Fail} on an existing file, or a null body
     *                                             without {@code allowNullBody}
     */
    String store(String path, Exchange exchange) throws IOException {
        GenericFileExist exist = endpoint.getFileExist();
        if ((exist == GenericFileExist.Ignore || exist == GenericFileExist.Fail || exist == GenericFileExist.Move)
                && probe.stat(path, false).isPresent()) {
            if (exist == GenericFileExist.Ignore) {
                return null;
            }
            if (exist == GenericFileExist.Fail) {
                throw new GenericFileOperationFailedException("File already exist: " + path
                        + ". Cannot write new file.");
            }
            new ExistingFileMover(this, endpoint).move(path);
        }
        try (InputStream body = bodyOf(exchange, path)) {
            return upload(path, body, exist == GenericFileExist.Append);
        }
    }

    /**
     * Stores a text (done files, checksums) with the endpoint's charset or UTF-8.
     *
     * @param path    the remote path
     * @param payload the text
     * @return the final reply
     * @throws IOException when the upload fails
     */
    String storeText(String path, String payload) throws IOException {
        Charset charset = endpoint.getCharset() != null ? Charset.forName(endpoint.getCharset())
                : java.nio.charset.StandardCharsets.UTF_8;
        return upload(path, new ByteArrayInputStream(payload.getBytes(charset)), false);
    }

    private InputStream bodyOf(Exchange exchange, String path) throws IOException {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            if (!endpoint.isAllowNullBody()) {
                throw new GenericFileOperationFailedException("Cannot write null body to file: " + path);
            }
            return InputStream.nullInputStream();
        }
        try {
            if (endpoint.getCharset() != null) {
                // the charset option means the text is written in that charset
                String text = exchange.getIn().getMandatoryBody(String.class);
                return new ByteArrayInputStream(text.getBytes(Charset.forName(endpoint.getCharset())));
            }
            return exchange.getIn().getMandatoryBody(InputStream.class);
        } catch (InvalidPayloadException e) {
            throw new GenericFileOperationFailedException("Cannot upload " + path + ": the body cannot be read as a "
                    + "stream", e);
        }
    }

    private String upload(String path, InputStream body, boolean append) throws IOException {
        FtplibConfiguration config = endpoint.getConfiguration();
        Ftp ftp = session.client();
        String name = session.enterParent(path);
        String cmd = (append ? "APPE " : "STOR ") + name;
        String reply;
        if (!config.isBinary()) {
            reply = ftp.storLines(cmd, body);
            session.listingSentTypeA();
        } else {
            session.transferType(true);
            reply = storeBinary(ftp, cmd, body);
        }
        if (config.getChmod() != null) {
            ftp.voidCmd("SITE CHMOD " + config.getChmod() + " " + name);
        }
        return reply;
    }

    private String storeBinary(Ftp ftp, String cmd, InputStream body) throws IOException {
        DataConnection data = ftp.ntransferCmd(cmd);
        // the engine's upload stream, not the bare socket stream: a socket write has no timeout and would block
        // this thread forever on a server that stops reading; the stream also writes at most 64 KiB per call
        // (larger writes measured about 30% slower), however large the bufferSize read from the body
        try (data; OutputStream out = data.outputStream()) {
            byte[] buffer = new byte[Math.max(endpoint.getBufferSize(), 8192)];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                send(out, buffer, n);
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the final reply is still due and cannot be read in step: start over on a new connection
            session.drop();
            throw e;
        }
        return ftp.voidResp();
    }

    /** Writes one buffer; a write the server did not read within the data timeout names the option to raise. */
    private void send(OutputStream out, byte[] buffer, int n) throws IOException {
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

    /**
     * Makes a directory and its parents, remembering what exists so later uploads send no MKD.
     *
     * @param directory the directory, relative or absolute
     * @throws IOException when MKD fails with anything but 550 (which servers send for existing directories)
     */
    void buildDirectory(String directory) throws IOException {
        if (directory.isEmpty() || directory.equals("/") || knownDirectories.contains(directory)) {
            return;
        }
        StringBuilder prefix = new StringBuilder(directory.startsWith("/") ? "/" : "");
        for (String segment : directory.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (prefix.length() > 0 && prefix.charAt(prefix.length() - 1) != '/') {
                prefix.append('/');
            }
            prefix.append(segment);
            String path = prefix.toString();
            if (knownDirectories.add(path)) {
                makeDirectory(path);
            }
        }
    }

    private void makeDirectory(String path) throws IOException {
        Ftp ftp = session.client();
        String name = session.enterParent(path);
        try {
            ftp.mkd(name);
        } catch (FtpPermException e) {
            if (!"550".equals(e.replyCode()) && !"521".equals(e.replyCode())) {
                knownDirectories.remove(path);
                throw e;
            }
            // 550/521: it exists already (or cannot be made, which the upload will report with its own reply)
        }
    }

    /** Forgets the directories made so far (after a rename or delete of directories by the route). */
    void forgetDirectories() {
        knownDirectories.clear();
    }

    /**
     * Returns the probe used for exists checks.
     *
     * @return the probe
     */
    FileProbe probe() {
        return probe;
    }

    /**
     * Returns the session.
     *
     * @return the session
     */
    FtplibSession session() {
        return session;
    }
}
