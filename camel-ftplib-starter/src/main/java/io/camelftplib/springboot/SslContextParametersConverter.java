package io.camelftplib.springboot;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds {@code camel.component.ftplibs.ssl-context-parameters=#bean:name} (or just {@code name}) to the
 * {@link SSLContextParameters} bean of that name.
 *
 * <p>Thread-safe.
 */
public final class SslContextParametersConverter implements Converter<String, SSLContextParameters> {

    private final ApplicationContext applicationContext;

    /**
     * Creates the converter.
     *
     * @param applicationContext where beans are looked up
     */
    public SslContextParametersConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    /**
     * Looks the bean up.
     *
     * @param source {@code #bean:name} or {@code name}
     * @return the bean
     * @throws org.springframework.beans.factory.NoSuchBeanDefinitionException when there is none of that name
     */
    @Override
    public SSLContextParameters convert(String source) {
        String name = source.startsWith("#bean:") ? source.substring("#bean:".length()) : source;
        return applicationContext.getBean(name, SSLContextParameters.class);
    }
}
