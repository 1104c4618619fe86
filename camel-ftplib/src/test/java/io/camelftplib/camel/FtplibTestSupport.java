package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Shared helpers of the component's route tests: URIs for the embedded server and files on its disk.
 */
abstract class FtplibTestSupport extends CamelTestSupport {

    /**
     * Returns the server of the test class.
     *
     * @return the server
     */
    abstract EmbeddedFtpServerExtension server();

    /**
     * Returns a consumer URI for the server of the test class: polling at once, then every 100 ms unless the options
     * set a delay.
     *
     * @param directory the remote directory
     * @param options   more options, or empty
     * @return the {@code ftplib:} URI
     */
    String ftp(String directory, String options) {
        return uri("ftplib", directory, polling(options));
    }

    /** The options with polling at once, then every 100 ms unless they set a delay. */
    private static String polling(String options) {
        return "initialDelay=0" + (options.contains("delay=") ? "" : "&delay=100")
                + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * Returns a producer URI for the server of the test class, without the consumer's scheduling options.
     *
     * @param directory the remote directory
     * @param options   more options, or empty
     * @return the {@code ftplib:} URI
     */
    String to(String directory, String options) {
        return uri("ftplib", directory, options);
    }

    /**
     * Returns the URI of {@code directory} on the server of the test class for {@code ftp:} (Camel's camel-ftp,
     * for the tests that show a route behaves the same after swapping the scheme) or {@code ftplib:}.
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
     * Adds a stopped {@code ftplib:} route; see {@link #consume(String, String, String, int)}.
     *
     * @param directory the remote directory, also the route's and mock's name
     * @param options   the endpoint options
     * @param files     how many messages the mock expects
     * @return the mock
     * @throws Exception when the route cannot be added
     */
    MockEndpoint consume(String directory, String options, int files) throws Exception {
        return consume("ftplib", directory, options, files);
    }

    /**
     * Adds a stopped route from {@code directory} that converts each body to a String and sends it to
     * {@code mock:<directory>}; start it with {@link #start(String)} after setting more expectations.
     *
     * @param scheme    {@code ftp} or {@code ftplib}
     * @param directory the remote directory, also the route's and mock's name
     * @param options   the endpoint options; it polls at once, then every 100 ms unless they set a delay
     * @param files     how many messages the mock expects
     * @return the mock
     * @throws Exception when the route cannot be added
     */
    MockEndpoint consume(String scheme, String directory, String options, int files) throws Exception {
        String uri = uri(scheme, directory, polling(options));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r-" + directory).autoStartup(false).convertBodyTo(String.class)
                        .to("mock:" + directory);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:" + directory);
        mock.expectedMessageCount(files);
        return mock;
    }

    /**
     * Starts a route added by {@link #consume} (or named {@code r-<directory>}).
     *
     * @param directory the remote directory the route was named after
     * @throws Exception when the route cannot start
     */
    void start(String directory) throws Exception {
        context.getRouteController().startRoute("r-" + directory);
    }

    /**
     * Asserts the file headers of a consumed file, the same under {@code ftp:} and {@code ftplib:}.
     *
     * @param message      the consumed message
     * @param relativePath the file's path below the endpoint's directory, also its CamelFileName
     * @param length       the file's length
     */
    static void assertFileHeaders(Message message, String relativePath, long length) {
        assertThat(message.getHeader(Exchange.FILE_NAME)).isEqualTo(relativePath);
        assertThat(message.getHeader(Exchange.FILE_NAME_ONLY))
                .isEqualTo(relativePath.substring(relativePath.lastIndexOf('/') + 1));
        assertThat(message.getHeader(FtplibConstants.FILE_RELATIVE_PATH)).isEqualTo(relativePath);
        assertThat(message.getHeader(Exchange.FILE_LENGTH, Long.class)).isEqualTo(length);
    }

    Path write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String path, byte[] content) {
        try {
            Path file = server().file(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
