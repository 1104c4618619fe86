package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MLST replies as servers send them: RFC 3659's fact line with its leading space, and Apache FtpServer's without. */
class MlsxFactsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // RFC 3659 section 7.2, as vsftpd and ProFTPD send it
        "250-Listing a b.txt\n type=file;size=7;modify=20240102030405; a b.txt\n250 End",
        // Apache FtpServer 1.2: no leading space, fact names capitalised, a blank line before the end
        "250-\nSize=7;Modify=20240102030405.000;Type=file; a b.txt\n\n250 Requested file action okay, completed.",
        // a single-line 250 frame before the fact line
        "250- MLST a b.txt\n Size=7;Type=file;Modify=20240102030405; /abs/a b.txt\n250 End"})
    void theFactLineIsFoundWithOrWithoutItsLeadingSpace(String reply) {
        Map<String, String> facts = MlsxFacts.parseMlst(reply);
        assertThat(facts).containsEntry("size", "7").containsEntry("type", "file");
        FtplibFile file = MlsxFacts.toFile("a b.txt", facts, "the MLSD listing");
        assertThat(file.size()).isEqualTo(7);
        assertThat(file.lastModified()).isEqualTo(1_704_164_645_000L);
    }

    @Test
    void framesAndTextWithoutFactsYieldNoFacts() {
        assertThat(MlsxFacts.parseMlst("250-Listing a=b.txt\n250 End")).isEmpty();
        assertThat(MlsxFacts.parseMlst("250 a=b")).isEmpty();
        assertThat(MlsxFacts.parseMlst("")).isEmpty();
    }
}
