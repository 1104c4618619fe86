package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PORT/PASV, raw data connections, source addresses, active-mode peer checks, and desynchronisation. */
@Timeout(30)
class FtpDataConnectionTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final byte[] DATA = Fixtures.binary(50_000);

    /** Mirrors test_ftplib.TestFTPClass.test_makeport: IPv4 uses PORT, not EPRT, naming the listener. */
    @Test
    void makePortSendsPortForTheListenerBoundToTheControlAddressOnly() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER); ServerSocket listener = ftp.makePort()) {
            assertThat(listener.getInetAddress()).isEqualTo(ftp.getSocket().getLocalAddress());
            assertThat(listener.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(listener.getInetAddress().isAnyLocalAddress()).isFalse();
            int port = listener.getLocalPort();
            assertThat(commandsWithoutLateAbor()).last().isEqualTo("PORT 127,0,0,1," + port / 256 + "," + port % 256);
            assertThat(ftp.getLastResp()).isEqualTo("200");
        }
    }

    /** Mirrors test_ftplib.TestFTPClass.test_makepasv: IPv4 uses PASV, and the address is connectable. */
    @Test
    void makePasvSendsPasvAndReturnsAConnectableAddress() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            HostPort address = ftp.makePasv();
            assertThat(address.host()).isEqualTo(SERVER.host());
            try (Socket data = new Socket(address.host(), address.port())) {
                assertThat(data.isConnected()).isTrue();
            }
            assertThat(commandsWithoutLateAbor()).last().isEqualTo("PASV");
        }
    }

    @Test
    void sendPortAndSendEprtAnnounceTheAddressInTheirFormats() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.sendPort("127.0.0.1", 5001)).isEqualTo("200 Command PORT okay.");
            assertThat(ftp.sendEprt("127.0.0.1", 5001)).isEqualTo("200 Command EPRT okay.");
        }
        assertThat(SERVER.commands()).contains("PORT 127,0,0,1,19,137", "EPRT |1|127.0.0.1|5001|");
    }

    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void transferCmdOpensTheDataConnectionAndVoidRespReadsTheFinalReply(boolean passive) throws Exception {
        Fixtures.put(SERVER, "raw.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(passive);
            assertThat(retrieveRaw(ftp, "RETR raw.bin", null, Integer.MAX_VALUE)).isEqualTo(DATA);
            assertThat(ftp.voidResp()).isEqualTo("226 Transfer complete.");
            assertInStep(ftp);
        }
    }

    @Test
    void transferCmdWithRestSendsRestFirst() throws Exception {
        Fixtures.put(SERVER, "raw-rest.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(retrieveRaw(ftp, "RETR raw-rest.bin", "49990", Integer.MAX_VALUE))
                    .isEqualTo(Fixtures.from(DATA, 49_990));
            assertThat(ftp.getResp()).isEqualTo("226 Transfer complete.");
        }
        assertThat(SERVER.commands()).containsSubsequence("REST 49990", "RETR raw-rest.bin");
    }

    /** Apache FtpServer's 150 carries no "(N bytes)", so no size is announced. */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void ntransferCmdUploadsThroughTheSocketTheCallerOwns(boolean passive) throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(passive);
            ftp.voidCmd("TYPE I");
            try (DataConnection conn = ftp.ntransferCmd("STOR raw-up.bin")) {
                assertThat(conn.size()).isEqualTo(OptionalLong.empty());
                conn.socket().getOutputStream().write(DATA);
            }
            assertThat(ftp.voidResp()).isEqualTo("226 Transfer complete.");
            try (DataConnection conn = ftp.ntransferCmd("RETR raw-up.bin", 40_000L)) {
                assertThat(conn.socket().getInputStream().readAllBytes()).isEqualTo(Fixtures.from(DATA, 40_000));
            }
            assertThat(ftp.voidResp()).isEqualTo("226 Transfer complete.");
            try (DataConnection conn = ftp.ntransferCmd("RETR raw-up.bin", "49999")) {
                assertThat(conn.socket().getInputStream().readAllBytes()).containsExactly(DATA[49_999]);
            }
            assertThat(ftp.voidResp()).isEqualTo("226 Transfer complete.");
        }
        assertThat(Fixtures.read(SERVER, "raw-up.bin")).isEqualTo(DATA);
        assertThat(SERVER.commands()).containsSubsequence("STOR raw-up.bin", "REST 40000", "RETR raw-up.bin",
                "REST 49999", "RETR raw-up.bin");
    }

    /** ftplib's ftpcp: the target connects straight to the source's passive port; no byte passes the client. */
    @Test
    void ftpcpCopiesAFileFromServerToServer() throws Exception {
        Fixtures.put(SERVER, "fxp-source.bin", DATA);
        try (Ftp source = Fixtures.login(SERVER); Ftp target = Fixtures.login(SERVER)) {
            Ftp.ftpcp(source, "fxp-source.bin", target, "fxp-target.bin", "I");
            assertInStep(source);
            assertInStep(target);
        }
        assertThat(Fixtures.read(SERVER, "fxp-target.bin")).isEqualTo(DATA);
        assertThat(SERVER.commands()).contains("PASV", "STOR fxp-target.bin", "RETR fxp-source.bin")
                .anySatisfy(line -> assertThat(line).startsWith("PORT 127,0,0,1,"));
    }

    /** Mirrors test_ftplib.TestFTPClass.test_source_address_passive_connection. */
    @Test
    void passiveDataConnectionsBindToTheSourceAddress() throws Exception {
        int port = freePort();
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setSourceAddress(new InetSocketAddress(SERVER.host(), port));
            try (Socket data = ftp.transferCmd("LIST")) {
                assertThat(data.getLocalPort()).isEqualTo(port);
                assertThat(data.getInputStream().readAllBytes()).isNotNull();
            }
            assertThat(ftp.voidResp()).startsWith("226 ");
        }
    }

    /**
     * Another host connecting to the active-mode listener first is refused, instead of its bytes
     * being taken as the file. The intruder connects from 127.0.0.2 while the server handles PORT, so it is
     * first in the backlog for certain.
     */
    @Test
    void activeModeRefusesADataConnectionFromAnotherAddress() throws Exception {
        Fixtures.put(SERVER, "victim.bin", DATA);
        Socket intruder = new Socket();
        SERVER.beforeCommand("PORT", argument -> connectFrom(intruder, "127.0.0.2", argument));
        Ftp ftp = Fixtures.login(SERVER);
        ftp.setPasv(false);
        try (ftp; intruder) {
            assertThatThrownBy(() -> ftp.retrBinary("RETR victim.bin", new ByteArrayOutputStream()))
                    .isInstanceOf(FtpProtoException.class)
                    .hasMessage("data connection from 127.0.0.2 refused (only the server's address 127.0.0.1 "
                            + "may open the active-mode data connection)");
            assertThat(intruder.getLocalAddress().getHostAddress()).isEqualTo("127.0.0.2");
            assertThat(ftp.isOutOfSync()).isTrue();
        }
        assertThat(SERVER.commands()).contains("RETR victim.bin").doesNotContain("QUIT");
    }

    /**
     * Beyond ftplib: a callback failing mid-transfer leaves the final reply unread, so later
     * commands fail fast instead of reading it, and close() skips QUIT.
     */
    @Test
    void afterACallbackFailsMidTransferCommandsAreRefusedAndCloseSendsNoQuit() throws Exception {
        Fixtures.put(SERVER, "interrupted.bin", DATA);
        IOException full = new IOException("disk full");
        Ftp ftp = Fixtures.login(SERVER);
        try (ftp) {
            assertThatThrownBy(() -> ftp.retrBinary("RETR interrupted.bin", block -> {
                throw full;
            })).isSameAs(full);
            assertThat(ftp.isOutOfSync()).isTrue();
            assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                    .isInstanceOf(FtpProtoException.class)
                    .hasMessageStartingWith("the transfer RETR interrupted.bin failed before its final reply: ")
                    .hasMessageEndingWith("disk full (the control connection is out of sync; reconnect)");
            assertThatThrownBy(ftp::pwd).isInstanceOf(FtpProtoException.class).hasMessageContaining("out of sync");
        }
        assertThat(ftp.isConnected()).isFalse();
        // the recording is shared by all sessions: a late ABOR of an earlier test may land after this RETR
        List<String> commands = SERVER.commands();
        assertThat(commands.subList(commands.lastIndexOf("RETR interrupted.bin"), commands.size()))
                .doesNotContain("NOOP", "PWD", "QUIT");
    }

    @Test
    void anOutputStreamFailingMidTransferLeavesTheConnectionOutOfSyncToo() throws Exception {
        Fixtures.put(SERVER, "interrupted2.bin", DATA);
        Ftp ftp = Fixtures.login(SERVER);
        try (ftp) {
            assertThatThrownBy(() -> ftp.retrBinary("RETR interrupted2.bin", new FailingOutputStream()))
                    .isInstanceOf(IOException.class)
                    .hasMessage("stream closed");
            assertThatThrownBy(() -> ftp.voidCmd("NOOP")).isInstanceOf(FtpProtoException.class)
                    .hasMessageContaining("out of sync");
        }
        assertThat(SERVER.commands()).doesNotContain("NOOP", "QUIT");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_abort against a real server: no transfer, one 226. */
    @Test
    void abortWithoutATransferReturnsTheServersReply() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.abort()).isEqualTo("226 ABOR command successful.");
            assertInStep(ftp);
        }
        assertThat(SERVER.commands()).containsSubsequence("ABOR", "NOOP");
    }

    /** The server fails its send with 426, then answers ABOR with 226; both are read by abort(). */
    @Test
    void abortOfARunningTransferReadsThe426AndTheAbortReply() throws Exception {
        Fixtures.put(SERVER, "big.bin", new byte[32 << 20]);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(retrieveRaw(ftp, "RETR big.bin", null, 1000)).hasSize(1000);
            assertThat(ftp.abort()).isEqualTo("426 Data connection error.");
            assertThat(ftp.pwd()).isEqualTo("/");
            assertInStep(ftp);
        }
    }

    /**
     * When the transfer ended before ABOR arrived, the first 226 is the transfer's and a second one answers ABOR:
     * both are read, so the next command gets its own reply, not ABOR's.
     */
    @Test
    void abortAfterTheTransferEndedReadsBothReplies() throws Exception {
        Fixtures.put(SERVER, "small.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(retrieveRaw(ftp, "RETR small.bin", null, Integer.MAX_VALUE)).isEqualTo(DATA);
            assertThat(ftp.abort()).isEqualTo("226 Transfer complete.");
            assertInStep(ftp);
            assertThat(ftp.pwd()).isEqualTo("/");
        }
    }

    /**
     * Apache FtpServer runs one command at a time, so ABOR waits behind a RETR blocked on a full data socket:
     * no reply comes within the timeout and the engine refuses further commands rather than guess.
     */
    @Test
    void abortThatGetsNoReplyInTimeLeavesTheConnectionOutOfSync() throws Exception {
        Fixtures.put(SERVER, "stuck.bin", new byte[32 << 20]);
        Ftp ftp = new Ftp();
        ftp.connect(SERVER.host(), SERVER.port(), Duration.ofMillis(300), null);
        try (ftp) {
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ftp.voidCmd("TYPE I");
            try (Socket data = ftp.transferCmd("RETR stuck.bin")) {
                assertThat(data.getInputStream().readNBytes(1000)).hasSize(1000);
                assertThatThrownBy(ftp::abort).isInstanceOf(SocketTimeoutException.class);
            }
            assertThat(ftp.isOutOfSync()).isTrue();
            assertThatThrownBy(ftp::pwd).isInstanceOf(FtpProtoException.class)
                    .hasMessageStartingWith("reading the reply to ABOR failed: ");
        }
        assertThat(SERVER.commands()).doesNotContain("PWD", "QUIT");
    }

    /** Sends TYPE I and the command through transferCmd, reads up to {@code limit} bytes, closes the socket. */
    private static byte[] retrieveRaw(Ftp ftp, String cmd, String rest, int limit) throws IOException {
        ftp.voidCmd("TYPE I");
        try (Socket data = ftp.transferCmd(cmd, rest)) {
            return data.getInputStream().readNBytes(limit);
        }
    }

    /** The next command gets its own reply, not a stale one. */
    private static void assertInStep(Ftp ftp) throws IOException {
        assertThat(ftp.voidCmd("NOOP")).isEqualTo("200 Command NOOP okay.");
    }

    private static void connectFrom(Socket socket, String localAddress, String portArgument) {
        String[] parts = portArgument.split(",");
        int port = Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5]);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(String.join(".", parts[0], parts[1], parts[2], parts[3]), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /**
     * DataConnection.outputStream() splits a large write into socket calls of at most 64 KiB (128 KiB calls
     * measured about 30% slower, see UploadStream), keeps the bytes, and closing it closes the socket.
     */
    @Test
    void outputStreamWritesAtMost64KiBPerSocketCallAndClosesTheSocket() throws IOException {
        RecordingSocket socket = new RecordingSocket();
        byte[] data = Fixtures.binary(200_000);
        try (OutputStream out = new DataConnection(socket, OptionalLong.empty()).outputStream()) {
            out.write(data, 0, data.length);
            out.write(0xff);
        }
        assertThat(socket.writeSizes).containsExactly(65_536, 65_536, 65_536, 3_392, 1);
        byte[] expected = java.util.Arrays.copyOf(data, data.length + 1);
        expected[data.length] = (byte) 0xff;
        assertThat(socket.written.toByteArray()).isEqualTo(expected);
        assertThat(socket.isClosed()).isTrue();
    }

    /** A socket without a peer that records the size of every write and closes with its stream. */
    private static final class RecordingSocket extends Socket {
        final List<Integer> writeSizes = new java.util.ArrayList<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private boolean closed;

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writeSizes.add(len);
                    written.write(b, off, len);
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }

        @Override
        public int getSoTimeout() {
            return 0;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** An output stream that fails on the first write. */
    private static final class FailingOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("stream closed");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("stream closed");
        }
    }

    /**
     * The server's recording without ABOR lines: Apache FtpServer handles one command at a time, so an earlier
     * test's ABOR can be recorded after the commands of the next test.
     */
    private static List<String> commandsWithoutLateAbor() {
        return SERVER.commands().stream().filter(c -> !c.equals("ABOR")).toList();
    }
}
