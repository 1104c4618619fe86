package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which digest command a FEAT reply leads to: the strongest algorithm first, {@code HASH} before the algorithm's own
 * command, and no {@code OPTS HASH} when FEAT marks the algorithm as selected.
 */
class RemoteHashTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HASH SHA-1;SHA-256*;MD5                 | HASH (SHA-256) | true",
        "HASH SHA-1*;SHA-256;MD5                 | HASH (SHA-256) | false",
        "HASH CRC32*\\n XSHA256\\n XCRC          | XSHA256        | false",
        "XSHA1 filename;start;end\\n XMD5\\n XCRC | XSHA1          | false",
        "hash md5;crc32                          | HASH (MD5)     | false",
        "XCRC                                    | XCRC           | false",
        "MD5\\n MMD5\\n SIZE                      | none           | false",
    })
    void featReplyChoosesTheStrongestDigestCommand(String features, String chosen, boolean selected) {
        ServerFeatures parsed = ServerFeatures.parse("211-Features:\n " + features.replace("\\n", "\n") + "\n211 End");

        Optional<RemoteHash> remote = RemoteHash.offeredBy(parsed);

        assertThat(remote.map(RemoteHash::describe).orElse("none")).isEqualTo(chosen);
        assertThat(remote.map(RemoteHash::selected).orElse(false)).isEqualTo(selected);
    }
}
