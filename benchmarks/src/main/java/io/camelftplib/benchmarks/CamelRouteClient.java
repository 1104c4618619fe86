package io.camelftplib.benchmarks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * A Camel route between an FTP endpoint and a {@code file:} endpoint, for any FTP component scheme: Camel's own
 * {@code ftp:} and our {@code ftplib:}. W5 runs the scheme's FTPS twin ({@code ftplibs:}) with an
 * {@code sslContextParameters} bean that trusts the bench server's certificate.
 *
 * <ul>
 * <li>W1: {@code <scheme>://host/w1} to {@code file:<client dir>}: the big file;</li>
 * <li>W2: {@code file:<w1>?noop=true&fileName=big.bin} to {@code <scheme>://host/w2}, renamed per client;</li>
 * <li>W3: {@code <scheme>://host/w3} to {@code file:<client dir>/w3}: all small files.</li>
 * </ul>
 * A round ends when the last exchange has passed the route; a fresh context per round, built and started (route
 * stopped) before the clock starts, so the time counts the route's connect, listing and transfers, not Camel's
 * start. {@code initialDelay=0} is set on the polling consumer in every variant so the clock does not count
 * its default one-second sleep before the first poll. Thread-safe: holds settings only.
 */
final class CamelRouteClient implements JvmClient {

    /** The registry name of the W5 routes' {@code sslContextParameters}. */
    private static final String TLS_BEAN = "benchTls";

    private final String name;
    private final boolean ours;
    private final String scheme;
    private final Map<Workload, Map<String, String>> options;
    private final Map<Workload, List<String>> heaps;
    private final boolean streamCaching;

    /**
     * Describes a route variant.
     *
     * @param name    the name in the table
     * @param ours    true for our {@code ftplib:} component
     * @param scheme  the FTP endpoint's scheme, e.g. {@code ftp}
     * @param options the endpoint options per workload; a workload without an entry is not supported
     * @param heaps   the {@code -Xmx} values per workload (tried in order until one suffices); default 512m
     * @param streamCaching Camel's stream caching, on by default in Camel 4: it copies a streamed body into
     *                      memory (no spooling to disk unless configured), so a streamed 1 GiB download needs
     *                      1 GiB of heap again
     */
    CamelRouteClient(String name, boolean ours, String scheme, Map<Workload, Map<String, String>> options,
            Map<Workload, List<String>> heaps, boolean streamCaching) {
        this.name = name;
        this.ours = ours;
        this.scheme = scheme;
        this.options = Map.copyOf(options);
        this.heaps = Map.copyOf(heaps);
        this.streamCaching = streamCaching;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean ours() {
        return ours;
    }

    @Override
    public boolean supports(Workload workload) {
        return options.containsKey(workload);
    }

    @Override
    public List<String> maxHeap(Workload workload) {
        return heaps.getOrDefault(workload, List.of("512m"));
    }

    /** The endpoint options of a workload, for the report. */
    Map<String, String> options(Workload workload) {
        return options.get(workload);
    }

    @Override
    public Round prepare(Task task) throws Exception {
        CountDownLatch done = new CountDownLatch(task.expectedItems());
        AtomicLong bytes = new AtomicLong();
        CamelContext context = new DefaultCamelContext();
        context.setStreamCaching(streamCaching);
        context.getShutdownStrategy().setTimeout(30);
        if (task.workload().isTls()) {
            context.getRegistry().bind(TLS_BEAN, tlsParameters(task.server()));
        }
        context.addRoutes(routes(task, done, bytes));
        context.start();
        return new Round() {
            @Override
            public Moved run() throws Exception {
                context.getRouteController().startRoute("bench");
                if (!done.await(task.timeout().toSeconds(), TimeUnit.SECONDS)) {
                    throw new TimeoutException(name + ": " + done.getCount() + " of " + task.expectedItems()
                            + " exchanges still missing after " + task.timeout());
                }
                return new Moved(bytes.get(), task.expectedItems());
            }

            @Override
            public void close() {
                context.stop();
            }
        };
    }

    private RouteBuilder routes(Task task, CountDownLatch done, AtomicLong bytes) throws Exception {
        BenchServer s = task.server();
        Workload twin = task.workload().plainTwin();
        String remoteDir = twin == Workload.W1_DOWNLOAD ? task.remote().substring(0, task.remote().lastIndexOf('/'))
                : twin == Workload.W2_UPLOAD ? Sizes.uploadDir() : task.remote();
        Map<String, String> query = new TreeMap<>(options.get(task.workload()));
        query.put("username", s.user());
        query.put("password", s.password());
        if (twin != Workload.W2_UPLOAD) {
            query.put("initialDelay", "0");
        }
        if (task.workload().isTls()) {
            query.put("sslContextParameters", "#" + TLS_BEAN);
        }
        // W5 runs the FTPS twin of the scheme (ftplib: -> ftplibs:, ftp: -> ftps:), explicit AUTH TLS and PROT P
        String ftp = (task.workload().isTls() ? scheme + "s" : scheme) + "://" + s.host() + ":" + s.port() + "/"
                + remoteDir + "?" + encode(query);
        String target = task.remote().substring(task.remote().lastIndexOf('/') + 1);
        Files.createDirectories(task.workDir());
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (twin == Workload.W2_UPLOAD) {
                    from("file:" + task.local().getParent() + "?noop=true&initialDelay=0&fileName="
                            + task.local().getFileName()).routeId("bench").autoStartup(false)
                            .setHeader(Exchange.FILE_NAME, constant(target))
                            .to(ftp)
                            .process(e -> count(e, done, bytes));
                } else {
                    String dir = twin == Workload.W1_DOWNLOAD ? task.local().getParent().toString()
                            : task.local().toString();
                    from(ftp).routeId("bench").autoStartup(false)
                            .to("file:" + dir)
                            .process(e -> count(e, done, bytes));
                }
            }
        };
    }

    /** Trusts exactly the bench server's certificate; host name verification stays as the endpoint has it. */
    private static SSLContextParameters tlsParameters(BenchServer server) throws Exception {
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(Trust.trusting(server.cert().orElseThrow(() -> new IllegalStateException(
                "the server offers no certificate for W5; restart it with vsftpd-bench.sh start")))
                .getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private static void count(Exchange e, CountDownLatch done, AtomicLong bytes) throws IOException {
        Long length = e.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        String produced = e.getIn().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
        if ((length == null || length < 0) && produced != null) {
            // a listing without sizes (NLST, as on vsftpd) leaves the length unknown: count what file: wrote
            length = Files.size(Path.of(produced));
        }
        bytes.addAndGet(length == null || length < 0 ? 0 : length);
        done.countDown();
    }

    private static String encode(Map<String, String> query) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            // RAW() keeps Camel from reading '+' or '&' in a password as syntax
            // and a #bean reference stays as Camel looks it up
            String value = e.getKey().equals("password") ? "RAW(" + e.getValue() + ")"
                    : e.getValue().startsWith("#") ? e.getValue()
                    : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8);
            b.append(e.getKey()).append('=').append(value);
        }
        return b.toString();
    }

    /** The workloads a route can run: transfers between a server and a directory, not listings. */
    static final Set<Workload> ROUTE_WORKLOADS = Set.of(Workload.W1_DOWNLOAD, Workload.W2_UPLOAD,
            Workload.W3_MANY_FILES, Workload.W5_TLS_DOWNLOAD, Workload.W5_TLS_MANY_FILES);
}
