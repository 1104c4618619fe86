package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FtpLine}: the one rule for what a command line may hold, with ftplib's messages. */
class FtpLineTest {

    /** CR and LF anywhere end a command early: refused, with ftplib's message. */
    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "\r\n", "RETR x\r\nDELE y"})
    void crAndLfAreRefused(String text) {
        assertThat(FtpLine.canCarry(text)).isFalse();
        assertThatThrownBy(() -> FtpLine.check(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("an illegal newline character should not be contained");
    }

    /** NUL ends a string in C servers, so it is refused too, beyond ftplib. */
    @Test
    void nulIsRefused() {
        String text = "a" + (char) 0 + "b";
        assertThat(FtpLine.canCarry(text)).isFalse();
        assertThatThrownBy(() -> FtpLine.check(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("an illegal NUL character should not be contained");
    }

    /** Anything else passes, Unicode line separators and other controls too, as in ftplib. */
    @ParameterizedTest
    @ValueSource(strings = {"", "RETR a b.txt", "d\u00efr \u00ae/f\u00efle", "a\u2028b", "a\u0085b", "tab\there"})
    void everythingElsePasses(String text) {
        assertThat(FtpLine.canCarry(text)).isTrue();
        assertThat(FtpLine.check(text)).isSameAs(text);
    }
}
