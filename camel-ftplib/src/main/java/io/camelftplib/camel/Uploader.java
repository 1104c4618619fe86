package io.camelftplib.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.Set;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.FtpIncompleteTransferException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.file.GenericFileExist;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.strategy.FileMoveExistingStrategy;

/**
 * Uploads with {@code STOR} ({@code APPE} for {@code fileExist=Append}), applying {@code fileExist} with exists
 * checks by {@code MLST}/{@code SIZE} (never a directory listing), then {@code SITE CHMOD}; creates directories
 * with {@code MKD}, remembering those it made or found until a new connection or a failed upload. A store returns
 * only after the final reply confirmed the transfer and {@link UploadTransfer} proved the stored file whole (its
 * {@code SIZE}, and its digest with {@code verifyChecksum}), so a temporary name is renamed into place only after
 * that. A file under its final name that fails the proof is deleted; one under a temporary name stays, for the next
 * attempt to replace or, with {@code resumeUpload}, to continue. An upload the server stops reading fails after the
 * data timeout (the {@code timeout} option) and leaves the connection out of step, so the session reconnects.
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class Uploader {

    private final FtplibSession session;
    private final FtplibEndpoint endpoint;
    private final FileProbe probe;
    private final UploadTransfer transfer;
    private final Set<String> knownDirectories = new HashSet<>();
    /** The connection the known directories were seen on. */
    private int directoriesSeenOn;
    private String temporary;
    private String resumable;

    Uploader(FtplibSession session, FtplibEndpoint endpoint, FileProbe probe) {
        this.session = session;
        this.endpoint = endpoint;
        this.probe = probe;
        this.transfer = new UploadTransfer(session, endpoint);
    }

    /**
     * Stores the exchange's body under {@code path}, honouring {@code fileExist}.
     *
     * @param path       the remote path
     * @param exchange   the exchange
     * @param operations the operations handed to a custom {@code moveExistingFileStrategy}
     * @return the final reply, or null when {@code fileExist=Ignore} skipped an existing file
     * @throws IOException when the upload or a check fails
     * @throws GenericFileOperationFailedException for {@code fileExist=Fail} on an existing file, or a null body
     *                                             without {@code allowNullBody}
     */
    String store(String path, Exchange exchange, GenericFileOperations<FtplibFile> operations) throws IOException {
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
            moveExisting(path, operations);
        }
        try (InputStream body = ChecksumFile.digesting(endpoint, bodyOf(exchange, path), exchange)) {
            return upload(path, body, exist == GenericFileExist.Append, exchange);
        } catch (IOException | RuntimeException e) {
            // a directory made earlier may be gone (that may be why this failed): the next attempt makes it again
            forgetDirectories();
            throw e;
        } finally {
            temporary = null;
            resumable = null;
        }
    }

    private void moveExisting(String path, GenericFileOperations<FtplibFile> operations) throws IOException {
        FileMoveExistingStrategy custom = endpoint.getMoveExistingFileStrategy();
        if (custom != null) {
            custom.moveExistingFile(endpoint, operations, path);
        } else {
            new ExistingFileMover(this, endpoint).move(path);
        }
    }

    /**
     * Announces that the next {@link #store} writes a temporary name, which is renamed into place after it; with
     * {@code resumable} the store continues what the server holds under that name (a redelivered exchange with
     * {@code resumeUpload}), and {@link #keepsForResume} keeps it from being deleted first.
     *
     * @param path      the temporary path
     * @param resumable true to continue the server's partial file
     */
    void writingTemporary(String path, boolean resumable) {
        this.temporary = path;
        this.resumable = resumable ? path : null;
    }

    /**
     * Tells whether a file must survive camel-file's deletion of a stale temporary file because the next store
     * continues it.
     *
     * @param path the path to delete
     * @return true when it is the partial file the next store resumes
     */
    boolean keepsForResume(String path) {
        return path.equals(resumable);
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
        return upload(path, new ByteArrayInputStream(payload.getBytes(charset)), false, null);
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

    private String upload(String path, InputStream body, boolean append, Exchange exchange) throws IOException {
        boolean resume = path.equals(resumable);
        String name = session.enterParent(path);
        try {
            UploadTransfer.Stored stored = transfer.send(name, body, append, resume);
            if (exchange != null) {
                stored.checksum().ifPresent(c -> c.setHeaders(exchange.getIn()));
                LastModifiedKeeper.keepOnServer(endpoint, session, name, exchange);
            }
            FtplibConfiguration config = endpoint.getConfiguration();
            if (config.getChmod() != null) {
                session.client().voidCmd("SITE CHMOD " + config.getChmod() + " " + name);
            }
            return stored.reply();
        } catch (FtpIncompleteTransferException | ChecksumVerificationException e) {
            if (!append && !path.equals(temporary)) {
                removeUnproven(name, e);
            }
            throw e;
        }
    }

    /**
     * Deletes a file stored under its final name that failed verification, so no incomplete file stays there; a
     * temporary file stays, for the next attempt to replace or (resumeUpload) continue.
     */
    private void removeUnproven(String name, IOException failure) {
        try {
            session.client().delete(name);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Makes a directory and its parents, remembering what exists so later uploads send no MKD.
     *
     * @param directory the directory, relative or absolute
     * @throws IOException when MKD fails with anything but 550 (which servers send for existing directories)
     */
    void buildDirectory(String directory) throws IOException {
        if (directoriesSeenOn != session.connections()) {
            // another connection: the directories may have been removed while there was none
            forgetDirectories();
            directoriesSeenOn = session.connections();
        }
        if (directory.isEmpty() || directory.equals("/") || knownDirectories.contains(directory)) {
            return;
        }
        StringBuilder prefix = new StringBuilder(RemoteNames.isAbsolute(directory) ? "/" : "");
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

    /** Forgets the directories made or found so far, so the next upload makes them again where needed. */
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
