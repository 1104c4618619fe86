package io.camelftplib.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import javax.net.ssl.SSLException;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpTls;
import org.junit.jupiter.api.Assumptions;

/** Opens the conversations the ITs use: plain FTP, or FTPS with PROT P on one TLS version. */
final class ItClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ItClients() {
    }

    /**
     * Connects to the control port and logs in as the mode says (FTPS: AUTH TLS, login, PBSZ 0 + PROT P). Skips
     * when the server is unreachable (fails with {@code FTP_IT_REQUIRE=true}) or does not offer the TLS version.
     */
    static Ftp login(ItServer target, Mode mode) throws IOException {
        target.assumeReachable(target.port(), "control port");
        Ftp ftp = mode.tls() ? tls(target, mode.protocol()) : new Ftp();
        ftp.setPasv(mode.passive());
        return login(ftp, target, target.port());
    }

    /** An unconnected FtpTls trusting the target's certificate and offering one TLS version. */
    static FtpTls tls(ItServer target, String protocol) {
        FtpTls ftp = new FtpTls(target.trustContext());
        ftp.setEnabledProtocols(protocol);
        return ftp;
    }

    /**
     * Connects a prepared client to the server's host, logs in, for FtpTls protects the data connections, and
     * changes to the directory the ITs work in where the server did not chroot the user there.
     */
    static <T extends Ftp> T login(T ftp, ItServer target, int port) throws IOException {
        ftp.setTimeout(TIMEOUT);
        try {
            ftp.connect(target.host(), port);
            ftp.login(target.user(), target.password());
            if (ftp instanceof FtpTls) {
                ((FtpTls) ftp).protP();
            }
            if (!target.workDir().equals("/")) {
                ftp.cwd(target.workDir());
            }
            return ftp;
        } catch (SSLException e) {
            ftp.disconnect();
            Assumptions.assumeFalse(isVersionNotOffered(e), target + " does not offer " + e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            ftp.disconnect();
            throw e;
        }
    }

    /** Whether a handshake failed because client and server share no protocol version. */
    static boolean isVersionNotOffered(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates a directory and stores random bytes in it as {@code name}, in the server's setup mode. Skips as
     * {@link #login(ItServer, Mode)} does when the server is unreachable.
     *
     * @param seed the same seed gives the same bytes, so a failing run can be repeated
     * @return the bytes stored
     */
    static byte[] storeRandom(ItServer target, String directory, String name, int size, long seed)
            throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        try (Ftp ftp = login(target, target.setupMode())) {
            ftp.mkd(directory);
            ftp.storBinary("STOR " + directory + "/" + name, new ByteArrayInputStream(content));
        }
        return content;
    }

    /** A remote file name no other test or run uses. */
    static String uniqueName(String what) {
        return "it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8) + ".bin";
    }

    /** Deletes a remote file at the end of a test; a file already gone is fine. */
    static void deleteQuietly(Ftp ftp, String name) throws IOException {
        if (ftp.isConnected() && !ftp.isOutOfSync() && ftp.nlst().contains(name)) {
            ftp.delete(name);
        }
    }
}
