package io.camelftplib.camel.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every line of {@code listing/corpus.tsv}: LIST lines real servers sent, gathered from public test suites
 * and documents, each with the name, type, size and time this project expects.
 */
class ListCorpusTest {

    /** The "today" of the corpus expectations, so year-less dates are placed the same on every day. */
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    record Row(String dialect, String line, String name, String type, long size, String time, String source) {
        @Override
        public String toString() {
            return dialect + ": " + line.replace("\r\n", "\\r\\n");
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCorpusLineGivesTheExpectedNameTypeSizeAndTime(Row row) {
        ListingDialect dialect = row.dialect().equals("mvs-member") ? ListingDialect.MVS : ListingDialect.AUTO;
        ListParser parser = ListParser.create(new ListingOptions(dialect, null, null, null, ZoneOffset.UTC), null,
                TODAY);
        ListEntry entry = null;
        for (String part : row.line().split("\r\n")) {
            entry = parser.parse(part);
        }
        if (row.type().equals("-")) {
            assertThat(entry).as(row.source()).isNull();
            return;
        }
        assertThat(entry).as(row.source()).isNotNull();
        assertThat(entry.name()).as("name").isEqualTo(row.name());
        assertThat(entry.type()).as("type").hasToString(row.type());
        assertThat(entry.size()).as("size").isEqualTo(row.size());
        assertThat(entry.lastModified() < 0 ? "-"
                : Instant.ofEpochMilli(entry.lastModified()).toString().replace(":00Z", ""))
                .as("time").isEqualTo(row.time());
    }

    @Test
    void corpusHoldsAtLeast150EntriesFromAtLeast8Dialects() throws IOException {
        Map<String, Integer> perDialect = new TreeMap<>();
        for (Row row : rows()) {
            if (!row.type().equals("-")) {
                perDialect.merge(row.dialect(), 1, Integer::sum);
            }
        }
        assertThat(perDialect.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(150);
        assertThat(perDialect).containsKeys("unix", "unix-localized", "unix-no-linkcount", "iso", "windows-12h",
                "windows-24h", "vms", "os400", "mvs", "netware", "eplf");
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ListCorpusTest.class.getResourceAsStream("/listing/corpus.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], unescape(f[1]), unescape(f[2]), f[3], Long.parseLong(f[4]), f[5], f[6]));
            }
        }
        return rows;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'r' ? '\r' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
