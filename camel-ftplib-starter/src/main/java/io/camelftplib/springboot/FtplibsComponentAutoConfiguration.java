package io.camelftplib.springboot;

import java.util.List;

import io.camelftplib.camel.FtplibsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Applies the {@code camel.component.ftplibs.*} properties to the {@code ftplibs:} component, and with
 * {@code camel.component.ftplibs.ssl-bundle} gives it TLS material from a Spring Boot SSL bundle
 * ({@link SslBundleContextParameters}). Endpoints with their own {@code sslContextParameters} keep them.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, SslAutoConfiguration.class})
@ConditionalOnClass({FtplibsComponent.class, CamelContext.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.ftplibs"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, FtplibsComponentConfiguration.class})
public final class FtplibsComponentAutoConfiguration {

    /**
     * The SSL parameters from the named bundle. Created eagerly, so an unknown bundle name or unreadable TLS material
     * fails startup with the name in the message ({@link SslBundleFailureAnalyzer} reports it).
     *
     * @param bundles       Spring Boot's bundle registry ({@code SslAutoConfiguration})
     * @param configuration the bound properties
     * @param environment   where the bundle's properties are, to name its trust material in messages
     * @return the parameters
     * @throws FtplibsSslBundleException when the bundle does not exist, cannot be loaded, or no bundle registry is
     *                                   configured
     */
    @Bean
    @ConditionalOnProperty(prefix = "camel.component.ftplibs", name = "ssl-bundle")
    @ConditionalOnMissingBean(name = "ftplibsSslBundleContextParameters")
    public SslBundleContextParameters ftplibsSslBundleContextParameters(ObjectProvider<SslBundles> bundles,
                                                                        FtplibsComponentConfiguration configuration,
                                                                        Environment environment) {
        String name = configuration.getSslBundle();
        SslBundles registry = bundles.getIfAvailable();
        if (registry == null) {
            throw new FtplibsSslBundleException("camel.component.ftplibs.ssl-bundle=" + name + " needs Spring "
                    + "Boot's SSL bundles, but no SslBundles bean exists",
                    "Keep SslAutoConfiguration enabled, or remove camel.component.ftplibs.ssl-bundle.", null);
        }
        return new SslBundleContextParameters(registry, name, trustSource(environment, name));
    }

    /** Names the property that holds the bundle's trust material, with its value: what a reader of a message checks. */
    private static String trustSource(Environment environment, String name) {
        for (String property : List.of("spring.ssl.bundle.pem." + name + ".truststore.certificate",
                "spring.ssl.bundle.jks." + name + ".truststore.location")) {
            String value = environment.getProperty(property);
            if (value != null) {
                return property + "=" + value;
            }
        }
        return "no truststore under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
                + ": the JDK's default trust store";
    }

    /**
     * Turns {@code #bean:name} (or {@code name}) in {@code camel.component.ftplibs.ssl-context-parameters} into the
     * bean, as Camel's starters do for object options.
     *
     * @param applicationContext where to look the bean up
     * @return the converter
     */
    @Bean
    @ConfigurationPropertiesBinding
    @ConditionalOnMissingBean(name = "ftplibsSslContextParametersConverter")
    public static SslContextParametersConverter ftplibsSslContextParametersConverter(
            ApplicationContext applicationContext) {
        return new SslContextParametersConverter(applicationContext);
    }

    /**
     * The customizer that copies the properties onto the component, then the bundle's parameters when
     * {@code ssl-bundle} is set.
     *
     * @param applicationContext to evaluate the customizer switches
     * @param camelContext       the context, for Camel's property binding
     * @param configuration      the bound properties
     * @param bundleParameters   the bundle's parameters, when {@code ssl-bundle} is set
     * @return the customizer
     */
    @Lazy
    @Bean
    @ConditionalOnMissingBean(name = "configureFtplibsComponent")
    public ComponentCustomizer configureFtplibsComponent(ApplicationContext applicationContext,
                                                         CamelContext camelContext,
                                                         FtplibsComponentConfiguration configuration,
                                                         ObjectProvider<SslBundleContextParameters> bundleParameters) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, org.apache.camel.Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
                bundleParameters.ifAvailable(((FtplibsComponent) target)::setSslContextParameters);
            }

            @Override
            public boolean isEnabled(String name, org.apache.camel.Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.ftplibs.customizer")
                        && target instanceof FtplibsComponent;
            }
        };
    }
}
