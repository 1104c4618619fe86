package io.camelftplib.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark command: starts the private vsftpd, makes the data, runs every client on every
 * workload, prints the table and the targets, and writes them as AsciiDoc too. Start it with
 * {@code benchmarks/run.sh}, which builds the module and passes the class path the forked JVMs need.
 *
 * <pre>
 * benchmarks/run.sh [--size full|smoke] [--rounds N] [--warmup N] [--workloads W1,W3,...]
 *                   [--clients engine,curl,...]
 *                   [--jfr] [--server-script PATH] [--local DIR] [--report FILE] [--latency-ms N]
 * </pre>
 *
 * <p>{@code --latency-ms N} (default 0: none) puts a {@link LatencyProxy} in front of the server that delays
 * every byte by N ms in each direction (a round trip costs at least 2N ms), and points every client at it, to
 * show how clients fare on a real network (this kernel has no netem). The proxy relays passive mode only, so
 * Camel's {@code ftp:} default runs as {@code camel ftp: default, passive} ({@code passiveMode=true} added), and
 * plain FTP only, so the W5 workloads are refused. Commands still reach the server, so its log still counts them.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args the options above
     * @throws Exception when the server cannot start or the data cannot be made
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        try (ServerControl control = new ServerControl(o.serverScript)) {
            BenchServer server = control.start();
            if (o.latencyMs == 0) {
                run(o, server, o.clients, "", args);
                return;
            }
            try (LatencyProxy proxy = LatencyProxy.start(server.host(), server.port(),
                    Duration.ofMillis(o.latencyMs))) {
                String network = String.format(Locale.ROOT, "network: injected delay %d ms each way (a round trip"
                        + " >= %d ms) by the benchmarks' LatencyProxy on %s:%d in front of %s:%d; passive mode only,"
                        + " so camel ftp: default runs with passiveMode=true", o.latencyMs, 2 * o.latencyMs,
                        proxy.host(), proxy.port(), server.host(), server.port());
                System.out.println(network);
                run(o, server.reachedAt(proxy.host(), proxy.port()), Clients.behindLatencyProxy(o.clients),
                        "\n" + network, args);
                System.out.println("latency proxy: " + proxy.dataConnections() + " data connections relayed");
            }
        }
    }

    /** Runs the plan against {@code server} (the real one, or the proxy in front of it) and reports. */
    private static void run(Options o, BenchServer server, List<Client> clients, String network, String[] args)
            throws Exception {
        Path localRoot = o.local != null ? o.local
                : server.root().resolveSibling(server.root().getFileName() + "-client");
        List<String> jvmOptions = new ArrayList<>();
        if (o.jfr) {
            Path jfrDir = Files.createDirectories(localRoot.resolve("jfr"));
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,filename=" + jfrDir + "/{name}.jfr");
            System.out.println("JFR recordings: " + jfrDir);
        }
        Forker forker = new Forker(System.getProperty("java.class.path"), jvmOptions);
        Benchmark.Plan plan = new Benchmark.Plan(server, o.sizes, localRoot, o.rounds, o.warmup, clients,
                o.workloads, Optional.of(forker));
        System.out.println("server " + server + ", client files under " + localRoot + ", "
                + (o.warmup >= 0 ? o.warmup + " warm-up" : "1 (1 GiB workloads) or 5 (the others) warm-up")
                + " and " + o.rounds + " measured rounds, interleaved");
        List<ClientResult> results = new Benchmark(plan, System.out::println).run();
        String machine = Machine.describe() + network;
        String table = ResultTable.text(results, o.sizes);
        List<String> targets = Targets.evaluate(results);
        System.out.println();
        System.out.println(machine);
        System.out.println(table);
        System.out.println("Targets, measured in this run:");
        targets.forEach(t -> System.out.println("  " + t));
        writeReport(o.report, machine, results, o.sizes, targets, args);
        System.out.println("\nreport: " + o.report);
    }

    private static void writeReport(Path file, String machine, List<ClientResult> results, Sizes sizes,
            List<String> targets, String[] args) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        b.append("// written by benchmarks/run.sh ").append(args.length == 0 ? "(default options)" : String.join(" ", args))
                .append(" at ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append('\n');
        b.append("....\n").append(machine).append("\n....\n\n");
        b.append(ResultTable.asciidoc(results, sizes));
        b.append("Targets:\n\n");
        targets.forEach(t -> b.append("* ").append(t).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** The command line. */
    static final class Options {
        Sizes sizes = Sizes.FULL;
        int rounds = 5;
        /** Uncounted rounds; -1 for each workload's own ({@link Workload#defaultWarmup()}). */
        int warmup = -1;
        List<Client> clients = Clients.all();
        List<Workload> workloads = Arrays.asList(Workload.values());
        boolean jfr;
        Path serverScript = Path.of("benchmarks/server/vsftpd-bench.sh");
        Path local;
        Path report = Path.of("benchmarks/target/benchmark-report.adoc");
        int latencyMs;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--size":
                        o.sizes = "smoke".equals(v) ? Sizes.SMOKE : "full".equals(v) ? Sizes.FULL : fail(a, v);
                        i++;
                        break;
                    case "--rounds":
                        o.rounds = Integer.parseInt(v);
                        i++;
                        break;
                    case "--clients":
                        o.clients = Arrays.stream(v.split(",")).map(String::trim).map(Clients::byName).toList();
                        i++;
                        break;
                    case "--workloads":
                        o.workloads = Arrays.stream(v.split(",")).map(String::trim).map(Workload::parse).sorted()
                                .toList();
                        i++;
                        break;
                    case "--warmup":
                        o.warmup = Integer.parseInt(v);
                        i++;
                        break;
                    case "--jfr":
                        o.jfr = true;
                        break;
                    case "--server-script":
                        o.serverScript = Path.of(v);
                        i++;
                        break;
                    case "--local":
                        o.local = Path.of(v);
                        i++;
                        break;
                    case "--latency-ms":
                        o.latencyMs = Integer.parseInt(v);
                        if (o.latencyMs < 0) {
                            fail(a, v);
                        }
                        i++;
                        break;
                    case "--report":
                        o.report = Path.of(v);
                        i++;
                        break;
                    default:
                        fail(a, v);
                }
            }
            if (o.latencyMs > 0 && o.workloads.stream().anyMatch(Workload::isTls)) {
                // after AUTH TLS the proxy cannot read the 227 replies, so W5's data would bypass the delay
                throw new IllegalArgumentException("--latency-ms relays plain FTP only; leave out the W5 workloads,"
                        + " e.g. --workloads W1,W2,W3,W4,W4L");
            }
            return o;
        }

        private static <T> T fail(String option, String value) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "bad option %s %s; see the javadoc of"
                    + " BenchmarkMain for the options", option, value));
        }
    }
}
