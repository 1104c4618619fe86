package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option values are checked when the endpoint is created: Camel's own conversion reads {@code abc} and {@code 1.5}
 * as 0 and passes negative numbers on, which for a socket means waiting forever.
 */
class OptionValidationTest {

    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
    }

    @AfterEach
    void stopContext() throws Exception {
        context.close();
    }

    /** Each bad value is refused with the option, the value and the allowed range. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timeout=-5|The option timeout=-5 of ftplib://host/in?timeout=-5 is out of range (0 or less would wait "
            + "forever): use 1 to 2147483647 milliseconds, or a duration such as 30s",
        "timeout=abc|The option timeout=abc of ftplib://host/in?timeout=abc is not a whole number of milliseconds "
            + "nor a duration such as 30s, 5m or 1h30m: use 1 to 2147483647 milliseconds, or a duration such as 30s",
        "timeout=1.5|The option timeout=1.5 of ftplib://host/in?timeout=1.5 is not a whole number of milliseconds "
            + "nor a duration such as 30s, 5m or 1h30m: use 1 to 2147483647 milliseconds, or a duration such as 30s",
        "soTimeout=-1|The option soTimeout=-1 of ftplib://host/in?soTimeout=-1 is out of range (0 or less would wait "
            + "forever): use 1 to 2147483647 milliseconds, or a duration such as 30s",
        "connectTimeout=-1|The option connectTimeout=-1 of ftplib://host/in?connectTimeout=-1 is out of range (0 or "
            + "less would wait forever): use 1 to 2147483647 milliseconds, or a duration such as 30s",
        "connectTimeout=0|The option connectTimeout=0 of ftplib://host/in?connectTimeout=0 is out of range (0 or "
            + "less would wait forever): use 1 to 2147483647 milliseconds, or a duration such as 30s",
        "listingTimeout=99999999999|The option listingTimeout=99999999999 of "
            + "ftplib://host/in?listingTimeout=99999999999 is out of range (0 or less would wait forever): use 1 to "
            + "2147483647 milliseconds, or a duration such as 30s",
        "maximumReconnectAttempts=-2|The option maximumReconnectAttempts=-2 of "
            + "ftplib://host/in?maximumReconnectAttempts=-2 is out of range (0 turns retries off): use 0 to "
            + "2147483647",
        "maxConnections=two|The option maxConnections=two of ftplib://host/in?maxConnections=two is not a whole "
            + "number: use 1 to 2147483647"})
    void aBadNumberIsRefusedNamingOptionValueAndRange(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint("ftplib://host/in?" + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    /** Camel's duration syntax and plain milliseconds both still work. */
    @Test
    void durationsAndMillisecondsAreAccepted() {
        FtplibEndpoint endpoint = context.getEndpoint("ftplib://host/in?timeout=1m30s&soTimeout=45000"
                + "&listingTimeout=2h&reconnectDelay=0", FtplibEndpoint.class);
        assertThat(endpoint.getConfiguration().getTimeout()).isEqualTo(90_000);
        assertThat(endpoint.getConfiguration().getSoTimeout()).isEqualTo(45_000);
        assertThat(endpoint.getConfiguration().getListingTimeout()).isEqualTo(7_200_000);
        assertThat(endpoint.getConfiguration().getReconnectDelay()).isZero();
    }

    /** A typed value, as Java endpoint builders pass it rather than text, is checked as well. */
    @Test
    void aTypedValueIsCheckedToo() {
        FtplibComponent component = context.getComponent("ftplib", FtplibComponent.class);
        Map<String, Object> parameters = new HashMap<>(Map.of("soTimeout", -1));
        assertThatThrownBy(() -> component.createEndpoint("ftplib://host/in", parameters))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("The option soTimeout=-1 of ftplib://host/in is out of range (0 or less would wait "
                        + "forever): use 1 to 2147483647 milliseconds, or a duration such as 30s");
    }

    /** The port and host get messages that say what is wrong with them, for consumers and producers alike. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftplib://host:abc/in|The endpoint ftplib://host:abc/in is not usable: the port 'abc' is not a number: use 1 "
            + "to 65535, or leave it out for 21",
        "ftplib://host:-1/in|The endpoint ftplib://host:-1/in is not usable: the port '-1' is not a number: use 1 to "
            + "65535, or leave it out for 21",
        "ftplib://host:99999/in|The endpoint ftplib://host:99999/in is not usable: the port 99999 is out of range: "
            + "use 1 to 65535, or leave it out for 21",
        "ftplib://host:0/in|The endpoint ftplib://host:0/in is not usable: the port 0 is out of range: use 1 to "
            + "65535, or leave it out for 21",
        "ftplib://bad!host/in|The endpoint ftplib://bad!host/in is not usable: the host 'bad!host' is not a host "
            + "name or IPv4 address (letters, digits, '-', '.' and '_'; write an IPv6 address in brackets)",
        "ftplibs://host:70000/in|The endpoint ftplibs://host:70000/in is not usable: the port 70000 is out of range: "
            + "use 1 to 65535, or leave it out for 21"})
    void aBadPortOrHostIsNamed(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    /** Host names a resolver accepts but java.net.URI does not (container names with '_') and IPv6 literals work. */
    @Test
    void underscoreHostsAndIpv6LiteralsAreAccepted() {
        FtplibEndpoint compose = context.getEndpoint("ftplib://alice@ftp_server:2121/in", FtplibEndpoint.class);
        assertThat(compose.getConfiguration().getHost()).isEqualTo("ftp_server");
        assertThat(compose.getConfiguration().getPort()).isEqualTo(2121);
        assertThat(compose.getConfiguration().getUsername()).isEqualTo("alice");
        FtplibEndpoint ipv6 = context.getEndpoint("ftplib://[::1]:2121/in", FtplibEndpoint.class);
        assertThat(ipv6.getConfiguration().getHost()).isEqualTo("::1");
        assertThat(ipv6.getConfiguration().getPort()).isEqualTo(2121);
    }
}
