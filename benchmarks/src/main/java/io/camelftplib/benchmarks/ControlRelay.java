package io.camelftplib.benchmarks;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One client's control connection through the {@link LatencyProxy}: the line-by-line, delayed relay in both
 * directions. Server to client, each passive reply (227, 229) is rewritten to point at a {@link DataRelay} the
 * proxy opens for it. Client to server, {@code PORT} and {@code EPRT} are refused by the proxy itself with a 502
 * (delayed by a round trip, as if the server had answered): in active mode the server would connect straight
 * to the client and the data would bypass the delay, so a run would quietly measure something else. Thread-safe
 * after {@link #start}: each direction runs on its own tasks.
 */
final class ControlRelay {

    private final LatencyProxy proxy;
    private final ProxyLink link;
    private final DelayedPipe up;
    private final DelayedPipe down;

    private ControlRelay(LatencyProxy proxy, Socket client, Socket server) throws IOException {
        this.proxy = proxy;
        String name = "control " + client.getRemoteSocketAddress() + " <-> " + server.getRemoteSocketAddress();
        this.link = proxy.track(name, client, server);
        this.up = new DelayedPipe(name + " (client to server)",
                new LineSource(client.getInputStream(), this::fromClient), server, proxy.delay(), link);
        this.down = new DelayedPipe(name + " (server to client)",
                new LineSource(server.getInputStream(), this::fromServer), client, proxy.delay(), link);
    }

    /**
     * Relays an accepted client: connects to the server and starts both directions.
     *
     * @param proxy  the proxy (server address, delay, threads)
     * @param client the accepted client socket; closed by the relay from now on
     * @throws IOException when the server cannot be reached (the caller tells the client and closes it)
     */
    static void start(LatencyProxy proxy, Socket client) throws IOException {
        Socket server = proxy.connectToServer(proxy.serverPort());
        ControlRelay relay;
        try {
            relay = new ControlRelay(proxy, client, server);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        relay.up.start(proxy.threads());
        relay.down.start(proxy.threads());
    }

    private byte[] fromClient(String line, byte[] raw) throws IOException {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (!verb.equals("PORT") && !verb.equals("EPRT")) {
            return raw;
        }
        String reply = "502 " + verb + " refused by the benchmark's latency proxy: active mode would bypass the"
                + " injected delay; use passive mode (PASV/EPSV)\r\n";
        down.inject(reply.getBytes(StandardCharsets.US_ASCII), System.nanoTime() + 2 * proxy.delay().toNanos());
        return null;
    }

    private byte[] fromServer(String line, byte[] raw) throws IOException {
        Optional<PassiveReply> passive = PassiveReply.parse(line);
        if (passive.isEmpty()) {
            return raw;
        }
        int port = DataRelay.open(proxy, link, passive.get().port());
        return (passive.get().pointingAt(LatencyProxy.HOST, port) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
