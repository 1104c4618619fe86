package io.camelftplib.ftplib;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs the transfers of one {@link Ftp}: the bodies of ftplib's {@code retrbinary}, {@code retrlines},
 * {@code storbinary} and {@code storlines}, plus the stream variants beyond ftplib. Each sends {@code TYPE}, opens
 * the data connection through the {@link DataChannel.Hooks} (so {@link FtpTls} secures it), and moves
 * the data through a {@link RetrieveStream} or {@link StoreStream}, which own the end of every transfer: closing
 * the data connection, the final reply, the size check ({@link TransferCheck}) and the out-of-step marking.
 *
 * <p>Closes every data connection it opens; the caller owns the streams it passes in. Not thread-safe: it shares
 * one {@link Conversation}.
 */
final class Transfers {

    // the JDK's socket reads move at most 128 KiB per system call (NioSocketImpl), so one buffer is one call;
    // against 64 KiB it cut client CPU per GiB by about 15% on loopback downloads (measured with the benchmarks
    // module). Larger buffers measured the same, and an explicit SO_RCVBUF no better than the kernel's
    // autotuning, which setting it would switch off. Uploads write less at once: see UploadStream.WRITE_SIZE.
    private static final int STREAM_BUFFER_SIZE = 128 * 1024;

    private final Conversation conversation;
    private final DataSettings settings;

    Transfers(Conversation conversation, DataSettings settings) {
        this.conversation = conversation;
        this.settings = settings;
    }

    /** {@link Ftp#retrStream(String, long, ExpectedSize, TransferType)}: misuse is refused before anything is sent. */
    RetrieveStream retrieve(DataChannel.Hooks hooks, String cmd, long rest, ExpectedSize expected, TransferType type)
            throws IOException {
        if (type == TransferType.ASCII && expected.isKnown()) {
            throw new IllegalArgumentException("an ASCII transfer converts line ends, so its size cannot be checked"
                    + " against " + expected + "; pass ExpectedSize.unknown() or use TransferType.BINARY");
        }
        return retrieve(hooks, cmd, restArgument(rest), expected, type);
    }

    private RetrieveStream retrieve(DataChannel.Hooks hooks, String cmd, String rest, ExpectedSize expected,
            TransferType type) throws IOException {
        ExpectedSize resolved = type == TransferType.BINARY ? conversation.expectationFor(cmd, expected) : expected;
        conversation.voidCmd(type.command());
        DataConnection conn = hooks.ntransferCmd(cmd, rest);
        // text transfers convert line ends, so no size can be compared; nor a REST marker that is no byte count
        long offset = type == TransferType.BINARY ? offset(rest) : -1;
        return new RetrieveStream(new OpenTransfer(conversation, cmd, conn, settings),
                new TransferCheck(cmd, conversation.where(), offset), resolved);
    }

    /** {@link Ftp#storStream(String, long, TransferType)}. */
    StoreStream store(DataChannel.Hooks hooks, String cmd, long rest, TransferType type) throws IOException {
        return store(hooks, cmd, restArgument(rest), type);
    }

    private StoreStream store(DataChannel.Hooks hooks, String cmd, String rest, TransferType type) throws IOException {
        conversation.voidCmd(type.command());
        return new StoreStream(new OpenTransfer(conversation, cmd, hooks.ntransferCmd(cmd, rest), settings));
    }

    private static String restArgument(long rest) {
        if (rest < 0) {
            throw new IllegalArgumentException("the restart offset cannot be negative, was " + rest);
        }
        return rest == 0 ? null : Long.toString(rest);
    }

    /** {@link Ftp#checkStoredSize(String, long)}: SIZE, then the one size rule; unchecked without SIZE. */
    OptionalLong checkStoredSize(String path, long expectedBytes) throws IOException {
        String resp;
        try {
            resp = conversation.sendCmd("SIZE " + path);
        } catch (FtpPermException e) {
            // RFC 3659 section 4: a server without SIZE answers as to any unknown command
            if (Set.of("500", "502", "504").contains(e.replyCode())) {
                return OptionalLong.empty();
            }
            throw e;
        }
        OptionalLong stored = FtpReplies.parse213(resp, conversation.context(resp));
        if (stored.isPresent()) {
            new TransferCheck("SIZE " + path, conversation.where(), 0).upload(resp, expectedBytes, stored.getAsLong());
        }
        return stored;
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
    String retrBinary(DataChannel.Hooks hooks, String cmd, IOConsumer<byte[]> callback, int blocksize, String rest)
            throws IOException {
        try (RetrieveStream in = retrieve(hooks, cmd, rest, ExpectedSize.unknown(), TransferType.BINARY)) {
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
    String retrBinary(DataChannel.Hooks hooks, String cmd, OutputStream out, String rest) throws IOException {
        try (RetrieveStream in = retrieve(hooks, cmd, rest, ExpectedSize.unknown(), TransferType.BINARY)) {
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
    String retrLines(DataChannel.Hooks hooks, String cmd, IOConsumer<String> callback) throws IOException {
        // ftplib sends TYPE A with sendcmd, accepting any 1-3xx reply
        conversation.sendCmd("TYPE A");
        OpenTransfer transfer = new OpenTransfer(conversation, cmd, hooks.ntransferCmd(cmd, null), settings);
        long lines = 0;
        try (ListingDeadline deadline = ListingDeadline.start(conversation.describe(cmd), settings.listingTimeout(),
                transfer.data().socket())) {
            try {
                // the line reader reads ahead: the transfer ends only after the last line, so a line too long fails
                // it before its final reply, as in ftplib
                LineReader reader = new LineReader(transfer.data().socket().getInputStream(), conversation.encoding());
                String line;
                while (!(line = reader.readLine(conversation.maxline())).isEmpty()) {
                    conversation.log().retr(line);
                    lines++;
                    callback.accept(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
                }
                // ftplib prints the empty read that ends the data too: *retr* ''
                conversation.log().retr(line);
            } catch (IOException e) {
                IOException explained = deadline.explain(e, lines);
                transfer.fail(explained);
                throw explained;
            } catch (RuntimeException e) {
                transfer.fail(e);
                throw e;
            }
        }
        return transfer.finish(reply -> { });
    }

    /** {@link Ftp#storBinary(String, InputStream, int, IOConsumer, String)}, ftplib's parameters in its order. */
    String storBinary(DataChannel.Hooks hooks, String cmd, InputStream in, int blocksize,
            IOConsumer<byte[]> callback, String rest) throws IOException {
        StoreStream out = store(hooks, cmd, rest, TransferType.BINARY);
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
    String storLines(DataChannel.Hooks hooks, String cmd, InputStream in, IOConsumer<byte[]> callback)
            throws IOException {
        StoreStream upload = store(hooks, cmd, null, TransferType.ASCII);
        try {
            OutputStream out = new BufferedOutputStream(upload, UploadStream.WRITE_SIZE);
            InputStream lines = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
            byte[] line;
            while ((line = BinaryLines.read(lines, conversation.maxline())).length > 0) {
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
