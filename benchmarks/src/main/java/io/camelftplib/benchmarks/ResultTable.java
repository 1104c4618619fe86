package io.camelftplib.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Prints results as a plain-text table (console) or an AsciiDoc table (README), one block per workload. The
 * last column is the row's rate divided by the best peer's rate in the same run: above 1 is ahead of every peer.
 * Stateless.
 */
final class ResultTable {

    private static final String[] HEADER = {"client", "JVM / process", "median s", "min s", "max s", "rate",
        "CPU s", "heap MiB peak/live", "RSS MiB", "FTP cmds", "vs best peer"};

    private ResultTable() {
    }

    static String summary(ClientResult r) {
        if (!r.succeeded()) {
            return "FAILED: " + r.failure().orElse("no rounds");
        }
        Row row = Row.of(r);
        return String.format(Locale.ROOT, "median %.3f s, %s, CPU %.2f s, %s", row.medianS(), rate(row),
                row.cpuS(), r.setting());
    }

    /** The cells of every workload block: a title and rows. */
    static List<Block> blocks(List<ClientResult> results, Sizes sizes) {
        List<Block> blocks = new ArrayList<>();
        for (Workload w : Workload.values()) {
            List<ClientResult> of = results.stream().filter(r -> r.workload() == w).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Row> ok = of.stream().filter(ClientResult::succeeded).map(Row::of).toList();
            OptionalDouble best = Row.bestPeerRate(ok);
            List<String[]> cells = new ArrayList<>();
            for (ClientResult r : of) {
                cells.add(r.succeeded() ? cells(Row.of(r), best) : failed(r));
            }
            blocks.add(new Block(title(w, sizes), cells));
        }
        return blocks;
    }

    /** One workload's table. */
    record Block(String title, List<String[]> rows) {
    }

    static String text(List<ClientResult> results, Sizes sizes) {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks(results, sizes)) {
            List<String[]> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(block.rows());
            int[] width = new int[HEADER.length];
            for (String[] row : all) {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
            b.append('\n').append(block.title()).append('\n');
            for (String[] row : all) {
                for (int i = 0; i < row.length; i++) {
                    String cell = i == 0 || i == 1 ? pad(row[i], width[i]) : padLeft(row[i], width[i]);
                    b.append(i == 0 ? "  " : "  ").append(cell);
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String asciidoc(List<ClientResult> results, Sizes sizes) {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks(results, sizes)) {
            b.append('.').append(block.title()).append('\n');
            b.append("[cols=\"3,2,1,1,1,2,1,2,1,1,1\",options=\"header\"]\n|===\n");
            b.append("|").append(String.join(" |", HEADER)).append('\n');
            for (String[] row : block.rows()) {
                b.append('\n');
                for (String cell : row) {
                    b.append('|').append(cell.replace("|", "\\|")).append(' ');
                }
                b.setLength(b.length() - 1);
                b.append('\n');
            }
            b.append("|===\n\n");
        }
        return b.toString();
    }

    private static String title(Workload w, Sizes sizes) {
        String what;
        switch (w.plainTwin()) {
            case W1_DOWNLOAD:
            case W2_UPLOAD:
                what = sizes.bigBytes() / (1 << 20) + " MiB";
                break;
            case W3_MANY_FILES:
                what = (w.isTls() ? sizes.tlsSmallFiles() : sizes.smallFiles()) + " files of "
                        + sizes.smallFileBytes() / 1024 + " KiB, one connection";
                break;
            case W4_LIST:
                what = sizes.listEntries() + " entries, NLST";
                break;
            default:
                what = sizes.listEntriesLarge() + " entries, NLST";
        }
        return w.id + " " + w.title + ": " + what + " (rate in " + w.unit.label + ")";
    }

    private static String[] cells(Row r, OptionalDouble bestPeer) {
        boolean perFile = r.result().workload().plainTwin() == Workload.W3_MANY_FILES;
        String cmds = r.commands() < 0 ? "n/a"
                : perFile ? f("%.2f/file", r.commandsPerItem()) : f("%.0f", r.commands());
        String heap = r.heapPeakMib() < 0 ? "-"
                : f("%.0f", r.heapPeakMib()) + "/" + (r.heapLiveMib() < 0 ? "-" : f("%.0f", r.heapLiveMib()));
        return new String[] {name(r.result()), r.result().setting(), f("%.3f", r.medianS()), f("%.3f", r.minS()),
            f("%.3f", r.maxS()), rate(r), f("%.2f", r.cpuS()), heap, r.rssMib() < 0 ? "-" : f("%.0f", r.rssMib()),
            cmds, bestPeer.isPresent() ? f("%.2fx", r.rate() / bestPeer.getAsDouble()) : "-"};
    }

    private static String[] failed(ClientResult r) {
        String[] cells = new String[HEADER.length];
        java.util.Arrays.fill(cells, "-");
        cells[0] = name(r);
        cells[1] = r.setting();
        String why = r.failure().orElse("no rounds");
        cells[2] = "FAILED: " + (why.length() > 120 ? why.substring(0, 120) + "..." : why);
        return cells;
    }

    private static String name(ClientResult r) {
        return r.ours() ? "*" + r.client() + "*" : r.client();
    }

    private static String rate(Row r) {
        String unit = r.result().workload().unit.label;
        return r.rate() >= 100 ? f("%.0f ", r.rate()) + unit : f("%.1f ", r.rate()) + unit;
    }

    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
