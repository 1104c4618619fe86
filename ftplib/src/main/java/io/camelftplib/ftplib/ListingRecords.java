package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Objects;

/**
 * The records of a listing's data connection as the protocol sends them: each ends with CRLF (RFC 959 section
 * 3.1.1.1, ASCII type), so a bare CR or LF stays inside its record, where a caller can see that the name it
 * belongs to holds one. ftplib has no counterpart: {@link Ftp#retrLines(String, IOConsumer)} reads Python's
 * universal newlines, which turn such a name into several fragment lines. Opened by
 * {@link Ftp#retrRecords(String, int, long)}.
 *
 * <p>Memory is bounded: a record keeps at most {@code maxRecordBytes} bytes and a longer one is read on to its CRLF
 * and handed out as {@link Status#TOO_LONG}, so one long entry costs only itself; the listing as a whole may carry
 * at most {@code maxListingBytes} bytes, beyond which {@link #next()} fails.
 *
 * <p>Owns the transfer: the read that meets the end of the data reads the final reply; {@link #close()} before that
 * gives the rest of the listing up (the data connection is reset and the final reply, 426 or 226, read, so the
 * control connection stays in step). Not thread-safe: one reader.
 */
public final class ListingRecords implements AutoCloseable {

    /** How a record arrived. */
    public enum Status {
        /** Whole, ended by CRLF (or by the end of the data), valid in the encoding. */
        WHOLE,
        /** Longer than the bound: its text is the first bytes only, decoded leniently. */
        TOO_LONG,
        /** Not valid in the encoding: its text is decoded leniently. */
        UNDECODABLE
    }

    /**
     * One record of a listing.
     *
     * @param text   the record without its CRLF; bare CR and LF kept
     * @param bytes  how many bytes the record had on the wire, without its CRLF
     * @param status whether it is whole, too long or undecodable
     */
    public record ListingRecord(String text, long bytes, Status status) {

        /**
         * Validates the record.
         *
         * @param text   the text
         * @param bytes  the length on the wire
         * @param status the status
         * @throws NullPointerException when text or status is null
         */
        public ListingRecord {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(status, "status");
        }
    }

    private static final int BUFFER_SIZE = 16 * 1024;

    private final RetrieveStream in;
    private final String command;
    private final CharsetDecoder strict;
    private final Charset charset;
    private final int maxRecordBytes;
    private final long maxListingBytes;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private byte[] record = new byte[256];
    private int position;
    private int limit;
    private long listingBytes;
    private boolean ended;
    private final ListingDeadline deadline;
    private long records;

    ListingRecords(RetrieveStream in, String command, Charset charset, int maxRecordBytes, long maxListingBytes,
                   ListingDeadline deadline) {
        this.in = in;
        this.deadline = deadline;
        this.command = command;
        this.charset = charset;
        this.strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxRecordBytes = maxRecordBytes;
        this.maxListingBytes = maxListingBytes;
    }

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} once the data ended and the server's final 2xx reply was read
     * @throws FtpException when the listing exceeds {@code maxListingBytes} (the transfer is aborted, the control
     *                      connection stays in step when the server answers the abort)
     * @throws IOException  as {@link RetrieveStream#read(byte[], int, int)}: a 4xx/5xx final reply, or a failed
     *                      read (out of step then)
     */
    public ListingRecord next() throws IOException {
        if (ended) {
            return null;
        }
        long length = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                ended = true;
                // the last record may lack its CRLF; an empty remainder is no record
                return length == 0 ? null : record(length);
            }
            if (b == '\r' && peek() == '\n') {
                position++;
                listingBytes++;
                records++;
                return record(length);
            }
            if (length < maxRecordBytes) {
                if (length == record.length) {
                    record = Arrays.copyOf(record, Math.min(record.length * 2, maxRecordBytes));
                }
                record[(int) length] = (byte) b;
            }
            length++;
        }
    }

    /**
     * Returns the server's final reply once {@link #next()} returned {@code null}.
     *
     * @return the 2xx reply, or {@code null} while the listing is still open
     */
    public String finalReply() {
        return in.finalReply();
    }

    /**
     * Gives up the rest of the listing when it has not ended: resets the data connection and reads the final reply
     * (426 or 226), as {@link RetrieveStream#abort()} does. Does nothing after the end; safe to call more than once.
     */
    @Override
    public void close() {
        deadline.close();
        in.close();
    }

    private ListingRecord record(long length) {
        int kept = (int) Math.min(length, maxRecordBytes);
        if (length > maxRecordBytes) {
            return new ListingRecord(new String(record, 0, kept, charset), length, Status.TOO_LONG);
        }
        try {
            return new ListingRecord(strict.reset().decode(ByteBuffer.wrap(record, 0, kept)).toString(), length,
                    Status.WHOLE);
        } catch (CharacterCodingException e) {
            return new ListingRecord(new String(record, 0, kept, charset), length, Status.UNDECODABLE);
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        listingBytes++;
        if (listingBytes > maxListingBytes) {
            in.close();
            throw new FtpException("the listing of " + command + " is longer than " + maxListingBytes
                    + " bytes, the most this client reads of one listing; it was given up");
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
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            deadline.close();
            throw deadline.explain(e, records);
        }
        if (n < 0) {
            deadline.close();
            return false;
        }
        position = 0;
        limit = n;
        return n > 0 || fill();
    }
}
