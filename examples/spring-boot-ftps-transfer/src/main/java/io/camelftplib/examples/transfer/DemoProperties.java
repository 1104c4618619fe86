package io.camelftplib.examples.transfer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code demo.*} properties: where files come from and go to, which server to talk to, and when to stop.
 *
 * <p>Not thread-safe: bound once at startup, then only read.
 */
@ConfigurationProperties(prefix = "demo")
public class DemoProperties {

    /** Local directory the upload route reads; the sample files are copied here at startup. */
    private Path inbox = Path.of("inbox");
    /** Local directory the download route writes. */
    private Path outbox = Path.of("outbox");
    /** Committed sample files copied into the inbox at startup, so every run has something to move. */
    private Path samples = Path.of("sample-inbox");
    /** Size of a generated extra file that shows transfer progress; 0 for none. */
    private DataSize largeFile = DataSize.ofMegabytes(16);
    /** Whether the application stops once every inbox file has arrived in the outbox. */
    private boolean exitWhenDone = true;
    /** How long to wait for the files before giving up (with exit-when-done). */
    private Duration timeout = Duration.ofMinutes(2);
    /** The FTPS server. */
    private final Server server = new Server();

    /** The FTPS server: the embedded one by default, or a real one. */
    public static class Server {

        /** Whether to start the embedded FTPS server; false to use host, port, username and password. */
        private boolean embedded = true;
        /** Host name of a real server (must match its certificate). */
        private String host = "localhost";
        /** Port of a real server (explicit FTPS, AUTH TLS). */
        private int port = 21;
        /** User name (the embedded server knows demo/demo). */
        private String username = "demo";
        /** Password. */
        private String password = "demo";
        /** Remote directory files are uploaded to and downloaded from. */
        private String directory = "transfer";

        /** @return whether the embedded server runs */
        public boolean isEmbedded() {
            return embedded;
        }

        /** @param embedded whether the embedded server runs */
        public void setEmbedded(boolean embedded) {
            this.embedded = embedded;
        }

        /** @return the host */
        public String getHost() {
            return host;
        }

        /** @param host the host */
        public void setHost(String host) {
            this.host = host;
        }

        /** @return the port */
        public int getPort() {
            return port;
        }

        /** @param port the port */
        public void setPort(int port) {
            this.port = port;
        }

        /** @return the user */
        public String getUsername() {
            return username;
        }

        /** @param username the user */
        public void setUsername(String username) {
            this.username = username;
        }

        /** @return the password */
        public String getPassword() {
            return password;
        }

        /** @param password the password */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return the remote directory */
        public String getDirectory() {
            return directory;
        }

        /** @param directory the remote directory */
        public void setDirectory(String directory) {
            this.directory = directory;
        }
    }

    /** @return the inbox */
    public Path getInbox() {
        return inbox;
    }

    /** @param inbox the inbox */
    public void setInbox(Path inbox) {
        this.inbox = inbox;
    }

    /** @return the outbox */
    public Path getOutbox() {
        return outbox;
    }

    /** @param outbox the outbox */
    public void setOutbox(Path outbox) {
        this.outbox = outbox;
    }

    /** @return the sample directory */
    public Path getSamples() {
        return samples;
    }

    /** @param samples the sample directory */
    public void setSamples(Path samples) {
        this.samples = samples;
    }

    /** @return the size of the generated large file */
    public DataSize getLargeFile() {
        return largeFile;
    }

    /** @param largeFile the size of the generated large file, 0 for none */
    public void setLargeFile(DataSize largeFile) {
        this.largeFile = largeFile;
    }

    /** @return whether to exit when done */
    public boolean isExitWhenDone() {
        return exitWhenDone;
    }

    /** @param exitWhenDone whether to exit when done */
    public void setExitWhenDone(boolean exitWhenDone) {
        this.exitWhenDone = exitWhenDone;
    }

    /** @return how long to wait for the files */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout how long to wait for the files */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return the server settings */
    public Server getServer() {
        return server;
    }
}
