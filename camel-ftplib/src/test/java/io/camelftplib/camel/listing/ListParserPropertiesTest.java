package io.camelftplib.camel.listing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * No input makes a LIST parser fail: for any string (CR, LF, NUL, any unicode, up to 40,000 characters) and for real
 * corpus lines with random damage, every dialect returns an entry or null, never throws, and answers within a bound
 * far above its linear cost (a regex that backtracks catastrophically would blow it).
 */
class ListParserPropertiesTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final List<ListingOptions> OPTIONS = List.of(ListingOptions.DEFAULT,
            new ListingOptions(ListingDialect.MVS, "de", "d MMM yyyy", "d MMM HH:mm", ZoneOffset.ofHours(2)),
            new ListingOptions(ListingDialect.OS400, "fr", "MM/dd/yy HH:mm:ss", null, ZoneOffset.UTC),
            new ListingOptions(ListingDialect.VMS, null, null, null, ZoneOffset.UTC));

    @Property(seed = "20240615")
    void anyStringGivesAnEntryOrNullInBoundedTime(@ForAll @StringLength(max = 40_000) String line) {
        parseWithEveryOption(line);
    }

    @Property(seed = "20240616")
    void damagedCorpusLinesGiveAnEntryOrNullInBoundedTime(@ForAll("damagedLines") String line) {
        parseWithEveryOption(line);
    }

    @Property(seed = "20240617")
    void longRunsOfSeparatorsAndDigitsStayBounded(@ForAll("repetitive") String line) {
        parseWithEveryOption(line);
    }

    private static void parseWithEveryOption(String line) {
        assertTimeoutPreemptively(BOUND, () -> {
            for (ListingOptions options : OPTIONS) {
                ListParser parser = ListParser.create(options, "215 UNIX Type: L8", ListCorpusTest.TODAY);
                // twice: the second call starts with the dialect (and any wrapped VMS name) the first one left
                parser.parse(line);
                ListEntry entry = parser.parse(line);
                if (entry != null && entry.name().isEmpty()) {
                    throw new AssertionError("empty name from " + line);
                }
            }
        });
    }

    @Provide
    Arbitrary<String> damagedLines() throws IOException {
        List<String> lines = ListCorpusTest.rows().stream().map(ListCorpusTest.Row::line).toList();
        Arbitrary<String> line = Arbitraries.of(lines);
        Arbitrary<String> insert = Arbitraries.strings().ofMaxLength(20)
                .withChars(" \t\r\n\0:-/.,;+*<>[]()0123456789äéあ\uD83D\uDE00");
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 400);
        return Combinators.combine(line, insert, at).as((l, s, i) -> {
            int cut = Math.min(i, l.length());
            return l.substring(0, cut) + s + l.substring(Math.min(l.length(), cut + s.length() % 3));
        });
    }

    @Provide
    Arbitrary<String> repetitive() {
        Arbitrary<String> prefix = Arbitraries.of("-rw-r--r-- ", "drwxr-xr-x+ ", "01-31-23  ", "2023-01-31  12:34 ",
                "QSYS  ", "NAME.TXT;1 ", "SAVE00 3390   2004/06/23 ", "d [RWCEAFMS] ", "+", "");
        Arbitrary<String> unit = Arbitraries.of(" ", "1 ", "12:34 ", "Jan ", "1, ", "9/9 ", "-", ":", "0", "\t", "a ");
        Arbitrary<Integer> times = Arbitraries.integers().between(1, 8_000);
        return Combinators.combine(prefix, unit, times).as((p, u, n) -> p + u.repeat(n));
    }
}
