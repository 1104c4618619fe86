package io.camelftplib.ftplib;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ftplib's module functions: the parsers of the replies that carry values ({@code parse150}, {@code parse227},
 * {@code parse229}, {@code parse257}), Python's {@code repr} of a string (the form of ftplib's debug lines) and
 * {@code print_line}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FtpReplies {

    // Python's "150 .* \((\d+) bytes\)" with re.IGNORECASE | re.ASCII: '.' stops at '\n' only, so the
    // first line counts, and the greedy '.*' makes the last "(N bytes)" on it win.
    private static final Pattern SIZE_150 = Pattern.compile("150 [^\n]* \\(([0-9]+) bytes\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS_227 = Pattern.compile("([0-9]+),([0-9]+),([0-9]+),([0-9]+),([0-9]+),([0-9]+)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIZE_DIGITS = Pattern.compile("[0-9]{1,18}");

    private FtpReplies() {
    }

    /**
     * Extracts the size from a {@code 150} reply, as ftplib's {@code parse150}: the last {@code (N bytes)} on the
     * first line, after some text.
     *
     * @param resp the reply
     * @return the size, or empty when the reply names none (or names one larger than a {@code long})
     * @throws FtpReplyException when the reply code is not {@code 150}
     */
    public static OptionalLong parse150(String resp) throws FtpReplyException {
        if (!resp.startsWith("150")) {
            throw new FtpReplyException(resp);
        }
        Matcher m = SIZE_150.matcher(resp);
        if (!m.lookingAt()) {
            return OptionalLong.empty();
        }
        String digits = m.group(1);
        // Python has unbounded ints; a size beyond a long is as good as unknown
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Extracts the size from a {@code SIZE} reply, as ftplib's {@code size} does: the digits after a 213, spaces
     * stripped. Beyond ftplib, only plain ASCII decimal digits (at most 18) count.
     *
     * @param resp    the reply
     * @param context what the reply answered, for the message
     * @return the size, or empty when the reply is not 213
     * @throws FtpProtoException when a 213 reply holds no plain decimal number
     */
    static OptionalLong parse213(String resp, String context) throws FtpProtoException {
        if (!resp.startsWith("213")) {
            return OptionalLong.empty();
        }
        String s = resp.substring(3).strip();
        if (!SIZE_DIGITS.matcher(s).matches()) {
            throw new FtpProtoException(resp, context + "; the size is not a decimal number", null);
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    /**
     * Parses a {@code 227} (PASV) reply, as ftplib's {@code parse227}: the first six comma-separated numbers
     * anywhere in the reply, with or without parentheses.
     *
     * <p>As in ftplib, no range is checked here ({@code 999,1,1,1,1,1} gives host {@code 999.1.1.1}, port 257);
     * {@link Ftp#makePasv()} checks the range before anything connects.
     *
     * @param resp the reply
     * @return the advertised host ({@code h1.h2.h3.h4}) and port ({@code p1 * 256 + p2})
     * @throws FtpReplyException when the reply code is not {@code 227}
     * @throws FtpProtoException when the reply holds no six numbers, or numbers too large to be an address
     */
    public static HostPort parse227(String resp) throws FtpException {
        if (!resp.startsWith("227")) {
            throw new FtpReplyException(resp);
        }
        Matcher m = ADDRESS_227.matcher(resp);
        if (!m.find()) {
            throw new FtpProtoException(resp);
        }
        for (int i = 1; i <= 6; i++) {
            if (!DIGITS.matcher(m.group(i)).matches()) {
                throw new FtpProtoException(resp, "a number of the PASV address is too large", null);
            }
        }
        String host = m.group(1) + '.' + m.group(2) + '.' + m.group(3) + '.' + m.group(4);
        long port = (Long.parseLong(m.group(5)) << 8) + Long.parseLong(m.group(6));
        if (port > Integer.MAX_VALUE) {
            throw new FtpProtoException(resp, "the PASV port is too large", null);
        }
        return new HostPort(host, (int) port);
    }

    /**
     * Parses a {@code 229} (EPSV) reply, as ftplib's {@code parse229}: {@code (<d><d><d>port<d>)} with any
     * delimiter {@code d}. The host is always the control connection's peer; the reply names none.
     *
     * <p>Hardened beyond ftplib: the port must be ASCII digits; Python's {@code int()} would also
     * take {@code -1} or {@code " 12 "}, and a malformed reply raises {@code ValueError} outside
     * {@code all_errors} where this raises {@link FtpProtoException}.
     *
     * @param resp the reply
     * @param peer the control connection's peer host
     * @return the peer host and the port from the reply
     * @throws FtpReplyException when the reply code is not {@code 229}
     * @throws FtpProtoException when the parentheses, delimiters or port are malformed
     */
    public static HostPort parse229(String resp, String peer) throws FtpException {
        if (!resp.startsWith("229")) {
            throw new FtpReplyException(resp);
        }
        int left = resp.indexOf('(');
        if (left < 0) {
            throw new FtpProtoException(resp);
        }
        int right = resp.indexOf(')', left + 1);
        if (right < 0) {
            throw new FtpProtoException(resp);
        }
        if (resp.charAt(left + 1) != resp.charAt(right - 1)) {
            throw new FtpProtoException(resp);
        }
        String delimiter = Pattern.quote(String.valueOf(resp.charAt(left + 1)));
        String[] parts = resp.substring(left + 1, right).split(delimiter, -1);
        if (parts.length != 5) {
            throw new FtpProtoException(resp);
        }
        if (!DIGITS.matcher(parts[3]).matches()) {
            throw new FtpProtoException(resp, "the EPSV port is not a number", null);
        }
        return new HostPort(peer, Integer.parseInt(parts[3]));
    }

    /**
     * Extracts the directory name from a {@code 257} reply (MKD, PWD), as ftplib's {@code parse257}: the text
     * between the quotes after {@code 257 }, with {@code ""} standing for one quote (RFC 959 appendix II).
     *
     * @param resp the reply
     * @return the name; empty when the reply does not start with {@code 257 "}; the rest of the reply when the
     *         closing quote is missing
     * @throws FtpReplyException when the reply code is not {@code 257}
     */
    public static String parse257(String resp) throws FtpReplyException {
        if (!resp.startsWith("257")) {
            throw new FtpReplyException(resp);
        }
        if (resp.length() < 5 || !resp.startsWith(" \"", 3)) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        int i = 5;
        int n = resp.length();
        while (i < n) {
            char c = resp.charAt(i++);
            if (c == '"') {
                if (i >= n || resp.charAt(i) != '"') {
                    break;
                }
                i++;
            }
            name.append(c);
        }
        return name.toString();
    }

    /**
     * Prints a line to standard output: ftplib's {@code print_line}, the default callback of
     * {@link Ftp#retrLines(String)} and {@link Ftp#dir(String...)}.
     *
     * @param line the line
     */
    public static void printLine(String line) {
        System.out.println(line);
    }

    /**
     * Returns Python's {@code repr()} of a string: quoted with {@code '} (or {@code "} when only single quotes
     * occur), with backslash escapes for quotes, backslashes, {@code \t \n \r} and characters Python does not
     * print. ftplib's debug lines are in this form.
     *
     * @param s the string
     * @return its Python representation
     */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendRepr(out, cp, quote);
        }
        return out.append(quote).toString();
    }

    private static void appendRepr(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (cp == '\t') {
            out.append("\\t");
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (isPythonPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp <= 0xff) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
            out.append(String.format("\\u%04x", cp));
        } else {
            out.append(String.format("\\U%08x", cp));
        }
    }

    // str.isprintable(): not Cc, Cf, Cs, Co, Cn, Zl, Zp, and no separator but the ASCII space
    private static boolean isPythonPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
