package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.camelftplib.ftplib.DataConnection;
import io.camelftplib.ftplib.Ftp;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/**
 * Fetches a remote file with {@code RETR} in one of three ways: streamed into the body (the default, see
 * {@link FtplibDownload}), into a file of the local work directory (written under a {@code .inprogress} name and
 * moved into place only after the server confirmed the transfer; {@code resumeDownload} continues a partial file
 * with {@code REST} when {@link PartialDownload} proves it came from the same remote file), or into memory ({@code streamDownload=false}).
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class Downloader {

    private final FtplibSession session;
    private final FtplibEndpoint endpoint;
    private final FileProbe probe;

    Downloader(FtplibSession session, FtplibEndpoint endpoint, FileProbe probe) {
        this.session = session;
        this.endpoint = endpoint;
        this.probe = probe;
    }

    /**
     * Fetches {@code path} into the exchange's file.
     *
     * @param path     the remote path
     * @param exchange the exchange; its {@code GenericFile} gets the body
     * @param file     the file being consumed
     * @throws IOException when the transfer cannot start or (for local and memory downloads) does not complete
     */
    void retrieve(String path, Exchange exchange, GenericFile<FtplibFile> file) throws IOException {
        FtplibConfiguration config = endpoint.getConfiguration();
        if (endpoint.getLocalWorkDirectory() != null) {
            toLocalFile(path, exchange, file);
        } else if (config.isStreamDownload()) {
            FtplibDownload download = open(path, null);
            download.reportTo(exchange);
            file.setBody(download);
            exchange.getIn().setHeader(FtplibConstants.REMOTE_FILE_INPUT_STREAM, download.getInputStream());
            exchange.getExchangeExtension().addOnCompletion(
                    new DownloadCompletion(download, config.remoteServerInformation()));
        } else {
            FtplibDownload download = open(path, null);
            byte[] bytes;
            try {
                bytes = download.getInputStream().readAllBytes();
            } finally {
                download.abort();
            }
            file.setBody(bytes);
            ReplyHeaders.set(exchange.getIn(), download.getFinalReply());
        }
    }

    /**
     * Sends RETR and opens the data connection.
     *
     * @param path the remote path
     * @param rest the restart offset, or null
     * @return the open download; the caller completes or aborts it
     * @throws IOException when RETR is refused (e.g. 550) or the data connection fails
     */
    FtplibDownload open(String path, Long rest) throws IOException {
        FtplibConfiguration config = endpoint.getConfiguration();
        session.transferType(config.isBinary());
        Ftp ftp = session.client();
        String name = session.enterParent(path);
        DataConnection data = rest == null ? ftp.ntransferCmd("RETR " + name) : ftp.ntransferCmd("RETR " + name, rest);
        return new FtplibDownload(session, data, path, endpoint.getBufferSize(), rest != null);
    }

    private void toLocalFile(String path, Exchange exchange, GenericFile<FtplibFile> file) throws IOException {
        Path workDir = Path.of(endpoint.getLocalWorkDirectory()).toAbsolutePath().normalize();
        Path target = workDir.resolve(file.getRelativeFilePath()).normalize();
        if (!target.startsWith(workDir)) {
            throw new IOException("The file " + path + " would be written outside the localWorkDirectory " + workDir);
        }
        Files.createDirectories(target.getParent());
        PartialDownload partial = PartialDownload.of(target);
        boolean resumable = isResumable();
        long offset = 0;
        if (resumable) {
            offset = partial.resumeOffset(probe.stat(path, true).flatMap(PartialDownload.Version::of));
        } else {
            partial.discard();
        }
        FtplibDownload download = open(path, offset > 0 ? offset : null);
        boolean done = false;
        try (InputStream in = download.getInputStream();
             OutputStream out = Files.newOutputStream(partial.file(), StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE,
                     offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
            done = true;
        } finally {
            download.abort();
            if (!done && !resumable) {
                partial.discard();
            }
        }
        partial.completeAs(target);
        ReplyHeaders.set(exchange.getIn(), download.getFinalReply());
        exchange.getIn().setHeader(FtplibConstants.FILE_LOCAL_WORK_PATH, target.toString());
        file.setBody(target.toFile());
    }

    /**
     * Tells whether a partial file may be continued: {@code resumeDownload} in binary mode (in ASCII mode the local
     * length counts converted line ends, so it is no offset into the remote file).
     */
    private boolean isResumable() {
        FtplibConfiguration config = endpoint.getConfiguration();
        return config.isResumeDownload() && config.isBinary();
    }
}
