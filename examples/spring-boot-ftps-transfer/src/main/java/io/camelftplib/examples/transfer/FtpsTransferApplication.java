package io.camelftplib.examples.transfer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The demo application: files in {@code inbox/} go up to an FTPS server and come back down into {@code outbox/}.
 * With {@code demo.exit-when-done=true} (the default) it stops once every file arrived.
 */
@SpringBootApplication
public class FtpsTransferApplication {

    private static final Logger LOG = LoggerFactory.getLogger(FtpsTransferApplication.class);

    /**
     * Starts the demo.
     *
     * @param args Spring Boot arguments, e.g. {@code --demo.server.embedded=false}
     */
    public static void main(String[] args) {
        SpringApplication.run(FtpsTransferApplication.class, args);
    }

    @Bean
    ApplicationRunner exitWhenDone(DemoProperties demo, Completion completion, ConfigurableApplicationContext context) {
        return (ApplicationArguments args) -> {
            if (!demo.isExitWhenDone()) {
                return;
            }
            boolean done = completion.await(demo.getTimeout());
            if (done) {
                LOG.info("All files moved: {} -> server -> {}", demo.getInbox(), demo.getOutbox());
            } else {
                LOG.error("Gave up after {}: still missing {}", demo.getTimeout(), completion.pending());
            }
            System.exit(SpringApplication.exit(context, () -> done ? 0 : 1));
        };
    }
}
