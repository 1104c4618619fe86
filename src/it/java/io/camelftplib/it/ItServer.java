package io.camelftplib.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One FTP server the ITs run against: a real one described by the {@code server.env} its start script wrote
 * ({@code $FTP_IT_DIR/<name>/server.env}, default {@code /tmp/ftp-it}), or the embedded Apache FtpServer.
 *
 * @param name         the server, e.g. {@code vsftpd}
 * @param host         the address to connect to
 * @param port         the control port (plain FTP and explicit FTPS)
 * @param reusePort    the port demanding TLS session reuse on data connections, 0 for none
 * @param implicitPort the implicit FTPS port, 0 for none
 * @param user         the test user
 * @param password     its password
 * @param mlsd         whether the server knows MLSD
 * @param offers       what the control port offers: plain FTP, explicit FTPS, or both
 * @param workDir      the directory the ITs work in, as the server names it: {@code /} where the server chroots
 *                     the user into the served directory; the served directory itself where it does not
 *                     (GNU inetutils ftpd logs the user in at {@code /})
 * @param trust        a client context trusting exactly the server's certificate; null without a certificate
 * @param problem      why the server cannot be used (no server.env), or null
 */
record ItServer(String name, String host, int port, int reusePort, int implicitPort, String user, String password,
        boolean mlsd, Offers offers, String workDir, Supplier<SSLContext> trust, String problem) {

    /** The servers src/it/servers/all.sh starts whose transfers every IT covers, the FaultProxy ones too. */
    static final String[] REAL_SERVERS = {"vsftpd", "proftpd", "pure-ftpd"};

    /**
     * The servers src/it/servers/all.sh starts for their listings: GNU inetutils ftpd (no MLSD, its own LIST) and
     * pyftpdlib's three ports (MLSD, no MLSD, FTPS only). The listing, engine and route ITs run on them.
     */
    static final String[] LISTING_SERVERS = {"inetutils-ftpd", "pyftpdlib", "pyftpdlib-nomlsd", "pyftpdlib-tls"};

    /** Which kinds of connection a control port accepts. */
    enum Offers {
        /** Plain FTP and explicit FTPS (AUTH TLS) on the same port. */
        PLAIN_AND_TLS,
        /** Plain FTP only: the server has no TLS there. */
        PLAIN,
        /** Explicit FTPS only: AUTH TLS is required before login. */
        TLS;

        static Offers of(boolean plain, boolean tls) {
            return plain && tls ? PLAIN_AND_TLS : tls ? TLS : PLAIN;
        }
    }

    /** Reads a real server's facts; a missing file gives a target that is not reachable. */
    static ItServer real(String name) {
        Path env = itDir().resolve(name).resolve("server.env");
        if (!Files.isRegularFile(env)) {
            return new ItServer(name, "127.0.0.1", 0, 0, 0, "", "", false, Offers.PLAIN_AND_TLS, "/", null,
                    name + " is not running (no " + env
                    + "): run the build as root, which starts it with src/it/servers/all.sh, or run that script as"
                    + " root first");
        }
        Properties facts = new Properties();
        try (InputStream in = Files.newInputStream(env)) {
            facts.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + env, e);
        }
        String cert = facts.getProperty("FTP_IT_CERT", "");
        Offers offers = Offers.of(Boolean.parseBoolean(facts.getProperty("FTP_IT_PLAIN", "true")),
                Boolean.parseBoolean(facts.getProperty("FTP_IT_TLS", "true")));
        return new ItServer(name, facts.getProperty("FTP_IT_HOST"), intFact(facts, "FTP_IT_PORT"),
                intFact(facts, "FTP_IT_REUSE_PORT"), intFact(facts, "FTP_IT_IMPLICIT_PORT"),
                facts.getProperty("FTP_IT_USER"), facts.getProperty("FTP_IT_PASS"),
                Boolean.parseBoolean(facts.getProperty("FTP_IT_MLSD")), offers,
                facts.getProperty("FTP_IT_WORK_DIR", "/"), cert.isEmpty() ? null : () -> trustingPem(Path.of(cert)),
                null);
    }

    /**
     * Every real server, then the embedded one; with {@code -Dftp.it.servers=a,b} only those named (e.g.
     * {@code -Dftp.it.servers=inetutils-ftpd,pyftpdlib-nomlsd} to try a change on the servers it concerns).
     */
    static List<ItServer> all(EmbeddedFtpServerExtension embedded) {
        List<String> names = new ArrayList<>(List.of(REAL_SERVERS));
        names.addAll(List.of(LISTING_SERVERS));
        names.add("embedded");
        String selected = System.getProperty("ftp.it.servers", "").strip();
        if (!selected.isEmpty()) {
            names.retainAll(List.of(selected.split("\\s*,\\s*")));
        }
        return names.stream().map(name -> name.equals("embedded") ? embedded(embedded) : real(name)).toList();
    }

    /**
     * The cases of an IT that goes through a {@code FaultProxy}: the transfer servers (not the listing ones, whose
     * transfers the engine ITs cover) in plain FTP and passive mode only, as the proxy relays neither TLS nor
     * active data connections.
     */
    static Stream<Arguments> allThroughProxy(EmbeddedFtpServerExtension embedded) {
        return Stream.concat(Stream.of(REAL_SERVERS).map(ItServer::real), Stream.of(embedded(embedded)))
                .map(server -> Arguments.of(server, "plain, passive"));
    }

    /** Whether the control port accepts the mode's kind of connection (plain FTP, or FTPS). */
    boolean offers(Mode mode) {
        return mode.tls() ? offers != Offers.PLAIN : offers != Offers.TLS;
    }

    /** The mode tests prepare and check files in: plain passive, or FTPS TLS 1.3 passive on an FTPS-only port. */
    Mode setupMode() {
        return offers == Offers.TLS ? new Mode("TLSv1.3", true) : new Mode(null, true);
    }

    /** A directory or file of the ITs, {@code relative} to {@link #workDir()}, as the server names it. */
    String absolute(String relative) {
        return workDir.equals("/") ? "/" + relative : workDir + "/" + relative;
    }

    /**
     * A directory of the ITs as an endpoint URI names it: relative to the login directory, which is
     * {@link #workDir()} where the server chroots the user, and {@code /} where it does not.
     */
    String uriPath(String relative) {
        return absolute(relative).substring(1);
    }

    /** The embedded server, started by its extension. */
    static ItServer embedded(EmbeddedFtpServerExtension server) {
        return new ItServer("embedded", server.host(), server.port(), 0, 0, EmbeddedFtpServerExtension.USER,
                EmbeddedFtpServerExtension.PASSWORD, true, Offers.PLAIN_AND_TLS, "/", server::clientSslContext, null);
    }

    /** The embedded server started with implicit TLS: its only port is the implicit one. */
    static ItServer embeddedImplicit(EmbeddedFtpServerExtension server) {
        return new ItServer("embedded", server.host(), server.port(), 0, server.port(),
                EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD, true, Offers.PLAIN_AND_TLS, "/",
                server::clientSslContext, null);
    }

    /** The directory holding each server's state, {@code $FTP_IT_DIR} or {@code /tmp/ftp-it}. */
    static Path itDir() {
        String dir = System.getenv("FTP_IT_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("ftp.it.dir", "");
        }
        // failsafe passes ${env.FTP_IT_DIR} through unresolved when the variable is unset
        return dir.isBlank() || dir.startsWith("${") ? Path.of("/tmp/ftp-it") : Path.of(dir);
    }

    /** Whether an unreachable server fails the run ({@code FTP_IT_REQUIRE=true}, set by .ci/run) or skips. */
    static boolean required() {
        return Boolean.parseBoolean(System.getenv("FTP_IT_REQUIRE"));
    }

    /** Skips the test (or, when servers are required, fails it) unless {@code port} answers. */
    void assumeReachable(int controlPort, String what) {
        String reason = problem;
        if (reason == null && controlPort <= 0) {
            reason = name + " offers no " + what;
            Assumptions.assumeTrue(false, reason);
        }
        if (reason == null) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, controlPort), 2000);
            } catch (IOException e) {
                reason = name + " does not answer on " + host + ":" + controlPort + " (" + e.getMessage() + ")";
            }
        }
        if (reason != null) {
            if (required()) {
                Assertions.fail("FTP_IT_REQUIRE=true but " + reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
    }

    /** The same server reached under another name, e.g. one its certificate does not carry. */
    ItServer withHost(String otherHost) {
        return new ItServer(name, otherHost, port, reusePort, implicitPort, user, password, mlsd, offers, workDir,
                trust, problem);
    }

    SSLContext trustContext() {
        if (trust == null) {
            throw new IllegalStateException(name + " has no certificate: it offers no FTPS");
        }
        return trust.get();
    }

    /**
     * A trusting context whose JSSE client session cache sends no TLS 1.2 session-ticket extension, so servers
     * (vsftpd) give the session an id that a data connection can resume. JSSE reads the system property when a
     * context is created, so it is set around the creation only; tests run one at a time.
     */
    SSLContext trustContextWithoutTls12Tickets() {
        String property = "jdk.tls.client.enableSessionTicketExtension";
        synchronized (ItServer.class) {
            String previous = System.getProperty(property);
            System.setProperty(property, "false");
            try {
                return trust.get();
            } finally {
                if (previous == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, previous);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static int intFact(Properties facts, String key) {
        String value = facts.getProperty(key, "0").trim();
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    /** A context whose only trusted certificate is the PEM file's. */
    static SSLContext trustingPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + pem, e);
        }
    }
}
