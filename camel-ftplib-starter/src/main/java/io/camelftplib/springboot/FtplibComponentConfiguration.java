package io.camelftplib.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.ftplib.*} properties: one per option of the {@code ftplib:} component (its catalog JSON
 * lists them), copied onto the component by {@link FtplibComponentAutoConfiguration}. Defaults are the component's.
 *
 * <p>A property under this prefix that is not listed here fails the startup, naming it
 * ({@link FtplibPropertiesFailureAnalyzer}): a misspelt one would otherwise be ignored without a word.
 *
 * <p>Not thread-safe: Spring binds it once at startup, then it is only read.
 */
@ConfigurationProperties(prefix = "camel.component.ftplib", ignoreUnknownFields = false)
public class FtplibComponentConfiguration extends FtplibComponentConfigurationCommon {

    /** Creates the properties with the component's defaults. */
    public FtplibComponentConfiguration() {
    }
}
