package io.camelftplib.examples.main;

import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's settings, from {@code -Ddemo.*} system properties with defaults for the embedded server.
 *
 * @param embedded  whether to start the embedded server ({@code demo.server.embedded}, default true)
 * @param host      server host ({@code demo.server.host})
 * @param port      server port ({@code demo.server.port}; the embedded server's own when embedded)
 * @param username  user ({@code demo.server.username}, default demo)
 * @param password  password ({@code demo.server.password}, default demo)
 * @param directory remote directory ({@code demo.server.directory}, default transfer)
 * @param samples   files copied into the inbox at start ({@code demo.samples}, default sample-inbox)
 * @param inbox     local upload directory ({@code demo.inbox}, default inbox)
 * @param outbox    local download directory ({@code demo.outbox}, default outbox)
 * @param largeFileMegabytes size of a generated extra file that shows progress ({@code demo.large-file-mb},
 *                  default 16; 0 for none)
 */
record Settings(boolean embedded, String host, int port, String username, String password, String directory,
                Path samples, Path inbox, Path outbox, int largeFileMegabytes) {

    /**
     * Reads the settings.
     *
     * @return the settings
     */
    static Settings fromSystemProperties() {
        boolean embedded = Boolean.parseBoolean(System.getProperty("demo.server.embedded", "true"));
        return new Settings(embedded,
                embedded ? "127.0.0.1" : System.getProperty("demo.server.host", "localhost"),
                Integer.parseInt(System.getProperty("demo.server.port", "21")),
                System.getProperty("demo.server.username", "demo"),
                System.getProperty("demo.server.password", "demo"),
                System.getProperty("demo.server.directory", "transfer"),
                Path.of(System.getProperty("demo.samples", "sample-inbox")),
                Path.of(System.getProperty("demo.inbox", "inbox")),
                Path.of(System.getProperty("demo.outbox", "outbox")),
                Integer.parseInt(System.getProperty("demo.large-file-mb", "16")));
    }

    /**
     * Returns these settings with another port (the embedded server's).
     *
     * @param newPort the port
     * @return the settings
     */
    Settings withPort(int newPort) {
        return new Settings(embedded, host, newPort, username, password, directory, samples, inbox, outbox,
                largeFileMegabytes);
    }

    /**
     * Returns the placeholders the routes use.
     *
     * @return property names to values
     */
    Map<String, String> toProperties() {
        return Map.of("demo.server.host", host, "demo.server.port", String.valueOf(port),
                "demo.server.username", username, "demo.server.password", password,
                "demo.server.directory", directory,
                "demo.inbox", inbox.toAbsolutePath().toString(), "demo.outbox", outbox.toAbsolutePath().toString());
    }
}
