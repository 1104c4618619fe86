package io.camelftplib.camel;

import java.io.IOException;
import java.util.OptionalLong;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpProtoException;

/**
 * Compares the server's {@code SIZE} of a stored file with the bytes an upload sent.
 *
 * <p>Stateless.
 */
final class StoredSizeCheck {

    private StoredSizeCheck() {
    }

    static void check(Ftp ftp, String cmd, String name, long expected) throws IOException {
        OptionalLong stored = ftp.size(name);
        if (stored.isPresent() && stored.getAsLong() != expected) {
            throw new FtpProtoException("213 " + stored.getAsLong(), cmd + " sent " + expected + " bytes but the "
                    + "SIZE reply after the upload says " + stored.getAsLong(), null);
        }
    }
}
