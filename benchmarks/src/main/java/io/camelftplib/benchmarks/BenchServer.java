package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The FTP server the benchmarks talk to, and where its files and command log are on this machine (the server is
 * always local: vsftpd from {@code benchmarks/server/vsftpd-bench.sh}, or the embedded test server in CI).
 *
 * @param host       the address, 127.0.0.1
 * @param port       the control port
 * @param user       the login
 * @param password   the password (a local test account)
 * @param root       the served directory as a local path (the FTP user's "/")
 * @param systemUser the local account that owns uploads, when the server runs as one (vsftpd), for chown
 * @param log        the server's command log, when it writes one (vsftpd's {@code log_ftp_protocol})
 * @param cert       the server's TLS certificate (PEM), when it offers FTPS
 */
record BenchServer(String host, int port, String user, String password, Path root, Optional<String> systemUser,
        Optional<Path> log, Optional<Path> cert) {

    /**
     * Reads the facts {@code vsftpd-bench.sh start} writes.
     *
     * @param env the {@code server.env} file
     * @return the server
     * @throws IOException when the file cannot be read or lacks a key
     */
    static BenchServer fromEnvFile(Path env) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(env, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new BenchServer(required(p, "host", env), Integer.parseInt(required(p, "port", env)),
                required(p, "user", env), required(p, "password", env), Path.of(required(p, "root", env)),
                Optional.of(required(p, "user", env)), Optional.of(Path.of(required(p, "log", env))),
                Optional.ofNullable(p.getProperty("cert")).map(Path::of));
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(file + " has no '" + key + "'; restart the server with vsftpd-bench.sh start");
        }
        return value;
    }

    /**
     * The same server, reached at another address: what clients get behind the {@link LatencyProxy}. The root,
     * the log and the certificate stay the server's, so data checks and command counts work as before.
     *
     * @param proxyHost the address clients connect to
     * @param proxyPort the port clients connect to
     * @return the server as the clients see it
     */
    BenchServer reachedAt(String proxyHost, int proxyPort) {
        return new BenchServer(proxyHost, proxyPort, user, password, root, systemUser, log, cert);
    }

    /** Redacts the password. */
    @Override
    public String toString() {
        return "BenchServer[" + user + "@" + host + ":" + port + " root=" + root + "]";
    }
}
