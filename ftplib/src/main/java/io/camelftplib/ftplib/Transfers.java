package io.camelftplib.ftplib;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Runs the transfers of one {@link Ftp}: the bodies of ftplib's {@code retrbinary}, {@code retrlines},
 * {@code storbinary} and {@code storlines}, plus the stream variants beyond ftplib. Each sends {@code TYPE}, opens
 * the data connection through {@link Ftp#ntransferCmd(String, String)} (so {@link FtpTls} secures it), copies in
 * blocks, closes the connection and reads the final reply.
 *
 * <p>A failure after the 1xx reply leaves the final reply unread, so it marks the connection out of sync. Closes
 * every data connection it opens; the caller owns the streams it passes in. Not thread-safe: it shares its
 * {@link Ftp}'s one conversation.
 */
final class Transfers {

    // the JDK's socket reads move at most 128 KiB per system call (NioSocketImpl), so one buffer is one call;
    // against 64 KiB it cut client CPU per GiB by about 15% on loopback downloads (benchmarks, issue #7). Larger
    // buffers measured the same, and an explicit SO_RCVBUF no better than the kernel's autotuning, which setting
    // it would switch off. Uploads write less at once: see UploadStream.WRITE_SIZE.
    private static final int STREAM_BUFFER_SIZE = 128 * 1024;

    private final Ftp ftp;

    Transfers(Ftp ftp) {
        this.ftp = ftp;
    }

    /** What a transfer does with its open data connection; returns the bytes received, 0 for an upload. */
    @FunctionalInterface
    private interface Body {
        long run(DataConnection conn) throws IOException;
    }

    /** What a download does with the data connection's input; returns the bytes received. */
    @FunctionalInterface
    private interface Download {
        long read(InputStream in) throws IOException;
    }

    /** {@link Ftp#retrBinary(String, IOConsumer, int, String)}: a fresh array per block, as ftplib's bytes. */
    String retrBinary(String cmd, IOConsumer<byte[]> callback, int blocksize, String rest) throws IOException {
        return download(cmd, rest, in -> {
            byte[] buffer = new byte[blocksize];
            long received = 0;
            int n;
            while ((n = in.read(buffer, 0, blocksize)) >= 0) {
                if (n > 0) {
                    received += n;
                    callback.accept(Arrays.copyOf(buffer, n));
                }
            }
            return received;
        });
    }

    /** {@link Ftp#retrBinary(String, OutputStream, String)}: one reused buffer, no copy per block. */
    String retrBinary(String cmd, OutputStream out, String rest) throws IOException {
        return download(cmd, rest, in -> copy(in, out, STREAM_BUFFER_SIZE));
    }

    /** Sends {@code TYPE I}, reads the data connection, and checks the count against a 150's size. */
    private String download(String cmd, String rest, Download reader) throws IOException {
        ftp.voidCmd("TYPE I");
        DataConnection conn = ftp.ntransferCmd(cmd, rest);
        long received = run(cmd, conn, c -> reader.read(c.socket().getInputStream()));
        return finishDownload(cmd, conn.size(), rest, received);
    }

    private String finishDownload(String cmd, OptionalLong announced, String rest, long received)
            throws IOException {
        String resp = ftp.voidResp();
        // only a whole-file transfer can be compared with the announced size (contract H11)
        if (rest == null && announced.isPresent() && announced.getAsLong() != received) {
            throw new FtpProtoException(resp, "the server announced " + announced.getAsLong() + " bytes for "
                    + ftp.describe(cmd) + " but sent " + received + "; the transfer was truncated", null);
        }
        return resp;
    }

    /** {@link Ftp#retrLines(String, IOConsumer)}: text in the encoding, lines bounded by {@code maxline}. */
    String retrLines(String cmd, IOConsumer<String> callback) throws IOException {
        ftp.sendCmd("TYPE A");
        run(cmd, ftp.ntransferCmd(cmd, null), conn -> {
            LineReader reader = new LineReader(conn.socket().getInputStream(), ftp.getEncoding());
            String line;
            while (!(line = reader.readLine(ftp.getMaxline())).isEmpty()) {
                ftp.log.retr(line);
                callback.accept(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
            }
            // ftplib prints the empty read that ends the data too: *retr* ''
            ftp.log.retr(line);
            return 0;
        });
        return ftp.voidResp();
    }

    /** {@link Ftp#storBinary(String, InputStream, int, IOConsumer, String)}, ftplib's parameters in its order. */
    String storBinary(String cmd, InputStream in, int blocksize, IOConsumer<byte[]> callback, String rest)
            throws IOException {
        ftp.voidCmd("TYPE I");
        return upload(cmd, ftp.ntransferCmd(cmd, rest), out -> {
            if (callback == null) {
                copy(in, out, Math.max(blocksize, UploadStream.WRITE_SIZE));
            } else {
                byte[] block;
                while ((block = in.readNBytes(blocksize)).length > 0) {
                    out.write(block);
                    callback.accept(block);
                }
            }
            out.flush();
        });
    }

    /** Copies {@code in} to its end and returns the bytes copied. */
    private static long copy(InputStream in, OutputStream out, int bufferSize) throws IOException {
        byte[] buffer = new byte[bufferSize];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            copied += n;
            out.write(buffer, 0, n);
        }
        return copied;
    }

    /** {@link Ftp#storLines(String, InputStream, IOConsumer)}: lines at {@code \n}, sent with CRLF. */
    String storLines(String cmd, InputStream in, IOConsumer<byte[]> callback) throws IOException {
        ftp.voidCmd("TYPE A");
        return upload(cmd, ftp.ntransferCmd(cmd, null), upload -> {
            OutputStream out = new BufferedOutputStream(upload, UploadStream.WRITE_SIZE);
            InputStream lines = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
            byte[] line;
            while ((line = BinaryLines.read(lines, ftp.getMaxline())).length > 0) {
                byte[] sent = BinaryLines.toCrlf(line);
                out.write(sent);
                if (callback != null) {
                    callback.accept(sent);
                }
            }
            out.flush();
        });
    }

    /** Hands the connection's bounded upload stream to a writer that flushes it, and reads the final reply. */
    private String upload(String cmd, DataConnection conn, IOConsumer<OutputStream> writer) throws IOException {
        // the upload stream already explains a stalled write (H26)
        run(cmd, conn, c -> {
            try (OutputStream out = c.outputStream()) {
                writer.accept(out);
            }
            return 0;
        });
        return ftp.voidResp();
    }

    /** Runs a body on the data connection and closes it; a failure before the final reply desyncs the control. */
    private long run(String cmd, DataConnection conn, Body body) throws IOException {
        try (conn) {
            return body.run(conn);
        } catch (IOException | RuntimeException e) {
            ftp.markOutOfSync("the transfer " + ftp.describe(cmd) + " failed before its final reply: " + e);
            throw e;
        }
    }
}
