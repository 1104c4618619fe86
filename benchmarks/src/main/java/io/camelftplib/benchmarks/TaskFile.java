package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Hands a {@link Task} (and the client and round count) to a forked JVM as a properties file. Stateless.
 */
final class TaskFile {

    private TaskFile() {
    }

    static void write(Path file, String client, int rounds, Task t) throws IOException {
        Properties p = new Properties();
        p.setProperty("client", client);
        p.setProperty("rounds", Integer.toString(rounds));
        p.setProperty("workload", t.workload().name());
        p.setProperty("remote", t.remote());
        p.setProperty("local", t.local().toString());
        p.setProperty("workDir", t.workDir().toString());
        p.setProperty("expectedBytes", Long.toString(t.expectedBytes()));
        p.setProperty("expectedItems", Integer.toString(t.expectedItems()));
        p.setProperty("timeout", t.timeout().toString());
        BenchServer s = t.server();
        p.setProperty("server.host", s.host());
        p.setProperty("server.port", Integer.toString(s.port()));
        p.setProperty("server.user", s.user());
        p.setProperty("server.password", s.password());
        p.setProperty("server.root", s.root().toString());
        s.systemUser().ifPresent(u -> p.setProperty("server.systemUser", u));
        s.log().ifPresent(l -> p.setProperty("server.log", l.toString()));
        s.cert().ifPresent(c -> p.setProperty("server.cert", c.toString()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "a benchmark task for a forked JVM");
        }
    }

    static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    static Task task(Properties p) {
        BenchServer server = new BenchServer(p.getProperty("server.host"),
                Integer.parseInt(p.getProperty("server.port")), p.getProperty("server.user"),
                p.getProperty("server.password"), Path.of(p.getProperty("server.root")),
                Optional.ofNullable(p.getProperty("server.systemUser")),
                Optional.ofNullable(p.getProperty("server.log")).map(Path::of),
                Optional.ofNullable(p.getProperty("server.cert")).map(Path::of));
        return new Task(Workload.valueOf(p.getProperty("workload")), server, p.getProperty("remote"),
                Path.of(p.getProperty("local")), Path.of(p.getProperty("workDir")),
                Long.parseLong(p.getProperty("expectedBytes")), Integer.parseInt(p.getProperty("expectedItems")),
                Duration.parse(p.getProperty("timeout")));
    }
}
