package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelftplib.ftplib.FtpProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proxy options become the engine's {@link FtpProxy} when the endpoint is created, and a combination that
 * cannot work fails then, naming the option. Transfers through real proxies are the integration tests' part.
 */
@Timeout(60)
class ProxyOptionsTest {

    private static final String BASE = "ftplib://alice@ftp.example.org:2121/in?password=x";

    @Test
    void proxyOptionsBuildTheEnginesProxy() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibEndpoint endpoint = context.getEndpoint(BASE + "&proxyType=socks5&proxyHost=proxy.example.org"
                    + "&proxyPort=1080&proxyUsername=bob&proxyPassword=RAW(s3cret)", FtplibEndpoint.class);
            FtpProxy proxy = endpoint.getConfiguration().proxy();
            assertThat(proxy).isEqualTo(new FtpProxy(FtpProxy.Type.SOCKS5, "proxy.example.org", 1080, "bob",
                    "s3cret"));
            assertThat(proxy.toString()).isEqualTo("SOCKS5 proxy proxy.example.org:1080 (user bob)")
                    .doesNotContain("s3cret");
            FtplibEndpoint http = context.getEndpoint("ftplibs://alice@ftp.example.org/in?password=x"
                    + "&proxyType=http&proxyHost=10.0.0.1&proxyPort=3128", FtplibEndpoint.class);
            assertThat(http.getConfiguration().proxy()).isEqualTo(FtpProxy.http("10.0.0.1", 3128));
            assertThat(context.getEndpoint(BASE, FtplibEndpoint.class).getConfiguration().proxy()).isNull();
        }
    }

    @Test
    void anEndpointWithoutProxyOptionsTakesTheComponentsProxy() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibsComponent component = context.getComponent("ftplibs", FtplibsComponent.class);
            component.setProxyType(FtplibProxyType.HTTP);
            component.setProxyHost("proxy.corp");
            component.setProxyPort(3128);
            component.setProxyUsername("bob");
            component.setProxyPassword("pw");
            FtplibEndpoint inherits = context.getEndpoint("ftplibs://alice@ftp.example.org/a?password=x",
                    FtplibEndpoint.class);
            assertThat(inherits.getConfiguration().proxy())
                    .isEqualTo(FtpProxy.http("proxy.corp", 3128).withCredentials("bob", "pw"));
            FtplibEndpoint own = context.getEndpoint("ftplibs://alice@ftp.example.org/b?password=x"
                    + "&proxyType=socks5&proxyHost=socks.corp&proxyPort=1080", FtplibEndpoint.class);
            assertThat(own.getConfiguration().proxy()).isEqualTo(FtpProxy.socks5("socks.corp", 1080));
        }
    }

    @Test
    void impossibleProxyOptionsFailWhenTheEndpointIsCreated() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyType=http&proxyPort=3128"))
                    .rootCause().hasMessageStartingWith("proxyType=http needs proxyHost (and proxyPort): ftplib://")
                    .hasMessageNotContaining("password=x");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyType=socks5&proxyHost=p&proxyPort=70000"))
                    .rootCause().hasMessageStartingWith("proxyPort must be 1-65535 with proxyType=socks5, was 70000");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyType=socks5&proxyHost=p"))
                    .rootCause().hasMessageStartingWith("proxyPort must be 1-65535 with proxyType=socks5, was null");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyHost=p&proxyPort=1"))
                    .rootCause().hasMessageStartingWith("proxyHost, proxyPort and proxyUsername need proxyType=http"
                            + " or proxyType=socks5");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyType=http&proxyHost=p&proxyPort=1"
                    + "&passiveMode=false"))
                    .rootCause().hasMessageStartingWith("proxyType=http needs passiveMode=true");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyType=http&proxyHost=p&proxyPort=1"
                    + "&proxyUsername=bob"))
                    .rootCause().hasMessageStartingWith("proxyUsername and proxyPassword go together");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "&proxyType=ftp&proxyHost=p&proxyPort=1"))
                    .hasMessageContaining("proxyType");
        }
    }
}
