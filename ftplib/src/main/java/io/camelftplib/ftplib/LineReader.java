package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Reads text lines the way ftplib's text-mode socket files do: universal newlines ({@code \r\n}, {@code \n} and
 * a lone {@code \r} all end a line and come back as {@code \n}), strict decoding, and a bound of {@code maxline}
 * characters per line that also bounds the bytes held in memory.
 *
 * <p>Owns a read buffer over a stream it does not close. Not thread-safe.
 */
final class LineReader {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final int maxBytesPerChar;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    LineReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxBytesPerChar = Math.max(1, (int) Math.ceil(charset.newEncoder().maxBytesPerChar()));
    }

    /**
     * Reads one line.
     *
     * @param maxline the most characters a line may have, its newline included (ftplib's {@code maxline})
     * @return the line with its terminator translated to {@code \n}; without one when the stream ended first;
     *         empty at the end of the stream
     * @throws FtpException when the line has more than {@code maxline} characters
     * @throws FtpProtoException when the bytes are not valid in the charset
     * @throws IOException when reading fails
     */
    String readLine(int maxline) throws IOException {
        long byteBudget = (long) (maxline + 1) * maxBytesPerChar;
        int length = 0;
        boolean terminated = false;
        while (!terminated) {
            int b = read();
            if (b < 0) {
                break;
            }
            if (b == '\n') {
                terminated = true;
            } else if (b == '\r') {
                terminated = true;
                // as Python's decoder, wait for the next byte to tell "\r\n" from a lone "\r"
                if (peek() == '\n') {
                    position++;
                }
            } else {
                if (length >= byteBudget) {
                    throw tooLong(maxline);
                }
                append(length++, (byte) b);
            }
        }
        String text = decode(length);
        int chars = text.length() + (terminated ? 1 : 0);
        if (chars > maxline) {
            throw tooLong(maxline);
        }
        return terminated ? text + '\n' : text;
    }

    /**
     * Tells whether bytes were received that no line has consumed yet (so plain text injected before a TLS
     * handshake is refused).
     *
     * @return true when the buffer holds unread bytes
     */
    boolean hasBufferedBytes() {
        return position < limit;
    }

    private static FtpException tooLong(int maxline) {
        return new FtpException("got more than " + maxline + " bytes");
    }

    private void append(int index, byte b) {
        if (index == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[index] = b;
    }

    private String decode(int length) throws FtpProtoException {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new FtpProtoException("received bytes that are not valid " + decoder.charset().name(),
                    "set the encoding to the one the server uses", e);
        }
    }

    /**
     * Waits until a byte can be read, consuming nothing: a read that times out here loses no part of a line.
     *
     * @return false at the end of the stream
     * @throws java.net.SocketTimeoutException when nothing arrived within the socket's timeout
     */
    boolean awaitByte() throws IOException {
        return peek() >= 0;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
