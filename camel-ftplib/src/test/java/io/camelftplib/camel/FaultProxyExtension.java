package io.camelftplib.camel;

import java.util.function.IntSupplier;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link FaultProxy} in front of a test server for each test, and endpoint URIs that go through it.
 * Register it as a {@code @RegisterExtension} instance field, after the server's static extension.
 */
final class FaultProxyExtension implements BeforeEachCallback, AfterEachCallback {

    private final IntSupplier serverPort;
    private FaultProxy proxy;

    /**
     * Creates the extension.
     *
     * @param serverPort the port of the server behind the proxy, read when each test starts
     */
    FaultProxyExtension(IntSupplier serverPort) {
        this.serverPort = serverPort;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        proxy = FaultProxy.start("127.0.0.1", serverPort.getAsInt());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        proxy.close();
    }

    /**
     * Returns the running proxy, to arm faults on.
     *
     * @return the proxy of the current test
     */
    FaultProxy proxy() {
        return proxy;
    }

    /**
     * Returns a producer URI for the test user through the proxy.
     *
     * @param directory the remote directory
     * @param options   more options, or empty
     * @return the URI
     */
    String uri(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@127.0.0.1:" + proxy.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")" + (options.isEmpty() ? "" : "&")
                + options;
    }
}
