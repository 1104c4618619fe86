package io.camelftplib.ftplib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code .netrc} file, as Python's {@code netrc} module reads it: {@code machine}, {@code default},
 * {@code login} (or {@code user}), {@code account}, {@code password} and {@code macdef} entries; {@code #}
 * starts a comment; tokens may be double-quoted with backslash escapes.
 *
 * <p>{@link #loadDefault()} reads {@code ~/.netrc} and, like Python, refuses a file that holds a login other than
 * {@code anonymous} and is accessible by other users or owned by someone else. Immutable and thread-safe.
 */
public final class Netrc {

    /**
     * The credentials of one machine.
     *
     * @param login    the user, empty when absent
     * @param account  the account, empty when absent
     * @param password the password, empty when absent; never shown by {@link #toString()}
     */
    public record Entry(String login, String account, String password) {

        /**
         * Validates the entry.
         *
         * @param login the user
         * @param account the account
         * @param password the password
         * @throws NullPointerException when a field is null
         */
        public Entry {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(password, "password");
        }

        /**
         * Shows the entry with the password masked.
         *
         * @return the login and account, and {@code ***} for a password
         */
        @Override
        public String toString() {
            return "Entry[login=" + login + ", account=" + account + ", password=" + (password.isEmpty() ? "" : "***")
                    + "]";
        }
    }

    private final Map<String, Entry> hosts;
    private final Entry defaultEntry;
    private final Map<String, List<String>> macros;

    private Netrc(Map<String, Entry> hosts, Entry defaultEntry, Map<String, List<String>> macros) {
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        this.defaultEntry = defaultEntry;
        this.macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
    }

    /**
     * Parses {@code .netrc} text.
     *
     * @param text the file's content
     * @return the parsed file
     * @throws IllegalArgumentException when the text is malformed (the message names the line)
     */
    public static Netrc parse(String text) {
        return new NetrcParser(text).parse();
    }

    /**
     * Reads and parses a file.
     *
     * @param file the file
     * @return the parsed file
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is malformed
     */
    public static Netrc load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code ~/.netrc} (the {@code user.home} property), refusing, as Python does, a file with a login
     * other than {@code anonymous} that other users can access or that another user owns.
     *
     * @return the parsed file
     * @throws IOException              when it cannot be read, or is not private while holding passwords
     * @throws IllegalArgumentException when it is malformed
     */
    public static Netrc loadDefault() throws IOException {
        Path file = Path.of(System.getProperty("user.home"), ".netrc");
        Netrc netrc = load(file);
        if (netrc.hasPersonalLogins()) {
            checkPrivate(file);
        }
        return netrc;
    }

    // Python checks the file for every entry whose login is not "anonymous"
    private boolean hasPersonalLogins() {
        return (defaultEntry != null && !defaultEntry.login().equals("anonymous"))
                || hosts.values().stream().anyMatch(e -> !e.login().equals("anonymous"));
    }

    private static void checkPrivate(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes attributes = view.readAttributes();
        String me = System.getProperty("user.name");
        if (!attributes.owner().getName().equals(me)) {
            throw new IOException(file + " is owned by " + attributes.owner().getName() + ", not by " + me
                    + "; a .netrc with logins must belong to its user");
        }
        for (PosixFilePermission p : attributes.permissions()) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                throw new IOException(file + " is accessible by other users; a .netrc with logins must be"
                        + " private: chmod 600 " + file);
            }
        }
    }

    /**
     * Returns the credentials for a host, or the {@code default} entry: Python's {@code authenticators(host)}.
     *
     * @param host the host name as written in the file
     * @return the entry, or empty when neither the host nor a default is there
     */
    public Optional<Entry> authenticators(String host) {
        Entry entry = hosts.get(host);
        return Optional.ofNullable(entry != null ? entry : defaultEntry);
    }

    /**
     * Returns the machine entries by host name (Python's {@code hosts}).
     *
     * @return the entries in file order, without the default one
     */
    public Map<String, Entry> hosts() {
        return hosts;
    }

    /**
     * Returns the macros by name (Python's {@code macros}).
     *
     * @return each macro's lines
     */
    public Map<String, List<String>> macros() {
        return macros;
    }

    /** A one-pass tokenizer and parser of the netrc grammar. */
    private static final class NetrcParser {
        private final String text;
        private final Map<String, Entry> hosts = new LinkedHashMap<>();
        private final Map<String, List<String>> macros = new LinkedHashMap<>();
        private Entry defaultEntry;
        private int pos;

        NetrcParser(String text) {
            this.text = text;
        }

        Netrc parse() {
            String token;
            while ((token = next()) != null) {
                if (isComment(token)) {
                    // Python: a lone "#" comments out the rest of its line, "#word" only itself
                    if (token.equals("#")) {
                        skipLine();
                    }
                    continue;
                }
                switch (token) {
                    case "machine":
                        String host = require("a host name after 'machine'");
                        hosts.put(host, readEntry());
                        break;
                    case "default":
                        defaultEntry = readEntry();
                        break;
                    case "macdef":
                        readMacro(require("a name after 'macdef'"));
                        break;
                    default:
                        throw error("unexpected token '" + token + "'");
                }
            }
            return new Netrc(hosts, defaultEntry, macros);
        }

        private Entry readEntry() {
            String login = "";
            String account = "";
            String password = "";
            while (true) {
                int mark = pos;
                String token = next();
                if (token != null && isComment(token)) {
                    skipLine();
                    continue;
                }
                if (token == null || token.equals("machine") || token.equals("default")
                        || token.equals("macdef")) {
                    pos = mark;
                    return new Entry(login, account, password);
                }
                switch (token) {
                    case "login":
                    case "user":
                        login = require("a value after '" + token + "'");
                        break;
                    case "account":
                        account = require("a value after 'account'");
                        break;
                    case "password":
                        password = require("a value after 'password'");
                        break;
                    default:
                        throw error("bad follower token '" + token + "'");
                }
            }
        }

        private void readMacro(String name) {
            skipLine();
            List<String> lines = new ArrayList<>();
            while (true) {
                if (pos >= text.length()) {
                    throw error("Macro definition missing null line terminator.");
                }
                int end = text.indexOf('\n', pos);
                String line = end < 0 ? text.substring(pos) : text.substring(pos, end + 1);
                pos = end < 0 ? text.length() : end + 1;
                // as Python: only an empty line ends a macro (a line of spaces is part of it)
                if (line.equals("\n") || line.equals("\r\n")) {
                    break;
                }
                lines.add(line);
            }
            macros.put(name, List.copyOf(lines));
        }

        private void skipLine() {
            int end = text.indexOf('\n', pos);
            pos = end < 0 ? text.length() : end + 1;
        }

        // where a keyword is due, Python takes any token starting with '#' as a comment, quoted or not
        private static boolean isComment(String token) {
            return token.startsWith("#");
        }

        private String require(String what) {
            String token = next();
            if (token == null) {
                throw error("expected " + what);
            }
            return token;
        }

        private String next() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else {
                    return c == '"' ? quoted() : plain();
                }
            }
            return null;
        }

        private String quoted() {
            StringBuilder token = new StringBuilder();
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                token.append(c);
            }
            pos++;
            return token.toString();
        }

        private String plain() {
            StringBuilder token = new StringBuilder();
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                token.append(c);
            }
            return token.toString();
        }

        private IllegalArgumentException error(String message) {
            int line = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return new IllegalArgumentException(".netrc line " + line + ": " + message);
        }
    }
}
