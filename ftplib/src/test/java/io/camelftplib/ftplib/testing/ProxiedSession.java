package io.camelftplib.ftplib.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's control connection through the {@link FaultProxy}, relayed line by line in both directions.
 * Client to server: armed {@link CommandFault}s take commands over, {@code PORT}/{@code EPRT} are refused with a
 * 502 (in active mode the data would bypass the proxy), and each transfer command tells the pending
 * {@link ProxiedTransfer} what it carries and which fault strikes it. Server to client: passive replies are
 * rewritten to the proxy's own data listeners, a transfer's final 2xx reply waits until the client has its end of
 * data, and an armed session fault cuts the connection after its byte count. Thread-safe:
 * each direction runs on its own task; writes to the client are serialized.
 */
final class ProxiedSession {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedSession.class);

    /** The same bound as the engine's {@code MAXLINE}: a longer line is passed on in pieces, unread. */
    private static final int MAX_LINE = 8192;
    // a final reply held for a data connection the client never finishes still reaches it eventually
    private static final long HOLD_LIMIT_SECONDS = 60;
    private static final Pattern PASV = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");
    private static final Pattern EPSV = Pattern.compile("\\(\\|\\|\\|(\\d+)\\|\\)");
    private static final Pattern FINAL_REPLY = Pattern.compile("^([2-5])\\d\\d[ -]");

    private final FaultProxy proxy;
    private final RelayedConnection connection;
    private final SessionFault sessionFault;
    private final IdleDrop idleDrop;
    private final Object idleWatch = new Object();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean dropped;
    private final Object clientWrites = new Object();
    private long bytesToClient;
    private volatile ProxiedTransfer latest;
    private volatile ProxiedTransfer pending;

    /** Relays {@code connection}, cut as the session fault armed for it (if any) says. */
    ProxiedSession(FaultProxy proxy, RelayedConnection connection) {
        this.sessionFault = proxy.sessionFault().orElse(null);
        this.idleDrop = proxy.idleDrop();
        this.connection = connection;
        this.proxy = proxy;
    }

    /** Starts relaying both directions on the proxy's tasks. */
    void start() {
        proxy.execute(() -> pump("client to server", this::fromClient));
        proxy.execute(() -> pump("server to client", this::fromServer));
        if (idleDrop != null) {
            proxy.execute(this::dropWhenIdle);
        }
    }

    /** Waits until the connection has been idle for the idle drop's limit, then drops it (or until it closes). */
    private void dropWhenIdle() {
        long limit = idleDrop.idle().toNanos();
        synchronized (idleWatch) {
            while (!connection.isClosed()) {
                long idleFor = System.nanoTime() - lastActivity;
                if (idleFor >= limit) {
                    dropped = true;
                    idleDrop.handle().fire();
                    LOG.debug("dropping {}: idle for {} ms", connection, idleFor / 1_000_000);
                    return;
                }
                try {
                    idleWatch.wait(Math.max(1, (limit - idleFor) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Notes a line crossing the connection; false when it was dropped, so the line vanishes. */
    private boolean passes() {
        if (dropped) {
            return false;
        }
        lastActivity = System.nanoTime();
        return true;
    }

    @FunctionalInterface
    private interface Direction {
        boolean relayedUntilEnd() throws IOException, InterruptedException;
    }

    private void pump(String name, Direction direction) {
        try {
            if (direction.relayedUntilEnd()) {
                connection.directionEnded(name, null);
            }
        } catch (IOException e) {
            connection.directionEnded(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close();
        }
    }

    private boolean fromClient() throws IOException {
        InputStream in = new BufferedInputStream(connection.client().getInputStream(), MAX_LINE);
        OutputStream server = connection.server().getOutputStream();
        for (byte[] raw = readLine(in); raw != null; raw = readLine(in)) {
            if (!passes()) {
                continue;
            }
            String verb = text(raw).split(" ", 2)[0].toUpperCase(Locale.ROOT);
            Optional<CommandFault> fault = proxy.commandFault(verb);
            if (fault.isPresent()) {
                fault.get().handle().fire();
                switch (fault.get().action()) {
                    case REPLY -> toClient((fault.get().reply() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    case CUT -> {
                        connection.cut(fault.get().cut());
                        return false;
                    }
                    default -> LOG.debug("stalling {}", verb);
                }
            } else if (verb.equals("PORT") || verb.equals("EPRT")) {
                toClient(("502 " + verb + " refused by the fault proxy: it relays passive data connections only;"
                        + " use PASV or EPSV\r\n").getBytes(StandardCharsets.US_ASCII));
            } else {
                TransferKind.of(verb).ifPresent(this::startTransfer);
                server.write(raw);
                server.flush();
            }
        }
        connection.server().shutdownOutput();
        return true;
    }

    private void startTransfer(TransferKind kind) {
        ProxiedTransfer transfer = latest;
        latest = null;
        if (transfer != null) {
            transfer.assign(kind, proxy.dataFault(kind));
            pending = transfer;
        }
    }

    private boolean fromServer() throws IOException, InterruptedException {
        InputStream in = new BufferedInputStream(connection.server().getInputStream(), MAX_LINE);
        for (byte[] raw = readLine(in); raw != null; raw = readLine(in)) {
            if (!passes()) {
                continue;
            }
            String line = text(raw);
            Optional<String> rewritten = rewritePassive(line);
            if (rewritten.isPresent()) {
                raw = (rewritten.get() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            Matcher reply = FINAL_REPLY.matcher(line);
            ProxiedTransfer transfer = pending;
            if (transfer != null && reply.find()) {
                pending = null;
                if (reply.group(1).equals("2")) {
                    awaitDelivered(transfer.delivered());
                }
            }
            if (!toClient(raw)) {
                return false;
            }
        }
        connection.client().shutdownOutput();
        return true;
    }

    private void awaitDelivered(CompletableFuture<Void> delivered) throws InterruptedException {
        try {
            CompletableFuture.anyOf(delivered, connection.closedSignal()).get(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("passing a final reply on without the end of its data: {}", e.toString());
        }
    }

    private Optional<String> rewritePassive(String line) throws IOException {
        Matcher m;
        if (line.startsWith("227 ") && (m = PASV.matcher(line)).find()) {
            int port = openTransfer(Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
            String address = proxy.host().replace('.', ',') + "," + (port >> 8) + "," + (port & 0xFF);
            return Optional.of(line.substring(0, m.start()) + address + line.substring(m.end()));
        }
        if (line.startsWith("229 ") && (m = EPSV.matcher(line)).find()) {
            int port = openTransfer(Integer.parseInt(m.group(1)));
            return Optional.of(line.substring(0, m.start()) + "(|||" + port + "|)" + line.substring(m.end()));
        }
        return Optional.empty();
    }

    private int openTransfer(int serverPort) throws IOException {
        ProxiedTransfer transfer = ProxiedTransfer.open(proxy, connection, serverPort);
        latest = transfer;
        return transfer.port();
    }

    /** Writes to the client, cut short by an armed session fault; false once that fault has cut the connection. */
    private boolean toClient(byte[] raw) throws IOException {
        synchronized (clientWrites) {
            OutputStream out = connection.client().getOutputStream();
            if (sessionFault != null && bytesToClient + raw.length > sessionFault.bytes()) {
                out.write(raw, 0, (int) (sessionFault.bytes() - bytesToClient));
                out.flush();
                sessionFault.handle().fire();
                connection.cut(sessionFault.cut());
                return false;
            }
            out.write(raw);
            out.flush();
            bytesToClient += raw.length;
            return true;
        }
    }

    /** One line with its CR LF; a piece of {@link #MAX_LINE} bytes of a longer one; null at the end of stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b = 0;
        while (line.size() < MAX_LINE && b != '\n' && (b = in.read()) != -1) {
            line.write(b);
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static String text(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1).strip();
    }
}
