package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consumed file end to end: its bytes and headers, and the two documented differences from Camel's {@code ftp:}
 * 4.22.0 that concern every route (the headers a consumer sets, and the default transfer type).
 */
@Timeout(60)
class FtplibConsumerTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void consumesFileAndMovesItAfterTheRoute() throws Exception {
        write("in/a.txt", "hello \u00e9\r\n\0\u00ff");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("in", "move=.done")).routeId("r").autoStartup(false)
                        .convertBodyTo(String.class).to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedBodiesReceived("hello \u00e9\r\n\0\u00ff");
        out.expectedHeaderReceived(FtplibConstants.FILE_NAME, "a.txt");
        out.expectedHeaderReceived(FtplibConstants.FILE_HOST, "localhost");
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        context.getRouteController().startRoute("r");

        out.assertIsSatisfied();
        assertThat(done.matches(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file("in/.done/a.txt")));
        assertThat(SERVER.file("in/a.txt")).doesNotExist();
    }

    /**
     * All headers of a consumed file agree, except two documented differences: ftplib: streams by default, so it
     * also sets CamelRemoteFileInputStream (ftp: only with streamDownload=true); and ftplib: takes the modification
     * time from MLSD to the millisecond, where ftp:'s LIST shows a file older than six months with its day only
     * (and a newer one to the minute, in the server's time zone).
     */
    @Test
    void allHeadersOfAConsumedFileAgreeButTheDocumentedTwo() throws Exception {
        long modified = 1_700_000_000_123L;
        for (String scheme : new String[] {"ftp", "ftplib"}) {
            write("hdr-" + scheme + "/sub/h.txt", "headers");
            Files.setLastModifiedTime(SERVER.file("hdr-" + scheme + "/sub/h.txt"), FileTime.fromMillis(modified));
        }
        MockEndpoint ftp = consume("ftp", "hdr-ftp", "noop=true&recursive=true", 1);
        MockEndpoint ftplib = consume("ftplib", "hdr-ftplib", "noop=true&recursive=true", 1);
        start("hdr-ftp");
        start("hdr-ftplib");
        MockEndpoint.assertIsSatisfied(context);
        Map<String, Object> ftpHeaders = new TreeMap<>(ftp.getExchanges().get(0).getIn().getHeaders());
        Map<String, Object> ftplibHeaders = new TreeMap<>(ftplib.getExchanges().get(0).getIn().getHeaders());

        assertThat(ftplibHeaders.remove(FtplibConstants.REMOTE_FILE_INPUT_STREAM)).isInstanceOf(InputStream.class);
        assertThat(ftpHeaders).doesNotContainKey(FtplibConstants.REMOTE_FILE_INPUT_STREAM);
        for (String time : new String[] {Exchange.FILE_LAST_MODIFIED, Exchange.MESSAGE_TIMESTAMP}) {
            assertThat(ftplibHeaders.remove(time)).isEqualTo(modified);
            assertThat((Long) ftpHeaders.remove(time)).isNotEqualTo(modified)
                    .isBetween(modified - Duration.ofDays(2).toMillis(), modified + Duration.ofDays(1).toMillis());
        }
        ftpHeaders.replaceAll((name, value) -> value instanceof String text ? text.replace("hdr-ftp/", "hdr-ftplib/")
                : value);
        assertThat(ftplibHeaders).isEqualTo(ftpHeaders).containsEntry(Exchange.FILE_NAME, "sub/h.txt")
                .containsEntry(Exchange.FILE_PARENT, "hdr-ftplib/sub")
                .containsEntry(FtplibConstants.FTP_REPLY_CODE, 226);
    }

    /**
     * A documented difference: ftp: transfers in ASCII by default (TYPE A), so a file stored with CRLF line ends
     * arrives with the local line separator; ftplib: transfers in binary by default (TYPE I), so it arrives byte
     * for byte. {@code binary=true} on ftp: (or {@code binary=false} on ftplib:) makes them agree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void defaultTransferTypeDiffersForLineEnds(String scheme) throws Exception {
        String dir = scheme + "-type";
        write(dir + "/default/crlf.txt", "a\r\nb".getBytes(StandardCharsets.US_ASCII));
        write(dir + "/binary/crlf.txt", "a\r\nb".getBytes(StandardCharsets.US_ASCII));
        MockEndpoint byDefault = consume(scheme, dir + "/default", "noop=true", 1);
        MockEndpoint binary = consume(scheme, dir + "/binary", "noop=true&binary=true", 1);
        binary.expectedBodiesReceived("a\r\nb");
        start(dir + "/default");
        start(dir + "/binary");
        MockEndpoint.assertIsSatisfied(context);
        String body = byDefault.getExchanges().get(0).getIn().getBody(String.class);
        String expected = scheme.equals("ftp") ? "a" + System.lineSeparator() + "b" : "a\r\nb";
        assertThat(body).isEqualTo(expected);
    }
}
