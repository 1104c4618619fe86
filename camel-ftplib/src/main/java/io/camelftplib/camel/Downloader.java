package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import io.camelftplib.ftplib.ExpectedSize;
import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.RetrieveStream;
import io.camelftplib.ftplib.TransferType;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/**
 * Fetches a remote file with {@code RETR} in one of three ways: streamed into the body (the default, see
 * {@link FtplibDownload}), into a file of the local work directory (written under a {@code .inprogress} name and
 * moved into place only after the server confirmed the transfer; {@code resumeDownload} continues a partial file
 * with {@code REST} when {@link PartialDownload} proves it came from the same remote file), or into memory
 * ({@code streamDownload=false}).
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
            FtplibDownload download = open(path, 0, file.getFile());
            download.reportTo(exchange, config.remoteServerInformation());
            file.setBody(download);
            exchange.getIn().setHeader(FtplibConstants.REMOTE_FILE_INPUT_STREAM, download.getInputStream());
            exchange.getExchangeExtension().addOnCompletion(
                    new DownloadCompletion(download, config.remoteServerInformation()));
        } else {
            FtplibDownload download = open(path, 0, file.getFile());
            download.reportTo(exchange, config.remoteServerInformation());
            byte[] bytes;
            try {
                bytes = download.content().readAllBytes();
            } finally {
                download.abort();
            }
            file.setBody(bytes);
            ReplyHeaders.set(exchange.getIn(), download.getFinalReply());
        }
    }

    /**
     * Sends RETR (after {@code REST} when resuming) and opens the data connection. The engine's stream checks the
     * bytes that arrive against the size the entry gives (from the listing, MLST or SIZE), the offset accounted for.
     *
     * @param path  the remote path
     * @param rest  the restart offset, 0 for none
     * @param entry what is known of the file, or null when nothing is
     * @return the open download; the caller completes or aborts it
     * @throws IOException when RETR is refused (e.g. 550) or the data connection fails
     */
    FtplibDownload open(String path, long rest, FtplibFile entry) throws IOException {
        boolean binary = endpoint.getConfiguration().isBinary();
        // in ASCII mode the server converts line ends, so no byte count can be compared with the stored size
        ExpectedSize expected = binary && entry != null && entry.size() >= 0
                ? ExpectedSize.of(entry.size(), entry.sizeSource()) : ExpectedSize.unknown();
        Ftp ftp = session.client();
        String name = session.enterParent(path);
        FtplibConfiguration config = endpoint.getConfiguration();
        // before RETR: verifyChecksum=required fails here when the server offers no hash command
        Optional<TransferChecksum> checksum = TransferChecksum.start(config.getVerifyChecksum(), session.features(),
                config.remoteServerInformation());
        RetrieveStream remote = ftp.retrStream("RETR " + name, rest, expected,
                binary ? TransferType.BINARY : TransferType.ASCII);
        session.typeSent(binary);
        long size = remote.announcedSize().orElse(expected.bytes().orElse(-1));
        FtplibDownload download = new FtplibDownload(remote, path, endpoint.getBufferSize(), expected.bytes(),
                TransferProgress.download(config, path, size));
        checksum.ifPresent(c -> download.verifyWith(c, ftp, name));
        return download;
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
        FtplibFile entry = file.getFile();
        if (endpoint.isKeepLastModified() && !resumable && entry.lastModified() < 0) {
            // keepLastModified needs the time an NLST listing does not give: MLST, else MDTM
            entry = probe.stat(path, true).orElse(entry);
        }
        if (resumable) {
            // the version now, asked for exactly this file: it decides whether the partial may be continued
            Optional<FtplibFile> now = probe.stat(path, true);
            entry = now.orElse(entry);
            offset = partial.resumeOffset(now.flatMap(PartialDownload.Version::of));
        } else {
            partial.discard();
        }
        FtplibDownload download = open(path, offset, entry);
        download.reportTo(exchange, endpoint.getConfiguration().remoteServerInformation());
        if (offset > 0 && download.checksum().isPresent()) {
            digestPartial(download.checksum().get(), partial.file());
        }
        boolean done = false;
        try (InputStream in = download.content();
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
        LastModifiedKeeper.keepLocally(endpoint, target, entry);
        ReplyHeaders.set(exchange.getIn(), download.getFinalReply());
        exchange.getIn().setHeader(FtplibConstants.FILE_LOCAL_WORK_PATH, target.toString());
        file.setBody(target.toFile());
    }

    /** Adds the bytes an earlier attempt kept to the checksum, so it covers the whole file. */
    private static void digestPartial(TransferChecksum checksum, Path partial) throws IOException {
        try (InputStream kept = checksum.track(Files.newInputStream(partial))) {
            kept.transferTo(OutputStream.nullOutputStream());
        }
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
