package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

import io.camelftplib.ftplib.FtpIncompleteTransferException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upload counts as done only when the server stored every byte: after {@code STOR} the server's {@code SIZE} is
 * compared with the bytes sent, before a temporary name is renamed into place. A {@link FaultProxy} between producer
 * and server truncates the upload after 3 MiB of 12 MiB while the server still confirms it with 226. Also: the
 * directories the producer made are made again when they may be gone (a new connection, a failed upload).
 */
@Timeout(60)
class UploadVerificationTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(SERVER::port);

    private static final int SIZE = 12 * 1024 * 1024;
    private static final long TRUNCATED = 3L * 1024 * 1024;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static byte[] content() {
        byte[] bytes = new byte[SIZE];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private Exchange upload(String uri, Object body, String name) {
        return template.send(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeader(Exchange.FILE_NAME, name);
        });
    }

    @Test
    void truncatedUploadConfirmedWith226FailsAndLeavesNoFileUnderTheFinalName() {
        Fault truncate = proxy.proxy().nextUpload().truncateAfter(TRUNCATED);

        Exchange result = upload(proxy.uri("v1", ""), content(), "truncated.bin");

        assertThat(truncate.hasFired()).isTrue();
        assertThat(result.getException()).isInstanceOf(GenericFileOperationFailedException.class)
                .hasMessageContaining("Cannot store file: v1/truncated.bin")
                .rootCause().isInstanceOf(FtpIncompleteTransferException.class)
                .hasMessageContaining("the upload of v1/truncated.bin at 127.0.0.1:" + proxy.proxy().port()
                        + " ended early: the server holds " + TRUNCATED + " bytes according to the SIZE reply after the upload, but "
                        + SIZE + " were sent");
        assertThat(SERVER.file("v1/truncated.bin")).doesNotExist();
    }

    @Test
    void truncatedUploadUnderTempPrefixFailsAndNeverTouchesTheFinalName() throws IOException {
        write("v2/truncated.bin", "the previous version");
        proxy.proxy().nextUpload().truncateAfter(TRUNCATED);

        // eagerDeleteTargetFile=false: camel-file would otherwise delete the previous version before the upload
        Exchange result = upload(proxy.uri("v2", "tempPrefix=.part-&eagerDeleteTargetFile=false"), content(),
                "truncated.bin");

        assertThat(result.getException()).isInstanceOf(GenericFileOperationFailedException.class)
                .rootCause().isInstanceOf(FtpIncompleteTransferException.class)
                .hasMessageContaining("the upload of v2/.part-truncated.bin at 127.0.0.1:" + proxy.proxy().port()
                        + " ended early: the server holds " + TRUNCATED + " bytes");
        assertThat(SERVER.file("v2/truncated.bin")).hasContent("the previous version");
        // the partial file stays under its temporary name, for the next attempt to replace or continue
        assertThat(SERVER.file("v2/.part-truncated.bin")).hasSize(TRUNCATED);
    }

    @Test
    void wholeUploadPassesTheSizeCheckAndIsRenamedIntoPlace() throws IOException {
        byte[] content = content();

        Exchange result = upload(proxy.uri("v3", "tempPrefix=.part-"), content, "whole.bin");

        assertThat(result.getException()).isNull();
        assertThat(Files.readAllBytes(SERVER.file("v3/whole.bin"))).isEqualTo(content);
        assertThat(SERVER.file("v3/.part-whole.bin")).doesNotExist();
        assertThat(SERVER.commands()).contains("SIZE v3/.part-whole.bin");
    }

    @Test
    void directoryRemovedWhileDisconnectedIsMadeAgainAfterTheReconnect() throws IOException {
        String uri = to("gone/deeper", "");
        upload(uri, "one", "one.txt");
        delete(SERVER.file("gone"));
        SERVER.disconnectAllSessions();

        Exchange result = upload(uri, "two", "two.txt");

        assertThat(result.getException()).isNull();
        assertThat(SERVER.file("gone/deeper/two.txt")).hasContent("two");
    }

    @Test
    void directoryRemovedWhileConnectedIsMadeAgainOnRedelivery() throws Exception {
        String uri = to("vanish/deeper", "");
        sendWithOneRedelivery(uri, "one", "one.txt");
        delete(SERVER.file("vanish"));

        // through the same route, so the same producer with the directories it remembers
        Exchange result = template.send("direct:one.txt", e -> {
            e.getIn().setBody("two");
            e.getIn().setHeader(Exchange.FILE_NAME, "two.txt");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(SERVER.file("vanish/deeper/two.txt")).hasContent("two");
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
