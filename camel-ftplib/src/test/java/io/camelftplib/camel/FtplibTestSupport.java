package io.camelftplib.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
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

    String ftp(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + server().port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0"
                + (options.contains("delay=") ? "" : "&delay=100") + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * Returns a producer URI for the server of the test class, without the consumer's scheduling options.
     *
     * @param directory the remote directory
     * @param options   more options, or empty
     * @return the URI
     */
    String to(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + server().port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")" + (options.isEmpty() ? "" : "&")
                + options;
    }

    /**
     * Adds a stopped route from {@code ftp(directory, options)} that converts each body to a String and sends it to
     * {@code mock:<directory>}; start it with {@link #start(String)} after setting more expectations.
     *
     * @param directory the remote directory, also the route's and mock's name
     * @param options   the endpoint options
     * @param files     how many messages the mock expects
     * @return the mock
     * @throws Exception when the route cannot be added
     */
    MockEndpoint consume(String directory, String options, int files) throws Exception {
        String route = "r-" + directory;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp(directory, options)).routeId(route).autoStartup(false)
                        .convertBodyTo(String.class).to("mock:" + directory);
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
     * Sends a body with a file name to an endpoint through a route whose error handler redelivers once at once
     * (quietly: the tests assert the outcome).
     *
     * @param uri  the endpoint
     * @param body the body
     * @param name the file name, also the route's {@code direct:} name
     * @return the exchange after the last attempt
     * @throws Exception when the route cannot be added
     */
    Exchange sendWithOneRedelivery(String uri, Object body, String name) throws Exception {
        String from = "direct:" + name;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0)
                        .logExhausted(false).logRetryAttempted(false)).to(uri);
            }
        });
        return template.send(from, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeader(Exchange.FILE_NAME, name);
        });
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
