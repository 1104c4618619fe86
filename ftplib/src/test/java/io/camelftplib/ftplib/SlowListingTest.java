package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that trickles a listing, one line at a time with pauses shorter than the read timeout, never trips
 * that timeout; the listing timeout bounds the whole listing.
 */
@Timeout(30)
class SlowListingTest {

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopPacer() {
        pacer.shutdownNow();
    }

    /** One line every 100 ms, never ending: the listing fails after its listing timeout, and says why. */
    @Test
    void aTricklingListingFailsAtItsListingTimeout() throws IOException {
        trickleListing();
        Ftp ftp = scripted.client(Duration.ofSeconds(10));
        ftp.setListingTimeout(Duration.ofMillis(700));
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> ftp.retrLines("LIST", lines::add))
                .isExactlyInstanceOf(SocketTimeoutException.class)
                .hasMessageStartingWith("the listing LIST did not finish within the listing timeout of 700 ms ("
                        + lines.size() + " lines arrived)");
        assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("entry "));
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** The record-by-record listing is bounded the same way. */
    @Test
    void aTricklingRecordListingFailsAtItsListingTimeout() throws IOException {
        trickleListing();
        Ftp ftp = scripted.client(Duration.ofSeconds(10));
        ftp.setListingTimeout(Duration.ofMillis(700));
        List<String> records = new ArrayList<>();
        try (ListingRecords listing = ftp.retrRecords("LIST", 1024, 1 << 20)) {
            assertThatThrownBy(() -> {
                ListingRecords.ListingRecord record;
                while ((record = listing.next()) != null) {
                    records.add(record.text());
                }
            }).isExactlyInstanceOf(SocketTimeoutException.class)
                    .hasMessageStartingWith("the listing LIST did not finish within the listing timeout of 700 ms ("
                            + records.size() + " lines arrived)");
        }
        assertThat(records).isNotEmpty().allMatch(record -> record.startsWith("entry "));
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Without a listing timeout, as in ftplib, nothing but the read timeout bounds it: the listing goes on. */
    @Test
    void withoutAListingTimeoutTheListingGoesOnPastIt() throws IOException {
        CountDownLatch pastTheLimit = trickleListing();
        Ftp ftp = scripted.client(Duration.ofSeconds(10));
        assertThat(ftp.getListingTimeout()).isNull();
        List<String> lines = new ArrayList<>();
        // the callback stops the listing itself once it has run well past the limit the other test sets
        assertThatThrownBy(() -> ftp.retrLines("LIST", line -> {
            lines.add(line);
            if (lines.size() == 15) {
                pastTheLimit.countDown();
                throw new IOException("enough");
            }
        })).hasMessage("enough");
        assertThat(lines).hasSize(15);
    }

    /**
     * {@link Ftp#cancel()} from another thread, as a stopping application calls it, ends a listing the server
     * never finishes at once, with no listing timeout set.
     */
    @Test
    void cancelFromAnotherThreadEndsATricklingListing() throws Exception {
        trickleListing();
        Ftp ftp = scripted.client(Duration.ofSeconds(60));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<String> listing = CompletableFuture.supplyAsync(() -> {
            try {
                return ftp.retrLines("LIST", lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() >= 3);
        ftp.cancel();
        assertThatThrownBy(() -> listing.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isExactlyInstanceOf(UncheckedIOException.class)
                .cause().isInstanceOf(IOException.class);
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Zero and negative bounds are refused. */
    @Test
    void aListingTimeoutMustBePositive() {
        Ftp ftp = new Ftp();
        assertThatThrownBy(() -> ftp.setListingTimeout(Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the listing timeout must be positive, or null for none; was PT0S");
    }

    /** LIST answers 150, then writes a line every 100 ms until the client closes the data connection. */
    private CountDownLatch trickleListing() {
        CountDownLatch ended = new CountDownLatch(1);
        scripted.server().on("LIST", (session, arg) -> {
            Socket data = session.dataSocket();
            session.reply("150 here it comes, slowly");
            OutputStream out = data.getOutputStream();
            int[] count = {0};
            pacer.scheduleAtFixedRate(() -> {
                try {
                    out.write(("entry " + count[0]++ + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    ended.countDown();
                    throw new IllegalStateException("the client closed the listing", e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            ended.await();
            data.close();
        });
        return ended;
    }
}
