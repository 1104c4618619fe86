package io.camelftplib.camel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.camelftplib.ftplib.Ftp;
import org.apache.camel.Message;

/**
 * The checksum of one transfer: computed over the bytes as they stream through {@link #track(InputStream)} (the
 * upload's body as it is read, or the download as it arrives), then compared with the digest the server computes
 * of the stored file ({@link #verify}). Used by uploads and downloads alike; see {@link FtplibVerifyChecksum}.
 *
 * <p>Not thread-safe: one per transfer.
 */
final class TransferChecksum {

    private final RemoteHash remote;
    private final HashAlgorithm.RunningDigest digest;
    private String hex;

    private TransferChecksum(RemoteHash remote) {
        this.remote = remote;
        this.digest = remote.algorithm().start();
    }

    /**
     * Starts the checksum of a transfer as the option asks, before any byte moves.
     *
     * @param mode     the option's value
     * @param features what the connection's FEAT offered
     * @param server   the server, for the message
     * @return the checksum to track, or empty when none is wanted or ({@code auto}) the server offers none
     * @throws ChecksumVerificationException with {@code required} when the server offers no hash command
     */
    static Optional<TransferChecksum> start(FtplibVerifyChecksum mode, ServerFeatures features, String server)
            throws ChecksumVerificationException {
        if (mode == FtplibVerifyChecksum.NONE) {
            return Optional.empty();
        }
        Optional<RemoteHash> remote = RemoteHash.offeredBy(features);
        if (remote.isEmpty() && mode == FtplibVerifyChecksum.REQUIRED) {
            throw new ChecksumVerificationException("verifyChecksum=required, but " + server + " offers none of "
                    + RemoteHash.COMMANDS + " in its FEAT reply (it offers " + features.keywords() + "); use "
                    + "verifyChecksum=auto to transfer unverified from such a server");
        }
        return remote.map(TransferChecksum::new);
    }

    /**
     * Wraps a stream so every byte read from it is added to the digest (skipped bytes too, which are read).
     *
     * @param in the stream; the caller still owns it, closing the wrapper closes it
     * @return the tracking stream
     */
    InputStream track(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    digest.update(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    digest.update(b, off, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // read what is skipped, so the digest covers it
                return readNBytes((int) Math.min(n, 65536)).length;
            }
        };
    }

    /**
     * Finishes the digest and compares it with the server's digest of the stored file.
     *
     * @param ftp  the client, in step (the transfer's final reply was read)
     * @param path the file as the transfer command named it
     * @param what the file as the route knows it, for the message
     * @return the digest in lower-case hex
     * @throws ChecksumVerificationException when the digests differ
     * @throws IOException               when the server does not answer with a digest
     */
    String verify(Ftp ftp, String path, String what) throws IOException {
        hex = digest.hex();
        String theirs = remote.ask(ftp, path);
        if (!theirs.equals(hex)) {
            throw new ChecksumVerificationException("The " + remote.algorithm().hashName() + " digest of " + what
                    + " differs: " + hex + " over the bytes transferred, " + theirs + " from the server's "
                    + remote.describe() + "; the file was altered on the way or on the server, nothing was "
                    + "committed");
        }
        return hex;
    }

    /**
     * Puts the verified digest on a message: {@link FtplibConstants#CHECKSUM} and
     * {@link FtplibConstants#CHECKSUM_ALGORITHM}.
     *
     * @param message the message
     * @throws IllegalStateException before {@link #verify}
     */
    void setHeaders(Message message) {
        if (hex == null) {
            throw new IllegalStateException("the checksum is not verified yet");
        }
        message.setHeader(FtplibConstants.CHECKSUM, hex);
        message.setHeader(FtplibConstants.CHECKSUM_ALGORITHM, remote.algorithm().hashName());
    }
}
