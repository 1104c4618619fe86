package io.camelftplib.benchmarks;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;

import io.camelftplib.ftplib.DataConnection;
import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpTls;

/**
 * Our engine, {@link Ftp}, used as its javadoc shows: {@code retrBinary(cmd, OutputStream)} and
 * {@code storBinary(cmd, InputStream)} for the big file, {@code retrLines("NLST dir", sink)} for listings (the
 * streaming path: no list is built), and for many files one {@code NLST} then, per file, either
 * {@link Ftp#ntransferCmd} + {@link Ftp#voidResp()} after one {@code TYPE I} (PASV + RETR: 2 commands a file,
 * the {@code transfercmd} idiom of ftplib) or, in the {@code retrBinary} variant, {@code retrBinary} per file
 * (TYPE I + PASV + RETR, as ftplib's {@code retrbinary} sends).
 *
 * <p>How a session is opened is pluggable ({@link Opener}): FTPS for W5 is {@link Opener#TLS}, and the
 * workloads run unchanged on an {@link FtpTls} after {@code auth()} and {@code protP()}. Thread-safe: holds
 * settings only.
 */
final class EngineClient implements JvmClient {

    /** Opens a logged-in session; {@link #PLAIN} for FTP, {@link #TLS} for W5. */
    @FunctionalInterface
    interface Opener {
        /** Plain FTP: connect, log in. */
        Opener PLAIN = server -> {
            Ftp ftp = new Ftp();
            try {
                ftp.connect(server.host(), server.port(), Duration.ofMinutes(2), null);
                ftp.login(server.user(), server.password());
                return ftp;
            } catch (IOException | RuntimeException e) {
                ftp.disconnect();
                throw e;
            }
        };

        /**
         * FTPS for W5: an {@link FtpTls} trusting exactly the server's certificate, with host name verification
         * left on (the bench certificates name 127.0.0.1 and localhost), then {@code AUTH TLS}, login and
         * {@code PROT P}.
         */
        Opener TLS = server -> {
            SSLContext context;
            try {
                context = Trust.context(server.cert().orElseThrow(() -> new IOException(
                        "the server offers no certificate for W5; restart it with vsftpd-bench.sh start")));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot trust the bench server's certificate: " + e.getMessage(), e);
            }
            FtpTls ftp = new FtpTls(context);
            try {
                ftp.connect(server.host(), server.port(), Duration.ofMinutes(2), null);
                ftp.auth();
                ftp.login(server.user(), server.password());
                ftp.protP();
                return ftp;
            } catch (IOException | RuntimeException e) {
                ftp.disconnect();
                throw e;
            }
        };

        /**
         * Connects and logs in.
         *
         * @param server where
         * @return the session; the caller closes it
         * @throws IOException when connecting or logging in fails
         */
        Ftp open(BenchServer server) throws IOException;
    }

    // the same size as the engine's own stream buffer
    private static final int BUFFER = 128 * 1024;

    private final String name;
    private final Opener opener;
    private final Set<Workload> workloads;
    private final boolean perFileRetrBinary;

    private EngineClient(String name, Opener opener, Set<Workload> workloads, boolean perFileRetrBinary) {
        this.name = name;
        this.opener = opener;
        this.workloads = Set.copyOf(workloads);
        this.perFileRetrBinary = perFileRetrBinary;
    }

    /** The engine over plain FTP, on W1-W4. */
    static EngineClient plain() {
        return new EngineClient("engine", Opener.PLAIN, Set.of(Workload.W1_DOWNLOAD, Workload.W2_UPLOAD,
                Workload.W3_MANY_FILES, Workload.W4_LIST, Workload.W4_LIST_LARGE), false);
    }

    /** The engine with one {@code retrBinary} per file on W3: what a user writes first. */
    static EngineClient plainRetrBinaryPerFile() {
        return new EngineClient("engine retrBinary/file", Opener.PLAIN, Set.of(Workload.W3_MANY_FILES), true);
    }

    /**
     * The engine over FTPS for W5, given an opener that returns an {@code FtpTls} after {@code auth()},
     * {@code login} and {@code protP()}, such as {@link Opener#TLS}.
     *
     * @param opener the FTPS opener
     * @return the client
     */
    static EngineClient tls(Opener opener) {
        return new EngineClient("engine FTPS", opener, Set.of(Workload.W5_TLS_DOWNLOAD, Workload.W5_TLS_MANY_FILES),
                false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean ours() {
        return true;
    }

    @Override
    public boolean supports(Workload workload) {
        return workloads.contains(workload);
    }

    @Override
    public List<String> maxHeap(Workload workload) {
        // the engine streams: it must move 1 GiB within a 64 MiB heap, and everything else must fit there too
        return List.of("64m");
    }

    @Override
    public Round prepare(Task task) {
        return () -> {
            try (Ftp ftp = opener.open(task.server())) {
                switch (task.workload().plainTwin()) {
                    case W1_DOWNLOAD:
                        try (OutputStream out = new FileOutputStream(task.local().toFile())) {
                            ftp.retrBinary("RETR " + task.remote(), out);
                        }
                        return new Moved(Files.size(task.local()), 1);
                    case W2_UPLOAD:
                        try (InputStream in = new FileInputStream(task.local().toFile())) {
                            ftp.storBinary("STOR " + task.remote(), in);
                        }
                        return new Moved(Files.size(task.local()), 1);
                    case W3_MANY_FILES:
                        return fetchAll(ftp, task);
                    default:
                        long[] entries = new long[1];
                        ftp.retrLines("NLST " + task.remote(), line -> entries[0]++);
                        return new Moved(0, entries[0]);
                }
            }
        };
    }

    private Moved fetchAll(Ftp ftp, Task task) throws IOException {
        Files.createDirectories(task.local());
        List<String> names = new ArrayList<>();
        ftp.retrLines("NLST " + task.remote(), line -> names.add(line.substring(line.lastIndexOf('/') + 1)));
        long bytes = 0;
        byte[] buffer = new byte[BUFFER];
        if (!perFileRetrBinary) {
            ftp.voidCmd("TYPE I");
        }
        for (String name : names) {
            String cmd = "RETR " + task.remote() + "/" + name;
            try (OutputStream out = new FileOutputStream(task.local().resolve(name).toFile())) {
                if (perFileRetrBinary) {
                    ftp.retrBinary(cmd, out);
                    bytes += Files.size(task.local().resolve(name));
                } else {
                    try (DataConnection conn = ftp.ntransferCmd(cmd)) {
                        bytes += copy(conn.socket().getInputStream(), out, buffer);
                    }
                    ftp.voidResp();
                }
            }
        }
        return new Moved(bytes, names.size());
    }

    private static long copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
