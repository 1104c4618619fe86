package io.camelftplib.ftplib;

/**
 * The rule for what one line of the control connection may hold: no CR, no LF and, beyond ftplib, no NUL. A
 * name or argument holding one of them would end the command early and smuggle in a second one (bpo-30119), so
 * the engine refuses such a command before anything is sent ({@link Ftp#sendCmd(String)} and every command
 * method); callers that build commands from outside input (file names from a route, a URI, a listing) can apply the
 * same rule early, to fail with their own message.
 *
 * <p>Stateless and thread-safe.
 */
public final class FtpLine {

    private FtpLine() {
    }

    /**
     * Tells whether text can travel inside one command line.
     *
     * @param text a command, or a name or argument to put into one
     * @return false when it holds CR, LF or NUL
     */
    public static boolean canCarry(String text) {
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\0') < 0;
    }

    /**
     * Refuses text that cannot travel inside one command line, with ftplib's message ({@code putline}'s
     * {@code ValueError}).
     *
     * @param text a command, or a name or argument to put into one
     * @return the text
     * @throws IllegalArgumentException when it holds CR or LF ({@code an illegal newline character should not be
     *                                  contained}) or NUL ({@code an illegal NUL character should not be contained})
     */
    public static String check(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an illegal newline character should not be contained");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an illegal NUL character should not be contained");
        }
        return text;
    }
}
