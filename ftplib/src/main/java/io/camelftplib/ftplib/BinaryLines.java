package io.camelftplib.ftplib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of bytes at {@code \n} and gives them CRLF endings, as ftplib's {@code storlines} does with
 * {@code fp.readline(maxline + 1)} on a binary file.
 *
 * <p>Stateless.
 */
final class BinaryLines {

    private BinaryLines() {
    }

    /**
     * Reads up to and including the next {@code \n}.
     *
     * @return the line, or an empty array at the end of the stream
     * @throws FtpException when more than {@code maxline} bytes come before the {@code \n}
     */
    static byte[] read(InputStream in, int maxline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (line.size() > maxline) {
                throw new FtpException("got more than " + maxline + " bytes");
            }
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    /** Ends a line with CRLF: a lone trailing CR or LF is replaced, a missing ending is added. */
    static byte[] toCrlf(byte[] line) {
        int n = line.length;
        if (n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n') {
            return line;
        }
        int keep = n > 0 && (line[n - 1] == '\r' || line[n - 1] == '\n') ? n - 1 : n;
        byte[] out = Arrays.copyOf(line, keep + 2);
        out[keep] = '\r';
        out[keep + 1] = '\n';
        return out;
    }
}
