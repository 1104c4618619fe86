package io.camelftplib.benchmarks;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * Apache Commons Net 3.13.0's {@link FTPClient} with its best settings for throughput: passive mode, binary
 * type set once, and a {@link #BUFFER} copy buffer (its default is 8 KiB); for many files one {@code NLST}
 * ({@code listNames}) then {@code retrieveFile} per file (PASV + RETR); for listings {@code listNames}. For W5,
 * {@link FTPSClient} with {@code PBSZ 0} and {@code PROT P}, trusting the server's certificate.
 *
 * <p>Its API reports failure as {@code false}; every such result is turned into an exception here so a failed
 * round cannot pass for a fast one. Thread-safe: holds no state.
 */
final class CommonsNetClient implements JvmClient {

    /** The copy and stream buffer; measured best of 64 KiB, 128 KiB, 256 KiB on loopback. */
    static final int BUFFER = 128 * 1024;

    @Override
    public String name() {
        return "commons-net";
    }

    @Override
    public boolean ours() {
        return false;
    }

    @Override
    public boolean supports(Workload workload) {
        return true;
    }

    @Override
    public List<String> maxHeap(Workload workload) {
        return List.of("256m");
    }

    @Override
    public Round prepare(Task task) {
        return () -> {
            FTPClient ftp = open(task);
            try {
                return move(ftp, task);
            } finally {
                if (ftp.isConnected()) {
                    ftp.logout();
                    ftp.disconnect();
                }
            }
        };
    }

    private static FTPClient open(Task task) throws IOException, GeneralSecurityException {
        BenchServer server = task.server();
        FTPClient ftp;
        if (task.workload().isTls()) {
            FTPSClient ftps = new FTPSClient("TLS", false);
            ftps.setTrustManager(Trust.trusting(server.cert().orElseThrow(
                    () -> new IOException("the server offers no certificate for FTPS"))).getTrustManagers()[0]);
            ftp = ftps;
        } else {
            ftp = new FTPClient();
        }
        ftp.setConnectTimeout((int) Duration.ofMinutes(1).toMillis());
        ftp.setDefaultTimeout((int) Duration.ofMinutes(2).toMillis());
        ftp.setBufferSize(BUFFER);
        ftp.connect(server.host(), server.port());
        check(ftp, FTPReply.isPositiveCompletion(ftp.getReplyCode()), "connect");
        check(ftp, ftp.login(server.user(), server.password()), "login");
        if (ftp instanceof FTPSClient) {
            FTPSClient ftps = (FTPSClient) ftp;
            ftps.execPBSZ(0);
            ftps.execPROT("P");
        }
        ftp.enterLocalPassiveMode();
        check(ftp, ftp.setFileType(FTP.BINARY_FILE_TYPE), "TYPE I");
        return ftp;
    }

    private static Moved move(FTPClient ftp, Task task) throws IOException {
        switch (task.workload().plainTwin()) {
            case W1_DOWNLOAD:
                try (OutputStream out = new FileOutputStream(task.local().toFile())) {
                    check(ftp, ftp.retrieveFile(task.remote(), out), "RETR " + task.remote());
                }
                return new Moved(Files.size(task.local()), 1);
            case W2_UPLOAD:
                try (InputStream in = new FileInputStream(task.local().toFile())) {
                    check(ftp, ftp.storeFile(task.remote(), in), "STOR " + task.remote());
                }
                return new Moved(Files.size(task.local()), 1);
            case W3_MANY_FILES:
                Files.createDirectories(task.local());
                String[] names = ftp.listNames(task.remote());
                check(ftp, names != null, "NLST " + task.remote());
                long bytes = 0;
                for (String path : names) {
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    try (OutputStream out = new FileOutputStream(task.local().resolve(name).toFile())) {
                        check(ftp, ftp.retrieveFile(task.remote() + "/" + name, out), "RETR " + name);
                    }
                    bytes += Files.size(task.local().resolve(name));
                }
                return new Moved(bytes, names.length);
            default:
                String[] entries = ftp.listNames(task.remote());
                check(ftp, entries != null, "NLST " + task.remote());
                return new Moved(0, entries.length);
        }
    }

    private static void check(FTPClient ftp, boolean ok, String what) throws IOException {
        if (!ok) {
            throw new IOException("commons-net: " + what + " failed: " + ftp.getReplyString().trim());
        }
    }
}
