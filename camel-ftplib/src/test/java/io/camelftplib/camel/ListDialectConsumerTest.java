package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A consumer on a server without MLSD reads the LIST lines of the dialect the server's SYST names: the scripted
 * server plays the SYST reply and the listing of an IIS and of a VMS server (no test server here speaks them), and
 * the routed headers carry each file's name, size and time.
 */
@Timeout(60)
class ListDialectConsumerTest {

    @Test
    void iisTwentyFourHourLinesGiveNameSizeAndTime() throws Exception {
        List<Exchange> exchanges = poll("215 Windows_NT", String.join("\r\n",
                "09-13-10  20:08       <DIR>          Recycled",
                "05-22-97  08:08                    828 AUTOEXEC.BAK", ""));

        assertThat(exchanges).hasSize(1);
        Exchange exchange = exchanges.get(0);
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("AUTOEXEC.BAK");
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_LENGTH)).isEqualTo(828L);
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED))
                .isEqualTo(Instant.parse("1997-05-22T08:08:00Z").toEpochMilli());
    }

    @Test
    void vmsLinesGiveTheHighestVersionOfEachFileWithoutItsVersionNumber() throws Exception {
        List<Exchange> exchanges = poll("215 VMS", String.join("\r\n", "Directory USER1:[TEMP]", "",
                "3-JUN.LIS;1              9/9           3-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "3-JUN.LIS;4              9/9           7-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "", "Total 2 files", ""));

        assertThat(exchanges).hasSize(1);
        Exchange exchange = exchanges.get(0);
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("3-JUN.LIS");
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED))
                .isEqualTo(Instant.parse("1998-06-07T07:32:00Z").toEpochMilli());
    }

    private static List<Exchange> poll(String syst, String listing) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start();
             CamelContext context = new DefaultCamelContext()) {
            server.reply("SYST", syst);
            server.nextData(listing);
            context.start();
            String uri = "ftplib://u@" + server.host() + ":" + server.port() + "/in?password=p&listing=list"
                    + "&download=false&noop=true&maximumReconnectAttempts=0";
            ConsumerTemplate consumer = context.createConsumerTemplate();
            List<Exchange> exchanges = new ArrayList<>();
            for (Exchange e = consumer.receive(uri, 5_000); e != null; e = consumer.receive(uri, 500)) {
                exchanges.add(e);
            }
            assertThat(server.commands()).contains("SYST").filteredOn(c -> c.startsWith("LIST")).isNotEmpty();
            return exchanges;
        }
    }
}
