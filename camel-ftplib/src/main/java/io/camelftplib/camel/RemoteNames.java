package io.camelftplib.camel;

import io.camelftplib.ftplib.FtpLine;

/**
 * Rules for names a server sends and paths the component builds: a listed name must name one entry inside the
 * listed directory, never a path out of it (CAMEL-24487).
 *
 * <p>Stateless; thread-safe.
 */
final class RemoteNames {

    /** The path separator of FTP paths: RFC 959 leaves paths to the server, and every server we meet uses it. */
    static final char SEPARATOR = '/';

    private RemoteNames() {
    }

    /**
     * Tells whether a path is absolute: it starts at the server's root rather than the login directory.
     *
     * @param path a path
     * @return true when it starts with {@code /}
     */
    static boolean isAbsolute(String path) {
        return !path.isEmpty() && path.charAt(0) == SEPARATOR;
    }

    /**
     * Tells why a listed name must not be used, or null when it is safe: empty, {@code .} or {@code ..},
     * holding {@code /} or {@code \} (a path, absolute or not), NUL, CR or LF.
     *
     * @param name the name as listed
     * @return the reason, or null
     */
    static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "it names the directory itself or its parent";
        }
        if (name.indexOf(SEPARATOR) >= 0 || name.indexOf('\\') >= 0) {
            return "it holds a path separator, so it could point outside the listed directory";
        }
        if (!FtpLine.canCarry(name)) {
            return "it holds a NUL, CR or LF character, which would end or split an FTP command";
        }
        return null;
    }

    /**
     * Joins a directory and a name with {@code /}.
     *
     * @param directory the directory, empty for the current one
     * @param name      the name
     * @return the path
     */
    static String join(String directory, String name) {
        if (directory == null || directory.isEmpty()) {
            return name;
        }
        return directory.charAt(directory.length() - 1) == SEPARATOR ? directory + name
                : directory + SEPARATOR + name;
    }

    /**
     * Returns the directory part of a path.
     *
     * @param path a path
     * @return everything before the last {@code /}, {@code /} for a file in the root, or empty
     */
    static String parent(String path) {
        int slash = path.lastIndexOf(SEPARATOR);
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? String.valueOf(SEPARATOR) : path.substring(0, slash);
    }

    /**
     * Returns the last segment of a path.
     *
     * @param path a path
     * @return the name after the last {@code /}
     */
    static String name(String path) {
        return path.substring(path.lastIndexOf(SEPARATOR) + 1);
    }

    /**
     * Checks a path built from a route (file name header, move expression) before it becomes a command
     * argument: the engine refuses CR/LF itself, this adds a readable message.
     *
     * @param path the path
     * @return the path
     * @throws IllegalArgumentException when the path holds NUL, CR or LF
     */
    static String checkPath(String path) {
        if (!FtpLine.canCarry(path)) {
            throw new IllegalArgumentException("The remote path '" + path.replace("\r", "\\r")
                    .replace("\n", "\\n").replace("\0", "\\0") + "' holds NUL, CR or LF, which FTP cannot send");
        }
        return path;
    }
}
