package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Ftp#sanitize(String)}: ftplib's own cases (length-preserving mask of {@code pass }/{@code PASS }, then
 * Python's {@code repr}) plus masking beyond ftplib (any letter case, {@code ACCT} too), so no secret reaches a
 * log. Expected values were printed by CPython 3.11.7's {@code FTP().sanitize}, except where a comment says
 * "beyond ftplib".
 */
class FtpSanitizeTest {

    /** Mirrors test_ftplib.TestFTPClass.test_sanitize. */
    @Test
    void masksThePasswordOfPassKeepingItsLength() {
        Ftp ftp = new Ftp();
        assertThat(ftp.sanitize("foo")).isEqualTo("'foo'");
        assertThat(ftp.sanitize("pass 12345")).isEqualTo("'pass *****'");
        assertThat(ftp.sanitize("PASS 12345")).isEqualTo("'PASS *****'");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("PASS hunter2\r\n", "'PASS *******\\r\\n'"),
                Arguments.of("PASS", "'PASS'"),
                Arguments.of("PASS ", "'PASS '"),
                Arguments.of("PASS \r\n", "'PASS \\r\\n'"),
                Arguments.of("PASSWORD x", "'PASSWORD x'"),
                Arguments.of("USER pass x", "'USER pass x'"),
                Arguments.of("PASS it's", "'PASS ****'"),
                Arguments.of("pass \u00e9t\u00e9", "'pass ***'"),
                Arguments.of("it's", "\"it's\""),
                Arguments.of("both ' and \"", "'both \\' and \"'"),
                Arguments.of("tab\there", "'tab\\there'"),
                Arguments.of("nul\0x", "'nul\\x00x'"),
                Arguments.of("\u00ae\u2028\u0085\ud83d\ude00", "'\u00ae\\u2028\\x85\ud83d\ude00'"),
                // beyond ftplib, which prints these in clear
                Arguments.of("Pass x", "'Pass *'"),
                Arguments.of("pAsS secret", "'pAsS ******'"),
                Arguments.of("ACCT secret", "'ACCT ******'"),
                Arguments.of("acct s3\r\n", "'acct **\\r\\n'"));
    }

    /** Python's sanitize and repr, case by case, and the masking beyond ftplib. */
    @ParameterizedTest
    @MethodSource("cases")
    void sanitizesLikeFtplib(String line, String expected) {
        assertThat(new Ftp().sanitize(line)).isEqualTo(expected);
    }
}
