package io.camelftplib.camel;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * Helpers of the scheme-swap tests: the same route URI with {@code ftp:} (Camel's camel-ftp 4.22.0) or
 * {@code ftplib:} against the embedded server of the test class.
 */
abstract class SchemeSwapSupport extends FtplibTestSupport {

    /**
     * Returns the URI of {@code directory} on the embedded server for {@code scheme}, with the given options.
     *
     * @param scheme    {@code ftp} or {@code ftplib}
     * @param directory the remote directory
     * @param options   more options, or empty
     * @return the URI
     */
    String uri(String scheme, String directory, String options) {
        return scheme + "://" + EmbeddedFtpServerExtension.USER + "@localhost:" + server().port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")" + (options.isEmpty() ? "" : "&")
                + options;
    }

    /**
     * Adds a stopped route polling {@code directory} every 100 ms (unless the options set a delay) that converts
     * each body to a String and sends it to {@code mock:<directory>}; start it with {@link #start(String)}.
     *
     * @param scheme    {@code ftp} or {@code ftplib}
     * @param directory the remote directory, also the route's and mock's name
     * @param options   the endpoint options
     * @param files     how many messages the mock expects
     * @return the mock
     * @throws Exception when the route cannot be added
     */
    MockEndpoint consume(String scheme, String directory, String options, int files) throws Exception {
        String delay = options.contains("delay=") ? "" : "&delay=100";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(scheme, directory, "initialDelay=0" + delay + "&" + options)).routeId("r-" + directory)
                        .autoStartup(false).convertBodyTo(String.class).to("mock:" + directory);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:" + directory);
        mock.expectedMessageCount(files);
        return mock;
    }
}
