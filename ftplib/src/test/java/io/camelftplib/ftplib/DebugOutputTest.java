package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@link Ftp#setDebugLevel(int)}: ftplib's debug lines, through SLF4J. The expected lines are what CPython
 * 3.11.7 printed for the same session against its DummyFTPHandler, with two differences marked below
 * ({@code ACCT} masked, which ftplib prints in clear). The PASV port varies, so it is replaced by {@code p1,p2}.
 */
@Timeout(30)
class DebugOutputTest {

    private static final List<String> LEVEL_1 = List.of(
            "*welcome* '220 welcome'",
            "*cmd* 'USER alice'",
            "*resp* '331 username ok'",
            "*cmd* 'PASS *******'",
            "*resp* '230 password ok'",
            "*cmd* 'ACCT **'", // masked beyond ftplib, which prints 'ACCT s3'
            "*resp* '230 acct ok'",
            "*cmd* 'TYPE A'",
            "*resp* '200 type ok'",
            "*cmd* 'PASV'",
            "*resp* '227 entering passive mode (252,253,254,255,p1,p2)'",
            "*cmd* 'LIST'",
            "*resp* '125 list ok'",
            "*resp* '226 transfer complete'",
            "*cmd* 'QUIT'",
            "*resp* '221 quit ok'");

    private static final List<String> LEVEL_2 = List.of(
            "*welcome* '220 welcome'",
            "*cmd* 'USER alice'",
            "*put* 'USER alice\\r\\n'",
            "*get* '331 username ok\\n'",
            "*resp* '331 username ok'",
            "*cmd* 'PASS *******'",
            "*put* 'PASS *******\\r\\n'",
            "*get* '230 password ok\\n'",
            "*resp* '230 password ok'",
            "*cmd* 'ACCT **'", // masked beyond ftplib
            "*put* 'ACCT **\\r\\n'", // masked beyond ftplib
            "*get* '230 acct ok\\n'",
            "*resp* '230 acct ok'",
            "*cmd* 'TYPE A'",
            "*put* 'TYPE A\\r\\n'",
            "*get* '200 type ok\\n'",
            "*resp* '200 type ok'",
            "*cmd* 'PASV'",
            "*put* 'PASV\\r\\n'",
            "*get* '227 entering passive mode (252,253,254,255,p1,p2)\\n'",
            "*resp* '227 entering passive mode (252,253,254,255,p1,p2)'",
            "*cmd* 'LIST'",
            "*put* 'LIST\\r\\n'",
            "*get* '125 list ok\\n'",
            "*resp* '125 list ok'",
            "RETR LINES",
            "*get* '226 transfer complete\\n'",
            "*resp* '226 transfer complete'",
            "*put urgent* b'ABOR\\r\\n'",
            "*get* '226 abor ok\\n'",
            "*cmd* 'QUIT'",
            "*put* 'QUIT\\r\\n'",
            "*get* '221 quit ok\\n'",
            "*resp* '221 quit ok'");

    private static final List<String> RETR_LINES = List.of("*retr* 'foo\\n'", "*retr* 'bar\\n'", "*retr* ''");

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    private final Logger logger = (Logger) LoggerFactory.getLogger(Ftp.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }

    /** Level 1: commands, replies and the welcome, at INFO. */
    @Test
    void levelOneShowsCommandsAndReplies() throws IOException {
        runSession(1);
        assertThat(lines(Level.INFO)).containsExactlyElementsOf(LEVEL_1);
        assertThat(lines(Level.DEBUG)).isEmpty();
    }

    /** Level 2: also the raw lines, the password masked there too, and the urgent ABOR. */
    @Test
    void levelTwoAddsRawLines() throws IOException {
        runSession(2);
        assertThat(lines(Level.INFO)).containsExactlyElementsOf(expanded(List.of()));
    }

    /** Level 3: also each line of a text transfer, and ftplib's last empty read. */
    @Test
    void levelThreeAddsTransferredLines() throws IOException {
        runSession(3);
        assertThat(lines(Level.INFO)).containsExactlyElementsOf(expanded(RETR_LINES));
    }

    /** Level 0: nothing at INFO; the level-1 lines go to DEBUG and the raw ones to TRACE, for logging config. */
    @Test
    void levelZeroLogsAtDebugAndTraceOnly() throws IOException {
        logger.setLevel(Level.TRACE);
        runSession(0);
        assertThat(lines(Level.INFO)).isEmpty();
        // the welcome read by connect() shows up too, as every reply does at level 0
        List<String> debug = new ArrayList<>(List.of("*resp* '220 welcome'"));
        debug.addAll(LEVEL_1);
        assertThat(lines(Level.DEBUG)).containsExactlyElementsOf(debug);
        List<String> trace = new ArrayList<>(List.of("*get* '220 welcome\\n'"));
        expanded(RETR_LINES).stream().filter(l -> l.startsWith("*put") || l.startsWith("*get")
                || l.startsWith("*retr")).forEach(trace::add);
        assertThat(lines(Level.TRACE)).containsExactlyElementsOf(trace);
    }

    /** With the logger at WARN, even the asked-for lines stay out (the caller's logging config decides). */
    @Test
    void loggerAboveInfoSilencesDebugLines() throws IOException {
        logger.setLevel(Level.WARN);
        runSession(3);
        assertThat(appender.list).isEmpty();
    }

    private void runSession(int level) throws IOException {
        Ftp ftp = scripted.client();
        ftp.setDebugLevel(level);
        assertThat(ftp.getDebugLevel()).isEqualTo(level);
        ftp.getWelcome();
        ftp.login("alice", "hunter2");
        ftp.acct("s3");
        scripted.server().nextData("foo\r\nbar\r\n");
        ftp.retrLines("LIST", line -> { });
        ftp.abort();
        ftp.quit();
    }

    private static List<String> expanded(List<String> retrLines) {
        List<String> expected = new ArrayList<>();
        for (String line : LEVEL_2) {
            if (line.equals("RETR LINES")) {
                expected.addAll(retrLines);
            } else {
                expected.add(line);
            }
        }
        return expected;
    }

    private List<String> lines(Level level) {
        return appender.list.stream()
                .filter(e -> e.getLevel() == level && e.getFormattedMessage().startsWith("*"))
                .map(e -> e.getFormattedMessage().replaceAll("255,\\d+,\\d+\\)", "255,p1,p2)"))
                .collect(Collectors.toList());
    }
}
