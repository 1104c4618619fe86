package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.camelftplib.ftplib.ListingRecords.ListingRecord;
import io.camelftplib.ftplib.ListingRecords.Status;
import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Ftp#retrRecords}: a listing read as CRLF-terminated records, against listings no real server sends (names
 * with bare CR and LF, an endless record, bytes that are not valid in the encoding), so that a caller can skip the
 * bad entries and keep the others, and the conversation stays in step however the listing ends.
 */
@Timeout(30)
class ListingRecordsTest {

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    @Test
    void bareCrAndLfStayInsideTheirRecord() throws IOException {
        scripted.server().nextData("evil\nname.txt\r\ncr\rname.txt\r\nplain.txt\r\n");
        Ftp ftp = scripted.client();
        List<ListingRecord> records;
        String reply;
        try (ListingRecords listing = ftp.retrRecords("NLST", 8192, 1 << 20)) {
            records = readAll(listing);
            reply = listing.finalReply();
        }
        assertThat(records).extracting(ListingRecord::text).containsExactly("evil\nname.txt", "cr\rname.txt",
                "plain.txt");
        assertThat(records).extracting(ListingRecord::status).containsOnly(Status.WHOLE);
        assertThat(reply).isEqualTo("226 transfer complete");
        assertThat(scripted.server().commands()).contains("TYPE A", "NLST");
    }

    @Test
    void aRecordOverTheBoundIsMarkedAndTheNextOneIsWhole() throws IOException {
        scripted.server().nextData("x".repeat(9000) + "\r\nnext.txt\r\nlast-without-crlf");
        Ftp ftp = scripted.client();
        List<ListingRecord> records;
        try (ListingRecords listing = ftp.retrRecords("MLSD", 8192, 1 << 20)) {
            records = readAll(listing);
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(0).status()).isEqualTo(Status.TOO_LONG);
        assertThat(records.get(0).bytes()).isEqualTo(9000);
        assertThat(records.get(0).text()).isEqualTo("x".repeat(8192));
        assertThat(records.get(1)).isEqualTo(new ListingRecord("next.txt", 8, Status.WHOLE));
        assertThat(records.get(2)).isEqualTo(new ListingRecord("last-without-crlf", 17, Status.WHOLE));
    }

    @Test
    void aListingOverItsOverallBoundFailsAndTheConversationStaysInStep() throws IOException {
        scripted.server().nextData("a.txt\r\n".repeat(100));
        Ftp ftp = scripted.client();
        try (ListingRecords listing = ftp.retrRecords("NLST", 8192, 300)) {
            assertThatThrownBy(() -> readAll(listing))
                    .isExactlyInstanceOf(FtpException.class)
                    .hasMessage("the listing of NLST is longer than 300 bytes, the most this client reads of one"
                            + " listing; it was given up");
        }
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.voidCmd("NOOP")).startsWith("200");
    }

    @Test
    void closingBeforeTheEndGivesTheRestUpAndKeepsTheConversationInStep() throws IOException {
        scripted.server().nextData("a.txt\r\nb.txt\r\nc.txt\r\n");
        Ftp ftp = scripted.client();
        try (ListingRecords listing = ftp.retrRecords("NLST", 8192, 1 << 20)) {
            assertThat(listing.next().text()).isEqualTo("a.txt");
        }
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.voidCmd("NOOP")).startsWith("200");
    }

    @Test
    void bytesInvalidInTheEncodingMarkOnlyTheirRecord() throws IOException {
        try (ScriptedFtpServer latin1 = ScriptedFtpServer.start(StandardCharsets.ISO_8859_1);
             Ftp ftp = new Ftp(StandardCharsets.UTF_8)) {
            ftp.connect(latin1.host(), latin1.port(), ScriptedFtpServerExtension.TIMEOUT, null);
            latin1.nextData("caf\u00e9.txt\r\nok.txt\r\n");
            List<ListingRecord> records;
            try (ListingRecords listing = ftp.retrRecords("NLST", 8192, 1 << 20)) {
                records = readAll(listing);
            }
            assertThat(records).extracting(ListingRecord::status).containsExactly(Status.UNDECODABLE,
                    Status.WHOLE);
            assertThat(records.get(1).text()).isEqualTo("ok.txt");
        }
    }

    @Test
    void boundsBelowOneAreRefused() {
        Ftp ftp = new Ftp();
        assertThatThrownBy(() -> ftp.retrRecords("NLST", 0, 10))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the record and listing bounds must be at least 1, were 0 and 10");
    }

    private static List<ListingRecord> readAll(ListingRecords listing) throws IOException {
        List<ListingRecord> records = new ArrayList<>();
        ListingRecord record;
        while ((record = listing.next()) != null) {
            records.add(record);
        }
        return records;
    }
}
