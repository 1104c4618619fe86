package io.camelftplib.springboot;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a property under {@code camel.component.ftplib.*} or {@code camel.component.ftplibs.*} that stopped the
 * startup: one the components do not have (a misspelling such as {@code ssl-bundel}, or an endpoint option such as
 * {@code password}), or a value that does not fit. Spring Boot's own analyzers report these too, but with a generic
 * action; this one says where such options belong. Ordered before them. Registered in
 * {@code META-INF/spring.factories}.
 *
 * <p>Stateless; thread-safe.
 */
public final class FtplibPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    private static final String PREFIX = "camel.component.ftplib";

    /** Creates the analyzer; Spring Boot does, from {@code META-INF/spring.factories}. */
    public FtplibPropertiesFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (!cause.getName().toString().startsWith(PREFIX)) {
            return null;
        }
        UnboundConfigurationPropertiesException unbound = findCause(rootFailure,
                UnboundConfigurationPropertiesException.class);
        if (unbound != null) {
            return unknown(cause.getName().toString(), unbound);
        }
        ConfigurationProperty property = cause.getProperty();
        String name = property != null ? property.getName().toString() : cause.getName().toString();
        String value = property != null ? String.valueOf(property.getValue()) : "?";
        Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
        String where = property != null && property.getOrigin() != null ? " (from " + property.getOrigin() + ")" : "";
        return new FailureAnalysis("The value '" + value + "' of " + name + where + " is not valid: "
                + reason.getMessage(),
                "Set " + name + " to a value of its type; the component's documentation and the IDE's "
                        + "configuration metadata give the type and the default of each property.", cause);
    }

    private static FailureAnalysis unknown(String prefix, UnboundConfigurationPropertiesException unbound) {
        String names = unbound.getUnboundProperties().stream()
                .map(p -> p.getName() + (p.getOrigin() != null ? " (from " + p.getOrigin() + ")" : ""))
                .sorted().collect(Collectors.joining(", "));
        String component = prefix.substring(prefix.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return new FailureAnalysis("The " + component + " component has no such property: " + names + ".",
                "Fix the spelling (the IDE completes the " + prefix + ".* properties), or remove the property. "
                        + "Options of one endpoint (host, username, password, directory options) are not component "
                        + "properties: put them in the endpoint URI, e.g. " + component
                        + "://user@host/dir?password=RAW({{my.password}}).", unbound);
    }

    /**
     * Runs before Spring Boot's binding analyzers, which would report the same failure with a generic action.
     *
     * @return a high precedence
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
