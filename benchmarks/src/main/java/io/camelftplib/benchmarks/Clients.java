package io.camelftplib.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every contender, in table order. This is the one place to add one.
 *
 * <p>Ours are the engine (plain, {@code retrBinary} per file, and over FTPS for W5) and our {@code ftplib:} route;
 * {@link Targets} compares them with the peers.
 */
final class Clients {

    /** Camel ftp: with nothing but credentials: ASCII type, active mode, stepwise CWD, download into memory. */
    static final CamelRouteClient CAMEL_DEFAULT = new CamelRouteClient("camel ftp: default", false, "ftp",
            Map.of(Workload.W1_DOWNLOAD, Map.of(), Workload.W2_UPLOAD, Map.of(), Workload.W3_MANY_FILES, Map.of()),
            // it reads the whole file into a byte array: a 1 GiB download failed at -Xmx2g and passed at 2560m
            Map.of(Workload.W1_DOWNLOAD, List.of("2g", "2560m", "3g")), true);

    /**
     * {@link #CAMEL_DEFAULT} plus {@code passiveMode=true}, and nothing else: it stands in for the default behind
     * the {@link LatencyProxy} ({@code --latency-ms}), which refuses active mode because active-mode data would
     * bypass the injected delay. Everything else the default costs (ASCII type, stepwise CWD) stays. Not in
     * {@link #all()}; {@link #byName} finds it, so forked JVMs can run it.
     */
    static final CamelRouteClient CAMEL_DEFAULT_PASSIVE = new CamelRouteClient("camel ftp: default, passive", false,
            "ftp", Map.of(Workload.W1_DOWNLOAD, Map.of("passiveMode", "true"),
                    Workload.W2_UPLOAD, Map.of("passiveMode", "true"),
                    Workload.W3_MANY_FILES, Map.of("passiveMode", "true")),
            Map.of(Workload.W1_DOWNLOAD, List.of("2g", "2560m", "3g")), true);

    /**
     * Camel ftp: at its fastest, found from the server's command log: binary and passive, no stepwise CWD
     * (absolute paths), and for the big file a streamed download ({@code streamDownload}) with the context's
     * stream caching off, so the heap stays small (with caching on, Camel 4 copies the stream into memory and
     * the route fails at -Xmx128m).
     */
    static final CamelRouteClient CAMEL_BEST = new CamelRouteClient("camel ftp: best", false, "ftp",
            Map.of(Workload.W1_DOWNLOAD, Map.of("binary", "true", "passiveMode", "true", "stepwise", "false",
                            "streamDownload", "true"),
                    Workload.W2_UPLOAD, Map.of("binary", "true", "passiveMode", "true", "stepwise", "false"),
                    Workload.W3_MANY_FILES, Map.of("binary", "true", "passiveMode", "true", "stepwise", "false")),
            Map.of(Workload.W1_DOWNLOAD, List.of("128m")), false);

    /**
     * Our {@code ftplib:} component with nothing but credentials, as a user starts: its defaults are binary,
     * passive, absolute paths and a streamed download, and Camel's stream caching stays on (Camel 4's default).
     * W1 runs at 128 MiB of heap: a streamed route must not need more; W5-3 is W3 over {@code ftplibs:} ({@code PROT P}).
     */
    static final CamelRouteClient OURS = new CamelRouteClient("ftplib: route", true, "ftplib",
            Map.of(Workload.W1_DOWNLOAD, Map.of(), Workload.W3_MANY_FILES, Map.of(),
                    Workload.W5_TLS_MANY_FILES, Map.of()),
            Map.of(Workload.W1_DOWNLOAD, List.of("128m")), true);

    /**
     * Our route with {@code maxConnections=4}: the files of a poll are downloaded and written by four threads, each
     * over its own logged-in connection: many small files go faster in parallel over a small pool.
     */
    static final CamelRouteClient OURS_POOLED = new CamelRouteClient("ftplib: route, 4 connections", true, "ftplib",
            Map.of(Workload.W3_MANY_FILES, Map.of("maxConnections", "4"),
                    Workload.W5_TLS_MANY_FILES, Map.of("maxConnections", "4")),
            Map.of(), true);

    private static final List<Client> ALL = List.of(
            EngineClient.plain(),
            EngineClient.plainRetrBinaryPerFile(),
            EngineClient.tls(EngineClient.Opener.TLS),
            OURS,
            OURS_POOLED,
            new CommonsNetClient(),
            CAMEL_DEFAULT,
            CAMEL_BEST,
            new CurlClient(),
            new PythonFtplibClient(false),
            new PythonFtplibClient(true));

    private Clients() {
    }

    static List<Client> all() {
        return ALL;
    }

    /**
     * The clients to run behind the {@link LatencyProxy}: the same, with {@link #CAMEL_DEFAULT} replaced by
     * {@link #CAMEL_DEFAULT_PASSIVE} (the proxy refuses active mode; every other client is passive already).
     */
    static List<Client> behindLatencyProxy(List<Client> clients) {
        return clients.stream().map(c -> c == CAMEL_DEFAULT ? (Client) CAMEL_DEFAULT_PASSIVE : c).distinct().toList();
    }

    /** Finds a client by its name or slug, also one that runs only when asked for (e.g. behind the proxy). */
    static Client byName(String name) {
        List<Client> known = new ArrayList<>(ALL);
        known.add(CAMEL_DEFAULT_PASSIVE);
        for (Client c : known) {
            if (c.name().equals(name) || c.slug().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no client '" + name + "'; known: "
                + known.stream().map(Client::slug).toList());
    }
}
