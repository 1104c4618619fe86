package io.camelftplib.ftplib;

import static io.camelftplib.ftplib.testing.ScriptedFtpServer.LIST_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile passive-mode replies, which must not steer the data connection elsewhere: a PASV naming another host,
 * impossible 227 addresses and ports, malformed 229 replies. Every refusal must come before the client connects
 * anywhere, and leaves the conversation usable (the bad reply was read whole).
 */
@Timeout(30)
class HostilePassiveTest {

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** A PASV naming 127.0.0.2 (where nothing listens) is ignored by default; the data goes to the peer. */
    @Test
    void foreignPasvHostIsIgnoredByDefault() throws IOException {
        scripted.server().on("PASV", (s, arg) -> s.acceptPassive(p -> ScriptedFtpServer.reply227("127.0.0.2", p)));
        assertThat(list(scripted.client())).containsExactly("foo", "bar", " non-ascii char \u00ae");
    }

    /** The address is used when trusted (ftplib's trust_server_pasv_ipv4_address). */
    @Test
    void foreignPasvHostIsUsedWhenTrusted() throws IOException {
        scripted.server().on("PASV", (s, arg) -> s.acceptPassive(p -> ScriptedFtpServer.reply227("127.0.0.2", p)));
        Ftp ftp = scripted.client();
        ftp.setTrustServerPasvIpv4Address(true);
        HostPort address = ftp.makePasv();
        assertThat(address.host()).isEqualTo("127.0.0.2");
        new Socket(ftp.getSocket().getInetAddress(), address.port()).close();
    }

    /** Hardened: even a trusted PASV may not name the wildcard, a multicast or the broadcast address. */
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255"})
    void trustedPasvHostThatCannotBeConnectedToIsRefused(String host) throws IOException {
        String reply = ScriptedFtpServer.reply227(host, 2121);
        scripted.server().reply("PASV", reply);
        Ftp ftp = scripted.client();
        ftp.setTrustServerPasvIpv4Address(true);
        assertThatThrownBy(() -> ftp.retrLines("LIST", line -> { }))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage(reply + " (the PASV address " + host + " cannot be connected to)");
        assertThatConversationGoesOn(ftp, "TYPE A", "PASV");
    }

    /** An untrusted wildcard address (a NAT'd server's usual mistake) is simply replaced by the peer. */
    @Test
    void untrustedWildcardPasvHostIsReplacedByThePeer() throws IOException {
        scripted.server().on("PASV", (s, arg) -> s.acceptPassive(p -> ScriptedFtpServer.reply227("0.0.0.0", p)));
        assertThat(list(scripted.client())).hasSize(3);
    }

    /**
     * For FXP: ftpcp tells the target the source's peer address, never the address the source advertised
     * (ftplib 3.11 used the advertised one; fixed upstream by gh-87451).
     */
    @Test
    void ftpcpSendsTheSourcePeerToTheTarget() throws IOException {
        ScriptedFtpServer source = scripted.server();
        try (ScriptedFtpServer target = ScriptedFtpServer.start()) {
            Ftp.ftpcp(scripted.client(), "a.bin", scripted.clientOf(target), "", "I");
            assertThat(source.commands()).containsExactly("TYPE I", "PASV", "RETR a.bin");
            assertThat(target.commands()).hasSize(3);
            assertThat(target.commands().get(1)).startsWith("PORT 127,0,0,1,");
            assertThat(target.commands().get(2)).isEqualTo("STOR a.bin");
            assertThat(target.storedPayloads()).singleElement()
                    .isEqualTo(ScriptedFtpServer.RETR_DATA.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Octets over 255, port 0 and ports over 65535 are refused before connecting, trusted or not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "false | 227 (999,1,1,1,4,1)     | the PASV address 999.1.1.1 is not an IPv4 address",
        "true  | 227 (999,1,1,1,4,1)     | the PASV address 999.1.1.1 is not an IPv4 address",
        "false | 227 (127,0,0,256,4,1)   | the PASV address 127.0.0.256 is not an IPv4 address",
        "false | 227 (127,0,0,1,0,0)     | the passive port 0 is outside 1-65535; refusing to connect",
        "true  | 227 =127,0,0,1,0,0      | the passive port 0 is outside 1-65535; refusing to connect",
        "false | 227 (127,0,0,1,300,1)   | the passive port 76801 is outside 1-65535; refusing to connect",
        "false | 227 (127,0,0,1,256,0)   | the passive port 65536 is outside 1-65535; refusing to connect",
        "false | 227 (127,0,0,1,0,99999) | the passive port 99999 is outside 1-65535; refusing to connect"})
    void impossiblePasvAddressIsRefused(boolean trusted, String reply, String reason) throws IOException {
        scripted.server().reply("PASV", reply);
        Ftp ftp = scripted.client();
        ftp.setTrustServerPasvIpv4Address(trusted);
        assertThatThrownBy(ftp::makePasv)
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage(reply + " (" + reason + ")")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo(reply);
        assertThatConversationGoesOn(ftp, "PASV");
    }

    /** Boundary: octets 255 and port 65535 are valid addresses. */
    @Test
    void largestValidPasvAddressIsAccepted() throws IOException {
        scripted.server().reply("PASV", "227 (255,255,255,254,255,255)");
        assertThat(scripted.client().makePasv()).isEqualTo(new HostPort("127.0.0.1", 65535));
    }

    /** On IPv6 the client sends EPSV; malformed 229 replies are refused before connecting. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "229 (|||99999|)#  the passive port 99999 is outside 1-65535; refusing to connect",
        "229 (|||0|)#      the passive port 0 is outside 1-65535; refusing to connect",
        "229 (||||)#       the EPSV port is not a number",
        "229 (|||-1|)#     the EPSV port is not a number",
        "229 (|||0x10|)#   the EPSV port is not a number"})
    void malformedEpsvReplyIsRefused(String reply, String reason) throws IOException {
        try (ScriptedFtpServer server = ipv6Server()) {
            server.reply("EPSV", reply);
            Ftp ftp = scripted.clientOf(server);
            assertThatThrownBy(ftp::makePasv)
                    .isExactlyInstanceOf(FtpProtoException.class)
                    .hasMessage(reply + " (" + reason + ")");
            assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
            assertThat(server.commands()).containsExactly("EPSV", "NOOP");
        }
    }

    /** Control: a well-formed EPSV on IPv6 (test_ftplib.TestIPv6Environment.test_makepasv) transfers data. */
    @Test
    void wellFormedEpsvOnIpv6Transfers() throws IOException {
        try (ScriptedFtpServer server = ipv6Server()) {
            assertThat(list(scripted.clientOf(server))).hasSize(3);
            assertThat(server.commands()).containsExactly("TYPE A", "EPSV", "LIST");
        }
    }

    private static List<String> list(Ftp ftp) throws IOException {
        List<String> lines = new ArrayList<>();
        assertThat(ftp.retrLines("LIST", lines::add)).isEqualTo("226 transfer complete");
        assertThat(String.join("\r\n", lines) + "\r\n").isEqualTo(LIST_DATA);
        return lines;
    }

    private void assertThatConversationGoesOn(Ftp ftp, String... commandsBefore) throws IOException {
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
        List<String> expected = new ArrayList<>(List.of(commandsBefore));
        expected.add("NOOP");
        assertThat(scripted.server().commands()).containsExactlyElementsOf(expected);
    }

    private static ScriptedFtpServer ipv6Server() throws IOException {
        InetAddress loopback6 = InetAddress.getByName("::1");
        try {
            return ScriptedFtpServer.startOn(loopback6);
        } catch (IOException e) {
            assumeThat(e).as("IPv6 loopback available").isNull();
            throw e;
        }
    }
}
