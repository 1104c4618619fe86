package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MlsdLine}: ftplib's {@code mlsd()} line rule, including its odd corners (the last character of the facts
 * dropped blindly, no-space and empty lines). Expected values are what CPython 3.11.7's loop body returned.
 */
class MlsdLineTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("nospace", "", Map.of("nospac", "")),
                Arguments.of("", "", Map.of("", "")),
                Arguments.of("type=file;size=12; name", "name", Map.of("type", "file", "size", "12")),
                Arguments.of("type=file; name\r\n", "name", Map.of("type", "file")),
                Arguments.of("a=1;A=2; x", "x", Map.of("a", "2")),
                Arguments.of("type=file;size=1;", "", Map.of("type", "file", "size", "1")),
                Arguments.of("type=file;size=1 no-semicolon", "no-semicolon", Map.of("type", "file", "size", "")),
                Arguments.of("; x", "x", Map.of("", "")),
                Arguments.of(" x", "x", Map.of("", "")),
                Arguments.of("type=dir;perm=el;\u00c4=1; caf\u00e9", "caf\u00e9",
                        Map.of("type", "dir", "perm", "el", "\u00e4", "1")),
                Arguments.of("type=file;x; ../../etc/passwd", "../../etc/passwd", Map.of("type", "file", "x", "")),
                Arguments.of("type=file; nul\0name", "nul\0name", Map.of("type", "file")),
                Arguments.of("type=file; a\r\n\r\n", "a", Map.of("type", "file")));
    }

    /** Each line gives Python's (name, facts). */
    @ParameterizedTest
    @MethodSource("lines")
    void parsesLikeFtplib(String line, String name, Map<String, String> facts) {
        MlsdEntry entry = MlsdLine.parse(line);
        assertThat(entry.name()).isEqualTo(name);
        assertThat(entry.facts()).isEqualTo(facts);
    }
}
