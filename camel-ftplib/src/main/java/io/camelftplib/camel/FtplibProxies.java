package io.camelftplib.camel;

import io.camelftplib.ftplib.FtpProxy;

/**
 * Turns an endpoint's proxy options into the engine's {@link FtpProxy}, once, when the endpoint is created, so
 * that a wrong combination fails then and names the option to fix. Stateless.
 */
final class FtplibProxies {

    private FtplibProxies() {
    }

    /**
     * Checks the proxy options and builds the proxy.
     *
     * @param config   the endpoint's options
     * @param endpoint names the endpoint in messages
     * @return the proxy, or null for proxyType=none
     * @throws IllegalArgumentException naming the option to add, remove or correct
     */
    static FtpProxy of(FtplibConfiguration config, String endpoint) {
        FtplibProxyType type = config.getProxyType() == null ? FtplibProxyType.NONE : config.getProxyType();
        if (type == FtplibProxyType.NONE) {
            if (config.getProxyHost() != null || config.getProxyPort() != null || config.getProxyUsername() != null) {
                throw new IllegalArgumentException("proxyHost, proxyPort and proxyUsername need proxyType=http or"
                        + " proxyType=socks5; add proxyType or remove them: " + endpoint);
            }
            return null;
        }
        if (config.getProxyHost() == null || config.getProxyHost().isBlank()) {
            throw new IllegalArgumentException("proxyType=" + name(type) + " needs proxyHost (and proxyPort): "
                    + endpoint);
        }
        if (config.getProxyPort() == null || config.getProxyPort() < 1 || config.getProxyPort() > 65535) {
            throw new IllegalArgumentException("proxyPort must be 1-65535 with proxyType=" + name(type) + ", was "
                    + config.getProxyPort() + ": " + endpoint);
        }
        if (!config.isPassiveMode()) {
            throw new IllegalArgumentException("proxyType=" + name(type) + " needs passiveMode=true: in active mode"
                    + " the server would connect back to this host, which it cannot reach through the proxy: "
                    + endpoint);
        }
        if ((config.getProxyUsername() == null) != (config.getProxyPassword() == null)) {
            throw new IllegalArgumentException("proxyUsername and proxyPassword go together; give both or neither: "
                    + endpoint);
        }
        try {
            return new FtpProxy(type == FtplibProxyType.HTTP ? FtpProxy.Type.HTTP : FtpProxy.Type.SOCKS5,
                    config.getProxyHost(), config.getProxyPort(), config.getProxyUsername(),
                    config.getProxyPassword());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + endpoint, e);
        }
    }

    private static String name(FtplibProxyType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
