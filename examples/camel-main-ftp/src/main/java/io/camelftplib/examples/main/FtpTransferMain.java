package io.camelftplib.examples.main;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelftplib.examples.support.EmbeddedFtpServer;
import io.camelftplib.examples.support.SampleInbox;
import io.camelftplib.ftplib.Ftp;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo with plain Camel Main, no Spring: copies {@code sample-inbox/} into {@code inbox/}, starts an embedded
 * FTP server (unless {@code -Ddemo.server.embedded=false}), checks the login once, runs the routes until every
 * file is in {@code outbox/}, then stops.
 */
public final class FtpTransferMain {

    private static final Logger LOG = LoggerFactory.getLogger(FtpTransferMain.class);

    private FtpTransferMain() {
    }

    /**
     * Runs the demo; exits with 1 and one line naming host, user and what to check when the server refuses.
     *
     * @param args not used; settings are system properties ({@code -Ddemo.server.host=...})
     * @throws Exception when the demo fails in an unexpected way
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int status;
        try (EmbeddedFtpServer embedded = settings.embedded() ? EmbeddedFtpServer.plain("demo", "demo") : null) {
            Settings actual = embedded == null ? settings : settings.withPort(embedded.port());
            String problem = checkLogin(actual);
            if (problem != null) {
                System.err.println(problem);
                status = 1;
            } else {
                status = run(actual, Duration.ofMinutes(2)) ? 0 : 1;
            }
        }
        // exit explicitly: the embedded server's I/O threads would keep exec:java waiting
        System.exit(status);
    }

    /**
     * Copies the samples into the inbox and runs the routes until all arrived.
     *
     * @param settings where files and server are
     * @param timeout  how long to wait for the files
     * @return true when all arrived in time
     * @throws Exception when Camel fails to start
     */
    static boolean run(Settings settings, Duration timeout) throws Exception {
        List<String> files = new SampleInbox(settings.samples(), settings.inbox(),
                settings.largeFileMegabytes() * 1024L * 1024).fill();
        CountDownLatch arrivals = new CountDownLatch(files.size());
        Main main = new Main();
        main.configure().addRoutesBuilder(new TransferRoutes(arrivals));
        settings.toProperties().forEach(main::addInitialProperty);
        main.start();
        try {
            boolean done = arrivals.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(done ? "All {} files moved: inbox -> server -> outbox" : "Gave up: {} files did not arrive",
                    done ? files.size() : arrivals.getCount());
            return done;
        } finally {
            main.stop();
        }
    }

    /**
     * Logs in once with the engine, so a wrong setting fails at once with one line, not a warning per poll.
     *
     * @param settings the server and user
     * @return null when the login worked, else the line to print
     */
    static String checkLogin(Settings settings) {
        try (Ftp ftp = new Ftp()) {
            ftp.connect(settings.host(), settings.port(), Duration.ofSeconds(5), null);
            ftp.login(settings.username(), settings.password());
            return null;
        } catch (IOException e) {
            return "ERROR: cannot log in to the FTP server " + settings.host() + ":" + settings.port() + " as user '"
                    + settings.username() + "': " + e.getMessage() + " -- check -Ddemo.server.host, "
                    + "-Ddemo.server.port, -Ddemo.server.username and -Ddemo.server.password";
        }
    }
}
