package io.camelftplib.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records the result of every {@link Interop} test as a row (server, mode, feature, result, note) in
 * {@code target/interop/results.tsv}, and after each test class writes the AsciiDoc tables of the README's
 * "Interoperability" section to {@code target/interop/interop.adoc}: one with a column per mode, one per TLS
 * version for the FTPS-only features. A later row for the same server, feature and mode replaces an earlier one.
 * Not thread-safe: the ITs run one at a time.
 */
final class InteropReport implements TestWatcher, AfterAllCallback {

    private static final Path DIR = Path.of("target", "interop");
    private static final Path ROWS = DIR.resolve("results.tsv");
    private static final Path TABLE = DIR.resolve("interop.adoc");
    private static final List<String> MODES = Mode.all().map(Mode::toString).toList();
    private static final ThreadLocal<String> NOTE = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> LIMIT = new ThreadLocal<>();

    /** Adds a remark to the running test's cell, e.g. which reply a server gave. */
    static void note(String text) {
        NOTE.set(text);
    }

    /** Marks the running test's cell as a known limit that the test proved to fail clearly, and why. */
    static void knownLimit(String reason) {
        NOTE.set(reason);
        LIMIT.set(Boolean.TRUE);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAILED");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        note(String.valueOf(cause.getMessage()).replaceFirst("^Assumption failed: ", ""));
        record(context, "skipped");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // disabled tests ran nowhere: no row
    }

    private static void record(ExtensionContext context, String outcome) {
        String note = NOTE.get();
        String result = outcome.equals("pass") && LIMIT.get() != null ? "limit" : outcome;
        NOTE.remove();
        LIMIT.remove();
        Interop interop = context.getRequiredTestMethod().getAnnotation(Interop.class);
        if (interop == null) {
            return;
        }
        String[] serverAndMode = context.getDisplayName().split(" \\| ", 2);
        String mode = serverAndMode.length > 1 ? serverAndMode[1] : "";
        String row = String.join("\t", serverAndMode[0].strip(), mode.strip(), interop.value(), result,
                note == null ? "" : note.replace('\t', ' ').replace('\n', ' '));
        try {
            Files.createDirectories(DIR);
            Files.writeString(ROWS, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the interop result in " + ROWS, e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (!Files.exists(ROWS)) {
            return;
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROWS, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", -1);
            if (cells.length == 5) {
                rows.put(cells[0] + "\t" + cells[2] + "\t" + cells[1], cells);
            }
        }
        StringBuilder adoc = new StringBuilder();
        table(adoc, rows, MODES, true);
        adoc.append('\n');
        table(adoc, rows, Mode.TLS_VERSIONS, false);
        Files.writeString(TABLE, adoc.toString(), StandardCharsets.UTF_8);
    }

    /** One table: a row per server and feature, a column per mode; modeMatrix selects which rows belong. */
    private static void table(StringBuilder adoc, Map<String, String[]> rows, List<String> columns,
            boolean modeMatrix) {
        Map<String, Map<String, String>> cells = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String[] row : rows.values()) {
            if (MODES.contains(row[1]) != modeMatrix) {
                continue;
            }
            String column = modeMatrix ? row[1] : row[1].replaceAll(".*(TLSv1\\.[0-9]).*", "$1");
            cells.computeIfAbsent(row[0] + "\t" + row[2], k -> new LinkedHashMap<>())
                    .put(column, cell(row[3], row[4], notes));
        }
        adoc.append("[cols=\"2,3").append(",2".repeat(columns.size())).append("\",options=\"header\"]\n|===\n");
        adoc.append("|Server |Feature");
        columns.forEach(c -> adoc.append(" |").append(c));
        adoc.append('\n');
        for (String key : sorted(cells.keySet())) {
            String[] serverFeature = key.split("\t");
            adoc.append('\n').append('|').append(serverFeature[0]).append(" |").append(serverFeature[1]);
            for (String column : columns) {
                adoc.append(" |").append(cells.get(key).getOrDefault(column, "n/a"));
            }
            adoc.append('\n');
        }
        adoc.append("|===\n");
        for (int i = 0; i < notes.size(); i++) {
            adoc.append('\n').append(i + 1).append(". ").append(notes.get(i)).append('\n');
        }
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        List<String> servers = List.of("vsftpd", "proftpd", "pure-ftpd", "inetutils-ftpd", "pyftpdlib",
                "pyftpdlib-nomlsd", "pyftpdlib-tls", "embedded");
        list.sort((a, b) -> {
            int byServer = Integer.compare(servers.indexOf(a.split("\t")[0]), servers.indexOf(b.split("\t")[0]));
            return byServer != 0 ? byServer : 0;
        });
        return list;
    }

    /** A cell: the result, a short note in brackets, a long one as a numbered footnote below the table. */
    private static String cell(String result, String note, List<String> notes) {
        String mark = switch (result) {
            case "pass" -> "pass";
            case "limit" -> "known limit";
            case "skipped" -> "skipped";
            default -> "*FAILED*";
        };
        if (note.isEmpty()) {
            return mark;
        }
        String text = note.replace("|", "\\|");
        if (text.length() <= 40) {
            return mark + " (" + text + ")";
        }
        if (!notes.contains(text)) {
            notes.add(text);
        }
        return mark + " ^" + (notes.indexOf(text) + 1) + "^";
    }
}
