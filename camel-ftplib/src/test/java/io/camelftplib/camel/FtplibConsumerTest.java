package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class FtplibConsumerTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void consumesFileAndMovesItAfterTheRoute() throws Exception {
        write("in/a.txt", "hello \u00e9\r\n\0\u00ff");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("in", "move=.done")).routeId("r").autoStartup(false)
                        .convertBodyTo(String.class).to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedBodiesReceived("hello \u00e9\r\n\0\u00ff");
        out.expectedHeaderReceived(FtplibConstants.FILE_NAME, "a.txt");
        out.expectedHeaderReceived(FtplibConstants.FILE_HOST, "localhost");
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        context.getRouteController().startRoute("r");

        out.assertIsSatisfied();
        assertThat(done.matches(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file("in/.done/a.txt")));
        assertThat(SERVER.file("in/a.txt")).doesNotExist();
    }
}
