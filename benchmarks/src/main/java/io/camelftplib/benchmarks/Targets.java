package io.camelftplib.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the project's performance targets against one run's results (the engine about as fast as curl and at
 * least as fast as Commons Net and CPython's ftplib; the route several times faster than Camel's {@code ftp:})
 * and says, for each, the measured ratio and whether it is met. A target whose contender did not run (or failed)
 * is reported as not measured, never as met. Stateless.
 */
final class Targets {

    private Targets() {
    }

    static List<String> evaluate(List<ClientResult> results) {
        List<String> lines = new ArrayList<>();
        for (Workload w : List.of(Workload.W1_DOWNLOAD, Workload.W2_UPLOAD)) {
            ratio(lines, w.id + ": engine throughput >= 0.95x curl's", row(results, w, "engine"),
                    row(results, w, "curl"), 0.95);
        }
        Workload w3 = Workload.W3_MANY_FILES;
        ratio(lines, "W3: engine files/s >= commons-net", row(results, w3, "engine"),
                row(results, w3, "commons-net"), 1.0);
        ratio(lines, "W3: engine files/s >= CPython ftplib (transfercmd idiom)", row(results, w3, "engine"),
                row(results, w3, "python ftplib"), 1.0);
        ratio(lines, "W3: engine retrBinary/file >= CPython ftplib retrbinary/file",
                row(results, w3, "engine retrBinary/file"), row(results, w3, "python ftplib retrbinary/file"), 1.0);
        // the route with its defaults (one connection, as ftp:) and with a pool of four connections
        // behind the latency proxy (passive only) ftp:'s defaults run with passiveMode=true as their stand-in
        String camelDefault = row(results, w3, "camel ftp: default").isPresent() ? "camel ftp: default"
                : "camel ftp: default, passive";
        for (String route : List.of("ftplib: route", "ftplib: route, 4 connections")) {
            ratio(lines, "W3: " + route + " >= 3x " + camelDefault, row(results, w3, route),
                    row(results, w3, camelDefault), 3);
            ratio(lines, "W3: " + route + " >= 1.5x camel ftp: best", row(results, w3, route),
                    row(results, w3, "camel ftp: best"), 1.5);
        }
        for (String name : List.of("engine", "engine retrBinary/file", "ftplib: route", "ftplib: route, 4 connections",
                "commons-net", "camel ftp: default", "camel ftp: default, passive", "camel ftp: best", "curl",
                "python ftplib")) {
            boolean ours = name.equals("engine") || name.startsWith("ftplib: route");
            row(results, w3, name).filter(r -> r.commands() >= 0).ifPresent(r -> lines.add(String.format(Locale.ROOT,
                    "W3: FTP commands per file, %s: %.2f%s [%s]", name, r.commandsPerItem(),
                    // the listing's own PASV and each extra connection's login count among the per-file verbs:
                    // 4001 / 2000, or 4017 / 2000 with three more logins, is still 2 a file
                    ours ? (r.commandsPerItem() < 2.01 ? " (<= 2: met)" : " (> 2: NOT met)") : "",
                    r.verbs())));
        }
        Optional<Row> engineList = row(results, Workload.W4_LIST, "engine");
        Optional<Row> curlList = row(results, Workload.W4_LIST, "curl");
        if (engineList.isPresent() && curlList.isPresent()) {
            double ratio = curlList.get().medianS() / engineList.get().medianS();
            lines.add(verdict(String.format(Locale.ROOT, "W4: engine listing time <= curl's: %.3f s vs %.3f s,"
                    + " curl/engine = %.2fx", engineList.get().medianS(), curlList.get().medianS(), ratio), ratio >= 1));
        }
        Optional<Row> large = row(results, Workload.W4_LIST_LARGE, "engine");
        if (engineList.isPresent() && large.isPresent()) {
            lines.add(String.format(Locale.ROOT, "W4: engine heap, %d vs %d entries (streaming retrLines, %s): "
                    + "peak %.0f vs %.0f MiB, live after GC %s vs %s MiB",
                    engineList.get().result().rounds().get(0).moved().items(),
                    large.get().result().rounds().get(0).moved().items(), large.get().result().setting(),
                    engineList.get().heapPeakMib(), large.get().heapPeakMib(), live(engineList.get()),
                    live(large.get())));
        }
        row(results, Workload.W1_DOWNLOAD, "engine").ifPresent(r -> lines.add(verdict(String.format(Locale.ROOT,
                "Heap: engine W1 at %s, peak heap %.0f MiB", r.result().setting(), r.heapPeakMib()),
                r.result().setting().equals("-Xmx64m"))));
        results.stream().filter(r -> r.workload() == Workload.W1_DOWNLOAD && r.client().equals("camel ftp: default"))
                .findFirst().ifPresent(r -> lines.add("Heap: camel ftp: default W1 " + (r.succeeded()
                        ? "needed " + r.setting() + String.format(Locale.ROOT, ", peak heap %.0f MiB",
                                Row.of(r).heapPeakMib())
                        : "failed: " + r.failure().orElse(""))));
        lines.add(routeHeap(results));
        Optional<Row> tls = row(results, Workload.W5_TLS_DOWNLOAD, "engine FTPS");
        if (tls.isPresent()) {
            ratio(lines, "W5: engine FTPS >= 0.8x engine plain on W1", tls, row(results, Workload.W1_DOWNLOAD,
                    "engine"), 0.8);
        } else {
            lines.add("W5: engine FTPS >= 0.8x plain: not measured in this run");
        }
        return lines;
    }

    private static String routeHeap(List<ClientResult> results) {
        String target = "Heap: our route W1 at -Xmx128m, stream caching on";
        Optional<ClientResult> route = results.stream()
                .filter(r -> r.workload() == Workload.W1_DOWNLOAD && r.client().equals("ftplib: route")).findFirst();
        if (route.isEmpty()) {
            return target + ": not measured in this run";
        }
        ClientResult r = route.get();
        if (!r.succeeded()) {
            return verdict(target + ": failed at " + r.setting() + ": " + r.failure().orElse(""), false);
        }
        return verdict(String.format(Locale.ROOT, "%s: ran at %s, peak heap %.0f MiB", target, r.setting(),
                Row.of(r).heapPeakMib()), r.setting().equals("-Xmx128m"));
    }

    private static String live(Row r) {
        return r.heapLiveMib() < 0 ? "n/a (no GC)" : String.format(Locale.ROOT, "%.1f", r.heapLiveMib());
    }

    private static void ratio(List<String> lines, String target, Optional<Row> ours, Optional<Row> peer, double min) {
        if (ours.isEmpty() || peer.isEmpty()) {
            lines.add(target + ": not measured in this run");
            return;
        }
        double ratio = ours.get().rate() / peer.get().rate();
        lines.add(verdict(String.format(Locale.ROOT, "%s: %.2fx (%.1f vs %.1f %s)", target, ratio, ours.get().rate(),
                peer.get().rate(), ours.get().result().workload().unit.label), ratio >= min));
    }

    private static String verdict(String line, boolean met) {
        return line + (met ? "  -> met" : "  -> NOT met");
    }

    private static Optional<Row> row(List<ClientResult> results, Workload w, String client) {
        return results.stream().filter(r -> r.workload() == w && r.client().equals(client) && r.succeeded())
                .map(Row::of).findFirst();
    }
}
