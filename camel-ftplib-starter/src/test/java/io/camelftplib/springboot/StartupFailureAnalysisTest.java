package io.camelftplib.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camelftplib.camel.FtplibComponent;
import io.camelftplib.camel.FtplibsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Mistakes in the starter's configuration stop the startup with a report that names them (Spring Boot's
 * "Description / Action"), instead of being ignored or surfacing as a stack trace: a property the components do not
 * have, a value of the wrong type, an unknown SSL bundle, TLS material that cannot be read. Each analysis is made
 * from the real exception of a failed start.
 */
class StartupFailureAnalysisTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    FtplibComponentAutoConfiguration.class, FtplibsComponentAutoConfiguration.class,
                    SslAutoConfiguration.class));

    @TempDir
    Path files;

    @Test
    void aMisspeltPropertyFailsStartupNamingIt() {
        runner.withPropertyValues("camel.component.ftplibs.ssl-bundel=server").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("camel.component.ftplibs.ssl-bundel");
            FailureAnalysis analysis = new FtplibPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("The ftplibs component has no such property: camel.component.ftplibs.ssl-bundel");
            assertThat(analysis.getAction()).startsWith("Fix the spelling");
        });
    }

    @Test
    void anEndpointOptionAsAComponentPropertyFailsStartupSayingWhereItBelongs() {
        runner.withPropertyValues("camel.component.ftplib.password=secret").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new FtplibPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("The ftplib component has no such property: camel.component.ftplib.password")
                    .doesNotContain("secret");
            assertThat(analysis.getAction()).contains("put them in the endpoint URI");
        });
    }

    @Test
    void everyLegitimatePropertyStillBinds() {
        runner.withPropertyValues("camel.component.ftplib.enabled=true",
                "camel.component.ftplib.customizer.enabled=true",
                "camel.component.ftplib.bridge-error-handler=true",
                "camel.component.ftplib.lazy-start-producer=true",
                "camel.component.ftplib.autowired-enabled=true",
                "camel.component.ftplib.health-check-consumer-enabled=false",
                "camel.component.ftplib.health-check-producer-enabled=false",
                "camel.component.ftplib.health-check-producer-interval=5000",
                "camel.component.ftplibs.enabled=true",
                "camel.component.ftplibs.customizer.enabled=true",
                "camel.component.ftplibs.use-global-ssl-context-parameters=true",
                "camel.component.ftplibs.health-check-producer-interval=7000").run(context -> {
                    assertThat(context).hasNotFailed();
                    CamelContext camel = context.getBean(CamelContext.class);
                    FtplibComponent ftplib = camel.getComponent("ftplib", FtplibComponent.class);
                    assertThat(ftplib.isBridgeErrorHandler()).isTrue();
                    assertThat(ftplib.isHealthCheckProducerEnabled()).isFalse();
                    assertThat(ftplib.getHealthCheckProducerInterval()).isEqualTo(5000);
                    FtplibsComponent ftplibs = camel.getComponent("ftplibs", FtplibsComponent.class);
                    assertThat(ftplibs.isUseGlobalSslContextParameters()).isTrue();
                    assertThat(ftplibs.getHealthCheckProducerInterval()).isEqualTo(7000);
                });
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWithTheProperty() {
        runner.withPropertyValues("camel.component.ftplib.lazy-start-producer=maybe").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new FtplibPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("The value 'maybe' of camel.component.ftplib.lazy-start-producer");
            assertThat(analysis.getAction()).startsWith("Set camel.component.ftplib.lazy-start-producer to a value "
                    + "of its type");
        });
    }

    @Test
    void anUnknownBundleIsReportedWithWhereToDefineIt() {
        runner.withPropertyValues("camel.component.ftplibs.ssl-bundle=nosuchbundle").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SslBundleFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("camel.component.ftplibs.ssl-bundle names the SSL "
                    + "bundle 'nosuchbundle', which is not defined");
            assertThat(analysis.getAction()).isEqualTo("Define the bundle under spring.ssl.bundle.pem.nosuchbundle "
                    + "or spring.ssl.bundle.jks.nosuchbundle, or fix the name in camel.component.ftplibs.ssl-bundle.");
        });
    }

    @Test
    void unreadableTlsMaterialIsReportedWithTheBundleAndItsFile() throws Exception {
        Path garbage = Files.writeString(files.resolve("garbage.crt"), "this is not a certificate\n");
        String source = "spring.ssl.bundle.pem.broken.truststore.certificate=" + garbage.toUri();
        runner.withPropertyValues(source, "camel.component.ftplibs.ssl-bundle=broken").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SslBundleFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).startsWith("The TLS material of the SSL bundle 'broken' "
                    + "(camel.component.ftplibs.ssl-bundle) cannot be loaded: ");
            assertThat(analysis.getAction()).contains(source);
        });
    }

    @Test
    void theAnalyzersAreRegisteredForSpringBoot() {
        // Boot's own analyzers need a bean factory to be made; only whether ours are listed matters here
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .hasAtLeastOneElementOfType(FtplibPropertiesFailureAnalyzer.class)
                .hasAtLeastOneElementOfType(SslBundleFailureAnalyzer.class);
    }
}
