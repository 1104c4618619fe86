package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * No input makes the MLSD/MLST fact readers fail: any reply, fact value or fact map gives facts, an entry, null or
 * -1 (their documented outcomes), never an exception, within a bound far above their linear cost.
 */
class MlsxFactsPropertiesTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Property(seed = "3659")
    void anyMlstReplyGivesFactsWithoutFailing(@ForAll @StringLength(max = 40_000) String reply) {
        Map<String, String> facts = assertTimeoutPreemptively(BOUND, () -> MlsxFacts.parseMlst(reply));
        assertThat(facts).isNotNull();
    }

    @Property(seed = "3660")
    void anyTimeValueGivesMillisOrMinusOne(@ForAll @StringLength(max = 200) String value) {
        long time = MlsxFacts.time(value);
        assertThat(time).isGreaterThanOrEqualTo(-1);
    }

    @Property(seed = "3661")
    void anyFactsGiveAnEntryOrNull(@ForAll @StringLength(max = 200) String name,
                                   @ForAll @StringLength(max = 40) String type,
                                   @ForAll @StringLength(max = 40) String size,
                                   @ForAll @StringLength(max = 40) String modify) {
        FtplibFile file = MlsxFacts.toFile(name, Map.of("type", type, "size", size, "modify", modify),
                "the MLSD listing");
        if (file != null) {
            assertThat(file.name()).isEqualTo(name);
            assertThat(file.size()).isGreaterThanOrEqualTo(-1);
        }
    }
}
