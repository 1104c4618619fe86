package io.camelftplib.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link JvmClient} in a JVM of its own with a given {@code -Xmx}, so that the heap a client needs is a
 * hard limit and not a measurement artefact; an {@link OutOfMemoryError} ends that JVM at once
 * ({@code -XX:+ExitOnOutOfMemoryError}) and becomes the result.
 *
 * <p>The child gets this JVM's class path (run.sh starts the harness with the module's runtime class path).
 * Optional extra JVM options, e.g. a JFR recording for profiling, go to every child. Stateless apart from its
 * settings.
 */
final class Forker {

    private final String classPath;
    private final List<String> extraJvmOptions;

    Forker(String classPath, List<String> extraJvmOptions) {
        this.classPath = classPath;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    ClientResult run(JvmClient client, Task task, int rounds, String maxHeap) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(task.workDir());
        Path taskFile = dir.resolve("task-" + task.workload().id + ".properties");
        Path stderr = dir.resolve("jvm-" + task.workload().id + "-" + maxHeap + ".log");
        TaskFile.write(taskFile, client.name(), rounds, task);
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
        Path stdout = dir.resolve("jvm-" + task.workload().id + "-" + maxHeap + ".out");
        // both streams go to files: a child that hangs cannot block the harness, only run into the timeout
        Process process = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        String failure = null;
        if (!process.waitFor(task.timeout().toSeconds() * rounds + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            failure = "timed out after " + task.timeout().multipliedBy(rounds) + " at -Xmx" + maxHeap;
        }
        List<RoundResult> results = new ArrayList<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            if (line.startsWith("@round ")) {
                results.add(RoundResult.decode(line));
            } else if (line.startsWith("@failed ") && failure == null) {
                failure = line.substring("@failed ".length());
            }
        }
        if (failure == null && process.exitValue() != 0) {
            failure = describeExit(process.exitValue(), stderr, maxHeap);
        } else if (failure != null && Files.readString(stderr).contains("OutOfMemoryError")) {
            failure = "OutOfMemoryError at -Xmx" + maxHeap;
        }
        return new ClientResult(client.name(), client.ours(), task.workload(), "-Xmx" + maxHeap, results,
                Optional.ofNullable(failure));
    }

    private static String describeExit(int code, Path stderr, String maxHeap) throws IOException {
        String err = Files.readString(stderr);
        if (err.contains("OutOfMemoryError")) {
            return "OutOfMemoryError at -Xmx" + maxHeap;
        }
        return "JVM exited with " + code + " (see " + stderr + ")";
    }
}
