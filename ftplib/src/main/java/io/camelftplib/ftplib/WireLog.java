package io.camelftplib.ftplib;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ftplib's debug output through SLF4J: {@code *cmd*}, {@code *resp*} and {@code *welcome*} at level 1,
 * {@code *put*}, {@code *get*} and {@code *put urgent*} at level 2, {@code *retr*} at level 3, each as
 * {@code tag + ' ' + repr(text)}.
 *
 * <p>Lines the debug level asks for go out at INFO. The others still go to DEBUG (level-1 lines) or TRACE
 * (raw lines), so logging configuration alone can turn them on. Every line passes through {@link #sanitize},
 * so no password reaches a log. Not thread-safe: one per connection.
 */
final class WireLog {

    private static final Logger LOG = LoggerFactory.getLogger(Ftp.class);

    private int level;

    int level() {
        return level;
    }

    void setLevel(int level) {
        this.level = level;
    }

    void cmd(String line) {
        if (!isEnabled(1)) {
            return;
        }
        emit(1, "*cmd*", sanitize(line));
    }

    void resp(String reply) {
        if (!isEnabled(1)) {
            return;
        }
        emit(1, "*resp*", sanitize(reply));
    }

    void welcome(String welcome) {
        if (!isEnabled(1)) {
            return;
        }
        emit(1, "*welcome*", sanitize(welcome));
    }

    void put(String rawLine) {
        if (!isEnabled(2)) {
            return;
        }
        emit(2, "*put*", sanitize(rawLine));
    }

    void get(String rawLine) {
        if (!isEnabled(2)) {
            return;
        }
        emit(2, "*get*", sanitize(rawLine));
    }

    void putUrgent(String rawLine) {
        if (!isEnabled(2)) {
            return;
        }
        emit(2, "*put urgent*", "b" + FtpReplies.repr(rawLine));
    }

    void retr(String rawLine) {
        if (!isEnabled(3)) {
            return;
        }
        emit(3, "*retr*", FtpReplies.repr(rawLine));
    }

    /**
     * Masks the argument of {@code PASS} (and, beyond ftplib, {@code ACCT} and any letter case), keeping its
     * length and line ending, then returns Python's {@code repr} of the result, as ftplib's {@code sanitize}.
     */
    static String sanitize(String s) {
        if (s.length() >= 5 && isSecretCommand(s.substring(0, 5))) {
            int end = s.length();
            while (end > 5 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
                end--;
            }
            s = s.substring(0, 5) + "*".repeat(end - 5) + s.substring(end);
        }
        return FtpReplies.repr(s);
    }

    private static boolean isSecretCommand(String prefix) {
        return prefix.equalsIgnoreCase("pass ") || prefix.equalsIgnoreCase("acct ");
    }

    // sanitizing and repr cost a copy of the line: skip them when no logger would take it
    private boolean isEnabled(int lineLevel) {
        if (level >= lineLevel) {
            return LOG.isInfoEnabled();
        }
        return lineLevel == 1 ? LOG.isDebugEnabled() : LOG.isTraceEnabled();
    }

    private void emit(int lineLevel, String tag, String text) {
        if (level >= lineLevel) {
            LOG.info("{} {}", tag, text);
        } else if (lineLevel == 1) {
            LOG.debug("{} {}", tag, text);
        } else {
            LOG.trace("{} {}", tag, text);
        }
    }
}
