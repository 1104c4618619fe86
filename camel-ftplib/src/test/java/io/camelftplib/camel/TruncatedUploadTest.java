package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelftplib.ftplib.testing.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An upload whose data connection ends early at the server, which stores the short file and answers {@code 226}.
 * Only the stored size ({@code SIZE} after {@code STOR}) can tell; the exchange must fail naming the file and both
 * byte counts, and with a temporary name the short file must never be renamed into place.
 */
@Timeout(60)
class TruncatedUploadTest extends IntegrityTestSupport {

    private static final byte[] CONTENT = content(12 * MIB, 12);

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "tempPrefix=.tmp-"})
    void aTruncatedUploadAcknowledgedWith226FailsAndLeavesTheFinalNameUntouched(String options) throws Exception {
        String directory = options.isEmpty() ? "up-direct" : "up-temp";
        Fault truncate = proxy.nextUpload().truncateAfter(3 * MIB);

        Exchange result = template.request(toVia(directory, options),
                e -> {
                    e.getIn().setBody(CONTENT);
                    e.getIn().setHeader(Exchange.FILE_NAME, "big.bin");
                });

        assertThat(truncate.hasFired()).isTrue();
        assertThat(result.getException()).as("the upload of a short file must fail").isNotNull();
        assertThat(messages(result.getException()))
                .contains("big.bin", String.valueOf(CONTENT.length), String.valueOf(3 * MIB));
        if (!options.isEmpty()) {
            assertThat(SERVER.file(directory + "/big.bin")).doesNotExist();
        }
    }
}
