package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.NatForward;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The options for networks between client and server, each asserted on the commands a real server received:
 * activeExternalAddress (through a stand-in NAT router on 127.0.0.2), useEpsvWithIpv4, usePret (sent only to a
 * server whose FEAT offers PRET), trustPasvAddress, the component-level defaults, and the checks that fail endpoint
 * creation on a bad value.
 */
@Timeout(60)
class NetworkOptionsTest extends FtplibTestSupport {

    /** Offers PRET in FEAT, as distributed servers do. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withPret();

    /** Offers no PRET (Apache FtpServer's own FEAT) and opens its passive ports on 127.0.0.2 only. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension ELSEWHERE = EmbeddedFtpServerExtension.plain()
            .withPassiveAddress("127.0.0.2", "127.0.0.2");

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static String elsewhere(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + ELSEWHERE.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&maximumReconnectAttempts=0&" + options;
    }

    @Test
    void activeExternalAddressIsAdvertisedInPortAndTheFileArrivesThroughTheRouter() throws Exception {
        write("nat/a.txt", "behind NAT");
        try (NatForward router = NatForward.forPortCommands(SERVER, "127.0.0.2")) {
            MockEndpoint mock = consume("nat", "passiveMode=false&activeExternalAddress=127.0.0.2&delete=true", 1);
            mock.expectedBodiesReceived("behind NAT");
            start("nat");
            mock.assertIsSatisfied();
            // the listing and the download each had a data connection through the router
            assertThat(SERVER.commands()).filteredOn(c -> c.startsWith("PORT")).hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(c -> c.startsWith("PORT 127,0,0,2,"));
            assertThat(router.forwarded()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void useEpsvWithIpv4SendsEpsvInsteadOfPasv() {
        template.sendBodyAndHeader(to("epsv", "useEpsvWithIpv4=true"), "e", Exchange.FILE_NAME, "e.txt");
        assertThat(SERVER.file("epsv/e.txt")).hasContent("e");
        assertThat(SERVER.commands()).contains("EPSV", "STOR epsv/e.txt").doesNotContain("PASV");
    }

    @Test
    void pretPrecedesPasvWhenFeatOffersIt() {
        template.sendBodyAndHeader(to("pret", ""), "p", Exchange.FILE_NAME, "p.txt");
        assertThat(SERVER.file("pret/p.txt")).hasContent("p");
        assertThat(SERVER.commands()).containsSubsequence("FEAT", "PRET STOR pret/p.txt", "PASV", "STOR pret/p.txt");
    }

    @Test
    void usePretFalseSendsNoPretEvenWhenOffered() {
        template.sendBodyAndHeader(to("nopret", "usePret=false"), "p", Exchange.FILE_NAME, "p.txt");
        assertThat(SERVER.file("nopret/p.txt")).hasContent("p");
        assertThat(SERVER.commands()).contains("PASV").noneMatch(c -> c.startsWith("PRET"));
    }

    @Test
    void noPretToAServerWhoseFeatDoesNotOfferIt() {
        template.sendBodyAndHeader(elsewhere("plain", "trustPasvAddress=true"), "p", Exchange.FILE_NAME, "p.txt");
        assertThat(ELSEWHERE.file("plain/p.txt")).hasContent("p");
        assertThat(ELSEWHERE.commands()).contains("FEAT", "PASV").noneMatch(c -> c.startsWith("PRET"));
    }

    @Test
    void trustPasvAddressConnectsToTheAddressInThePasvReply() {
        template.sendBodyAndHeader(elsewhere("trust", "trustPasvAddress=true"), "t", Exchange.FILE_NAME, "t.txt");
        assertThat(ELSEWHERE.file("trust/t.txt")).hasContent("t");
    }

    @Test
    void withoutTrustPasvAddressTheDataConnectionGoesToTheControlAddress() {
        // the server's data port listens on 127.0.0.2 only: the client's connection to 127.0.0.1 is refused
        assertThatThrownBy(() -> template.sendBodyAndHeader(elsewhere("untrusted", "trustPasvAddress=false"), "t", Exchange.FILE_NAME,
                "t.txt")).hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(ELSEWHERE.file("untrusted/t.txt")).doesNotExist();
        assertThat(ELSEWHERE.commands()).contains("PASV").doesNotContain("STOR untrusted/t.txt");
    }

    @Test
    void componentDefaultsApplyToEndpointsUnlessTheUriSetsTheOption() throws Exception {
        FtplibComponent component = context.getComponent("ftplib", FtplibComponent.class);
        component.setUseEpsvWithIpv4(true);
        component.setControlKeepAliveTimeout(30_000);
        component.setActiveExternalAddress("203.0.113.7");
        component.setUsePret(false);
        component.setTrustPasvAddress(true);

        FtplibConfiguration inherited = context.getEndpoint(to("d1", ""), FtplibEndpoint.class).getConfiguration();
        FtplibConfiguration own = context.getEndpoint(to("d2", "useEpsvWithIpv4=false&controlKeepAliveTimeout=5s"),
                FtplibEndpoint.class).getConfiguration();

        assertThat(inherited.isUseEpsvWithIpv4()).isTrue();
        assertThat(inherited.getControlKeepAliveTimeout()).isEqualTo(30_000);
        assertThat(inherited.activeExternalInetAddress()).isEqualTo(InetAddress.getByName("203.0.113.7"));
        assertThat(inherited.isUsePret()).isFalse();
        assertThat(inherited.isTrustPasvAddress()).isTrue();
        assertThat(own.isUseEpsvWithIpv4()).isFalse();
        assertThat(own.getControlKeepAliveTimeout()).isEqualTo(5_000);
    }

    @Test
    void ftplibsEndpointsTakeTheClearCommandChannelDefault() {
        FtplibsComponent component = context.getComponent("ftplibs", FtplibsComponent.class);
        component.setClearCommandChannel(true);
        FtplibsConfiguration config = context.getEndpoint("ftplibs://u@localhost/d?password=p", FtplibsEndpoint.class)
                .getConfiguration();
        assertThat(config.isClearCommandChannel()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            activeExternalAddress=router.example|activeExternalAddress must be an IPv4 or IPv6 address such as 203.0.113.7 (the public address of the router in front of the client), was 'router.example'
            activeExternalAddress=256.1.1.1|activeExternalAddress must be an IPv4 or IPv6 address such as 203.0.113.7 (the public address of the router in front of the client), was '256.1.1.1'
            controlKeepAliveTimeout=-1|controlKeepAliveTimeout must be between 0 and 2147483647 milliseconds, was -1
            controlKeepAliveReplyTimeout=0|controlKeepAliveReplyTimeout must be between 1 and 2147483647 milliseconds, was 0
            """)
    void badValuesFailEndpointCreationNamingTheOptionTheValueAndTheRange(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint(to("bad", option)))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void anIpv6ExternalAddressIsAccepted() throws Exception {
        FtplibConfiguration config = context.getEndpoint(to("v6", "activeExternalAddress=2001:db8::7"),
                FtplibEndpoint.class).getConfiguration();
        assertThat(config.activeExternalInetAddress()).isEqualTo(InetAddress.getByName("2001:db8::7"));
    }
}
