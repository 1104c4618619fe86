package io.camelftplib.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.camelftplib.ftplib.FtpProxy;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One of the real proxies src/it/servers/proxies.sh starts (tinyproxy for HTTP CONNECT, microsocks for SOCKS5),
 * read from {@code $FTP_IT_DIR/proxies/server.env}.
 *
 * @param name     names the case, e.g. {@code tinyproxy}
 * @param type     HTTP or SOCKS5
 * @param host     the proxy's address
 * @param port     its port, 0 when the facts are missing
 * @param user     its login, or null for a proxy without authentication
 * @param password the login's password, or null
 */
record ItProxy(String name, FtpProxy.Type type, String host, int port, String user, String password) {

    /** tinyproxy with Basic authentication, microsocks with a login, microsocks without one. */
    static List<ItProxy> all() {
        Properties facts = facts();
        String host = facts.getProperty("FTP_IT_HOST", "127.0.0.1");
        String user = facts.getProperty("FTP_IT_PROXY_USER");
        String pass = facts.getProperty("FTP_IT_PROXY_PASS");
        return List.of(
                new ItProxy("tinyproxy", FtpProxy.Type.HTTP, host, port(facts, "FTP_IT_HTTP_PROXY_PORT"), user, pass),
                new ItProxy("microsocks", FtpProxy.Type.SOCKS5, host, port(facts, "FTP_IT_SOCKS_PROXY_PORT"), user,
                        pass),
                new ItProxy("microsocks-noauth", FtpProxy.Type.SOCKS5, host,
                        port(facts, "FTP_IT_SOCKS_NOAUTH_PROXY_PORT"), null, null));
    }

    /** The engine's value for this proxy, with its login when it has one. */
    FtpProxy toFtpProxy() {
        return new FtpProxy(type, host, port, user, password);
    }

    /** The same proxy with a password it refuses. */
    FtpProxy withWrongPassword() {
        return new FtpProxy(type, host, port, user, password + "-wrong");
    }

    /** Skips the test (fails it with {@code FTP_IT_REQUIRE=true}) unless the proxy accepts connections. */
    void assumeReachable() {
        String reason = null;
        if (port <= 0) {
            reason = name + " is not running (no " + env() + "): run src/it/servers/proxies.sh start";
        } else {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), 2000);
            } catch (IOException e) {
                reason = name + " does not answer on " + host + ":" + port + " (" + e.getMessage() + ")";
            }
        }
        if (reason != null) {
            if (ItServer.required()) {
                Assertions.fail("FTP_IT_REQUIRE=true but " + reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static Path env() {
        return ItServer.itDir().resolve("proxies").resolve("server.env");
    }

    private static Properties facts() {
        Properties facts = new Properties();
        if (Files.isRegularFile(env())) {
            try (InputStream in = Files.newInputStream(env())) {
                facts.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + env(), e);
            }
        }
        return facts;
    }

    private static int port(Properties facts, String key) {
        return Integer.parseInt(facts.getProperty(key, "0").trim());
    }
}
