package io.camelftplib.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.ftplib.*} properties: one per option of the {@code ftplib:} component (its catalog JSON
 * lists them), copied onto the component by {@link FtplibComponentAutoConfiguration}. Defaults are the component's.
 *
 * <p>Not thread-safe: Spring binds it once at startup, then it is only read.
 */
@ConfigurationProperties(prefix = "camel.component.ftplib")
public class FtplibComponentConfiguration extends FtplibComponentConfigurationCommon {

    /** Creates the properties with the component's defaults. */
    public FtplibComponentConfiguration() {
    }
}
