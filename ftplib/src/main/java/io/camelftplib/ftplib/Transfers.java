package io.camelftplib.ftplib;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Runs the transfers of one {@link Ftp}: the bodies of ftplib's {@code retrbinary}, {@code retrlines},
 * {@code storbinary} and {@code storlines}, plus the stream variants beyond ftplib. Each sends {@code TYPE}, opens
 * the data connection through {@link Ftp#ntransferCmd(String, String)} (so {@link FtpTls} secures it), and moves
 * the data through a {@link RetrieveStream} or {@link StoreStream}, which own the end of every transfer: closing
 * the data connection, the final reply, the size check ({@link TransferCheck}) and the out-of-step marking.
 *
 * <p>Closes every data connection it opens; the caller owns the streams it passes in. Not thread-safe: it shares
 * its {@link Ftp}'s one conversation.
 */
final class Transfers {

    // the JDK's socket reads move at most 128 KiB per system call (NioSocketImpl), so one buffer is one call;
    // against 64 KiB it cut client CPU per GiB by about 15% on loopback downloads (measured with the benchmarks
    // module). Larger buffers measured the same, and an explicit SO_RCVBUF no better than the kernel's
    // autotuning, which setting it would switch off. Uploads write less at once: see UploadStream.WRITE_SIZE.
    private static final int STREAM_BUFFER_SIZE = 128 * 1024;

    private final Ftp ftp;

    Transfers(Ftp ftp) {
        this.ftp = ftp;
    }

    /** {@link Ftp#retrStream(String, long, ExpectedSize, TransferType)}. */
    RetrieveStream retrieve(String cmd, String rest, ExpectedSize expected, TransferType type) throws IOException {
        ExpectedSize resolved = type == TransferType.BINARY ? ftp.expectationFor(cmd, expected) : expected;
        ftp.voidCmd(type.command());
        DataConnection conn = ftp.ntransferCmd(cmd, rest);
        // text transfers convert line ends, so no size can be compared; nor a REST marker that is no byte count
        long offset = type == TransferType.BINARY ? offset(rest) : -1;
        return new RetrieveStream(new OpenTransfer(ftp, cmd, conn), new TransferCheck(cmd, ftp.where(), offset),
                resolved);
    }

    /** {@link Ftp#storStream(String, long, TransferType)}. */
    StoreStream store(String cmd, String rest, TransferType type) throws IOException {
        ftp.voidCmd(type.command());
        return new StoreStream(new OpenTransfer(ftp, cmd, ftp.ntransferCmd(cmd, rest)));
    }

    /** The byte offset of a REST argument: 0 for none, -1 for one that is not a decimal count. */
    private static long offset(String rest) {
        if (rest == null) {
            return 0;
        }
        try {
            return Long.parseLong(rest);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@link Ftp#retrBinary(String, IOConsumer, int, String)}: a fresh array per block, as ftplib's bytes. */
    String retrBinary(String cmd, IOConsumer<byte[]> callback, int blocksize, String rest) throws IOException {
        try (RetrieveStream in = retrieve(cmd, rest, ExpectedSize.unknown(), TransferType.BINARY)) {
            byte[] buffer = new byte[blocksize];
            int n;
            while ((n = in.read(buffer, 0, blocksize)) >= 0) {
                if (n > 0) {
                    deliver(in, callback, Arrays.copyOf(buffer, n));
                }
            }
            return in.finalReply();
        }
    }

    /** {@link Ftp#retrBinary(String, OutputStream, String)}: one reused buffer, no copy per block. */
    String retrBinary(String cmd, OutputStream out, String rest) throws IOException {
        try (RetrieveStream in = retrieve(cmd, rest, ExpectedSize.unknown(), TransferType.BINARY)) {
            byte[] buffer = new byte[STREAM_BUFFER_SIZE];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException | RuntimeException e) {
                    in.fail(e);
                    throw e;
                }
            }
            return in.finalReply();
        }
    }

    /** Hands data to the caller's callback; its failure fails the transfer before the final reply. */
    private static <T> void deliver(RetrieveStream in, IOConsumer<T> callback, T data) throws IOException {
        try {
            callback.accept(data);
        } catch (IOException | RuntimeException e) {
            in.fail(e);
            throw e;
        }
    }

    /** {@link Ftp#retrLines(String, IOConsumer)}: text in the encoding, lines bounded by {@code maxline}. */
    String retrLines(String cmd, IOConsumer<String> callback) throws IOException {
        // ftplib sends TYPE A with sendcmd, accepting any 1-3xx reply
        ftp.sendCmd("TYPE A");
        OpenTransfer transfer = new OpenTransfer(ftp, cmd, ftp.ntransferCmd(cmd, null));
        try {
            // the line reader reads ahead: the transfer ends only after the last line, so a line too long fails it
            // before its final reply, as in ftplib
            LineReader reader = new LineReader(transfer.data().socket().getInputStream(), ftp.getEncoding());
            String line;
            while (!(line = reader.readLine(ftp.getMaxline())).isEmpty()) {
                ftp.log.retr(line);
                callback.accept(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
            }
            // ftplib prints the empty read that ends the data too: *retr* ''
            ftp.log.retr(line);
        } catch (IOException | RuntimeException e) {
            transfer.fail(e);
            throw e;
        }
        return transfer.finish(reply -> { });
    }

    /** {@link Ftp#storBinary(String, InputStream, int, IOConsumer, String)}, ftplib's parameters in its order. */
    String storBinary(String cmd, InputStream in, int blocksize, IOConsumer<byte[]> callback, String rest)
            throws IOException {
        StoreStream out = store(cmd, rest, TransferType.BINARY);
        try {
            if (callback == null) {
                byte[] buffer = new byte[Math.max(blocksize, UploadStream.WRITE_SIZE)];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } else {
                byte[] block;
                while ((block = in.readNBytes(blocksize)).length > 0) {
                    out.write(block);
                    callback.accept(block);
                }
            }
        } catch (IOException | RuntimeException e) {
            out.fail(e);
            throw e;
        }
        out.close();
        return out.finalReply();
    }

    /** {@link Ftp#storLines(String, InputStream, IOConsumer)}: lines at {@code \n}, sent with CRLF. */
    String storLines(String cmd, InputStream in, IOConsumer<byte[]> callback) throws IOException {
        StoreStream upload = store(cmd, null, TransferType.ASCII);
        try {
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
        } catch (IOException | RuntimeException e) {
            upload.fail(e);
            throw e;
        }
        upload.close();
        return upload.finalReply();
    }
}
