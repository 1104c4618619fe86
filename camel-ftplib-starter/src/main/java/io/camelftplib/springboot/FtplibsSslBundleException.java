package io.camelftplib.springboot;

/**
 * The SSL bundle named by {@code camel.component.ftplibs.ssl-bundle} cannot serve: no bundle has that name, or its TLS
 * material cannot be loaded. Carries what to do, so {@link SslBundleFailureAnalyzer} can show Spring Boot's
 * "Description / Action" report instead of a stack trace.
 *
 * <p>Immutable; thread-safe.
 */
public final class FtplibsSslBundleException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the bundle
     * @param action  what to change
     * @param cause   Spring Boot's failure
     */
    public FtplibsSslBundleException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /**
     * Returns what to change.
     *
     * @return the action, naming the properties to set
     */
    public String getAction() {
        return action;
    }
}
