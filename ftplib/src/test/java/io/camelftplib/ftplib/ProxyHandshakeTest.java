package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proxy answers no real proxy gives (a garbage status line, an endless header, a SOCKS version or method that was
 * not asked for, an unknown address type, a close mid-handshake), from a tiny scripted proxy: each fails the
 * connect with {@link FtpProxyException} naming the proxy and what was wrong. Transfers through real proxies are
 * in the integration tests.
 */
@Timeout(30)
class ProxyHandshakeTest {

    static Stream<Arguments> malformedAnswers() {
        byte[] longLine = ("HTTP/1.1 200 OK\r\nX: " + "a".repeat(9000) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(FtpProxy.Type.HTTP, List.of(ascii("SSH-2.0-OpenSSH_9.2\r\n")),
                        "answered CONNECT 127.0.0.1:21 with \"SSH-2.0-OpenSSH_9.2\", which is not an HTTP status line"),
                Arguments.of(FtpProxy.Type.HTTP, List.of(longLine), "with a line over 8192 bytes"),
                Arguments.of(FtpProxy.Type.HTTP, List.of(ascii("HTTP/1.1 403 Forbidden\r\n\r\n")),
                        "refused CONNECT 127.0.0.1:21: HTTP/1.1 403 Forbidden (the proxy does not let CONNECT reach"),
                Arguments.of(FtpProxy.Type.HTTP, List.of(ascii("HTTP/1.1 200 Conn")),
                        "closed the connection during the HTTP CONNECT handshake for 127.0.0.1:21"),
                Arguments.of(FtpProxy.Type.SOCKS5, List.of(new byte[] {4, 0}),
                        "answered the SOCKS5 greeting with version 4"),
                Arguments.of(FtpProxy.Type.SOCKS5, List.of(new byte[] {5, 1}),
                        "chose the SOCKS5 authentication method 1, which was not offered"),
                Arguments.of(FtpProxy.Type.SOCKS5, List.of(new byte[] {5, (byte) 0xFF}),
                        "the proxy requires a login: set a proxy username and password"),
                Arguments.of(FtpProxy.Type.SOCKS5, List.of(new byte[] {5, 0}, new byte[] {5, 0, 0, 9}),
                        "with the unknown address type 9"),
                Arguments.of(FtpProxy.Type.SOCKS5, List.of(new byte[] {5, 0}, new byte[] {5, 2, 0, 1, 0, 0, 0, 0, 0, 0}),
                        "refused to connect to 127.0.0.1:21: SOCKS5 reply 2 (connection not allowed by ruleset)"),
                Arguments.of(FtpProxy.Type.SOCKS5, List.of(new byte[] {5}),
                        "closed the connection during the SOCKS5 handshake for 127.0.0.1:21"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformedAnswers")
    void aMalformedProxyAnswerFailsTheConnectNamingTheProxy(FtpProxy.Type type, List<byte[]> answers, String what)
            throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> proxy = CompletableFuture.runAsync(() -> play(server, answers));
            Ftp ftp = new Ftp();
            ftp.setProxy(new FtpProxy(type, "127.0.0.1", server.getLocalPort(), null, null));
            assertThatThrownBy(() -> ftp.connect("127.0.0.1", 21, Duration.ofSeconds(10), null))
                    .isExactlyInstanceOf(FtpProxyException.class)
                    .hasMessageStartingWith("the " + type + " proxy 127.0.0.1:" + server.getLocalPort())
                    .hasMessageContaining(what);
            proxy.get();
        }
    }

    /** Reads what the client sent before each answer, sends the answer, and closes after the last. */
    private static void play(ServerSocket server, List<byte[]> answers) {
        try (Socket client = server.accept()) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[4096];
            for (byte[] answer : answers) {
                in.read(buffer);
                out.write(answer);
                out.flush();
            }
            client.shutdownOutput();
            drain(in, buffer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads until the client closes; a client that closed with our answer unread resets the connection. */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        try {
            while (in.read(buffer) >= 0) {
                // the client decides on the answers alone
            }
        } catch (java.net.SocketException reset) {
            // the client stopped reading an over-long answer and closed: the case under test
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
