package io.camelftplib.springboot;

import io.camelftplib.camel.FtplibComponent;
import io.camelftplib.camel.FtplibsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.ftplib.*} properties to the {@code ftplib:} component when Camel creates it,
 * through a {@link ComponentCustomizer} as Camel's own starters do. Off with
 * {@code camel.component.ftplib.enabled=false} (or {@code camel.component.enabled=false}); the customizer is off
 * with {@code camel.component.ftplib.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({FtplibComponent.class, CamelContext.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.ftplib"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, FtplibComponentConfiguration.class})
public final class FtplibComponentAutoConfiguration {

    /**
     * The customizer that copies the properties onto the component. It skips {@code ftplibs:}, which has its own.
     *
     * @param applicationContext to evaluate the customizer switches
     * @param camelContext       the context, for Camel's property binding
     * @param configuration      the bound properties
     * @return the customizer
     */
    @Lazy
    @Bean
    @ConditionalOnMissingBean(name = "configureFtplibComponent")
    public ComponentCustomizer configureFtplibComponent(ApplicationContext applicationContext,
                                                        CamelContext camelContext,
                                                        FtplibComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, org.apache.camel.Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, org.apache.camel.Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.ftplib.customizer")
                        && target instanceof FtplibComponent && !(target instanceof FtplibsComponent);
            }
        };
    }
}
