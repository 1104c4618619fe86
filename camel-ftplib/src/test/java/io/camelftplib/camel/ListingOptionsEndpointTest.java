package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import io.camelftplib.camel.listing.ListingDialect;
import io.camelftplib.camel.listing.ListingOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The LIST dialect options reach the configuration from the URI, and bad values fail endpoint creation with a
 * message naming the option, the value and what is allowed (creating an endpoint opens no connection).
 */
class ListingOptionsEndpointTest {

    private static final String BASE = "ftplib://alice@localhost:2121/in";

    @Test
    void optionsFromTheUriMakeTheListingOptions() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibEndpoint endpoint = context.getEndpoint(BASE + "?listingDialect=vms&serverLanguageCode=DE"
                    + "&defaultDateFormat=d MMM yyyy&recentDateFormat=d MMM HH:mm&serverTimeZoneId=Europe/Berlin",
                    FtplibEndpoint.class);
            ListingOptions options = endpoint.getConfiguration().listingOptions();
            assertThat(options).isEqualTo(new ListingOptions(ListingDialect.VMS, "de", "d MMM yyyy", "d MMM HH:mm",
                    ZoneId.of("Europe/Berlin")));
        }
    }

    @Test
    void withoutOptionsListingIsDetectedWithAllLanguagesInUtc() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibEndpoint endpoint = context.getEndpoint(BASE, FtplibEndpoint.class);
            assertThat(endpoint.getConfiguration().listingOptions()).isEqualTo(ListingOptions.DEFAULT);
        }
    }

    @Test
    void badValuesFailEndpointCreationNamingOptionValueAndWhatIsAllowed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint(BASE + "?serverLanguageCode=tlh"))
                    .hasRootCauseMessage("serverLanguageCode=tlh is not supported: use one of da, de, en, es, fr, it, "
                            + "nl, no, pt, sv, or leave it unset to read the month names of all of them");
            assertThat(failure(context, "?defaultDateFormat=yyyy-MM-dd {"))
                    .startsWith("defaultDateFormat=yyyy-MM-dd { is not a date pattern (Pattern includes reserved")
                    .endsWith("): use a java.time.format.DateTimeFormatter pattern such as 'd MMM yyyy'");
            assertThat(failure(context, "?recentDateFormat=MMM d HH:mm {"))
                    .startsWith("recentDateFormat=MMM d HH:mm { is not a date pattern (")
                    .endsWith("such as 'd MMM HH:mm'");
            assertThat(failure(context, "?serverTimeZoneId=Europe/Atlantis"))
                    .startsWith("serverTimeZoneId=Europe/Atlantis is not a time zone (")
                    .endsWith("): use a region ID such as Europe/Berlin, UTC, or an offset such as +01:00");
            assertThatThrownBy(() -> context.getEndpoint(BASE + "?listingDialect=cpm"))
                    .hasMessageContaining("listingDialect").hasMessageContaining("cpm");
        }
    }

    /** The message of the IllegalArgumentException our setter threw, found in the chain Camel wraps it in. */
    private static String failure(CamelContext context, String query) {
        try {
            context.getEndpoint(BASE + query);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException && t.getMessage().contains("=")) {
                    return t.getMessage();
                }
            }
            throw new AssertionError("no IllegalArgumentException naming the option", e);
        }
        throw new AssertionError("endpoint created with " + query);
    }
}
