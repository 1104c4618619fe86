package io.camelftplib.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link JvmClient} in a JVM of its own with a given {@code -Xmx}, so that the heap a client needs is a
 * hard limit and not a measurement artefact; an {@link OutOfMemoryError} ends that JVM at once
 * ({@code -XX:+ExitOnOutOfMemoryError}) and becomes the result.
 *
 * <p>The child gets this JVM's class path (run.sh starts the harness with the module's runtime class path) and
 * runs {@link ForkedRounds}; a {@link Session} asks it for one round at a time. Extra JVM options, e.g. a JFR
 * recording for profiling, go to every child. Thread-safe: holds settings only.
 */
final class Forker {

    private static final String EOF = "@eof";

    private final String classPath;
    private final List<String> extraJvmOptions;

    Forker(String classPath, List<String> extraJvmOptions) {
        this.classPath = classPath;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    /** Starts the client's JVM and waits until it has read its task. */
    Session open(JvmClient client, Task task, String maxHeap) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(task.workDir());
        Path taskFile = dir.resolve("task-" + task.workload().id + ".properties");
        Path stderr = dir.resolve("jvm-" + task.workload().id + "-" + maxHeap + ".log");
        TaskFile.write(taskFile, client.name(), 1, task);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
        for (String option : extraJvmOptions) {
            cmd.add(option.replace("{name}", client.slug() + "-" + task.workload().id));
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ForkedRounds.class.getName());
        cmd.add(taskFile.toString());
        Process process = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        Session session = new Session(process, stderr, maxHeap, task.timeout());
        session.await("@ready", Duration.ofMinutes(2));
        return session;
    }

    /** One running client JVM. Not thread-safe. */
    static final class Session implements AutoCloseable {

        private final Process process;
        private final Path stderr;
        private final String maxHeap;
        private final Duration roundTimeout;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final OutputStream commands;
        private volatile boolean outOfMemory;

        private Session(Process process, Path stderr, String maxHeap, Duration roundTimeout) {
            this.process = process;
            this.stderr = stderr;
            this.maxHeap = maxHeap;
            this.roundTimeout = roundTimeout;
            this.commands = process.getOutputStream();
            Thread reader = new Thread(this::pump, "forked-client-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        private void pump() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    // -XX:+ExitOnOutOfMemoryError reports on standard output
                    outOfMemory |= line.contains("OutOfMemoryError");
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("@failed reading the child's output: " + e);
            }
            lines.add(EOF);
        }

        String setting() {
            return "-Xmx" + maxHeap;
        }

        /** Runs one round in the child. */
        RoundResult round() throws IOException, InterruptedException {
            commands.write("round\n".getBytes(StandardCharsets.US_ASCII));
            commands.flush();
            String line = await("@round ", roundTimeout);
            return RoundResult.decode(line);
        }

        private String await(String prefix, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    process.destroyForcibly().waitFor();
                    throw new IOException("timed out after " + timeout + " at " + setting());
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.startsWith("@failed ") || line.equals(EOF)) {
                    process.waitFor(30, TimeUnit.SECONDS);
                    String err = Files.exists(stderr) ? Files.readString(stderr) : "";
                    if (outOfMemory || err.contains("OutOfMemoryError")) {
                        throw new IOException("OutOfMemoryError at " + setting());
                    }
                    throw new IOException((line.equals(EOF) ? "the JVM ended" : line.substring(8)) + " at "
                            + setting() + " (see " + stderr + ")");
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (process.isAlive()) {
                    commands.write("quit\n".getBytes(StandardCharsets.US_ASCII));
                    commands.close();
                }
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while ending the client JVM", e);
            }
        }
    }
}
