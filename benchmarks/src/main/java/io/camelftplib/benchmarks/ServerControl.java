package io.camelftplib.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the private vsftpd through {@code benchmarks/server/vsftpd-bench.sh}, and stops it only if
 * this run started it. Not thread-safe.
 */
final class ServerControl implements AutoCloseable {

    private final Path script;
    private boolean startedHere;

    ServerControl(Path script) {
        this.script = script;
    }

    /** Starts the server unless it runs already; returns its facts. */
    BenchServer start() throws IOException, InterruptedException {
        startedHere = call("status") != 0;
        if (startedHere && call("start") != 0) {
            throw new IOException(script + " start failed (its output is above)");
        }
        String dir = System.getenv().getOrDefault("BENCH_DIR", "/tmp/camel-ftplib-bench");
        return BenchServer.fromEnvFile(Path.of(dir, "server.env"));
    }

    @Override
    public void close() throws IOException {
        if (startedHere) {
            try {
                call("stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the server", e);
            }
        }
    }

    private int call(String verb) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IOException("no server script at " + script + "; run from the project root or pass"
                    + " --server-script");
        }
        Process p = new ProcessBuilder("bash", script.toString(), verb).inheritIO()
                .redirectOutput(verb.equals("status") ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(script + " " + verb + " did not finish in 10 minutes");
        }
        return p.exitValue();
    }
}
