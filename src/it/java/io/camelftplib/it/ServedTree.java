package io.camelftplib.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.camelftplib.ftplib.Ftp;

/**
 * A directory of the ITs as it lies on a real server's disk ({@code FTP_IT_ROOT} of its {@code server.env}): what a
 * route left there, read without going through FTP, and its removal, done over FTP as the FTP user (who owns the
 * files; the build may not).
 */
final class ServedTree {

    private ServedTree() {
    }

    /** Every file and directory below {@code directory}, by path relative to it ({@code "sub/"} for a directory). */
    static Map<String, Long> files(ItServer server, String directory) throws IOException {
        Path top = root(server).resolve(directory);
        Map<String, Long> files = new TreeMap<>();
        if (!Files.isDirectory(top)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path path : walk.filter(p -> !p.equals(top)).toList()) {
                String relative = top.relativize(path).toString();
                files.put(Files.isDirectory(path) ? relative + "/" : relative,
                        Files.isDirectory(path) ? 0L : Files.size(path));
            }
        }
        return files;
    }

    /** Removes {@code directory} and everything below it over FTP; nothing when it does not exist. */
    static void remove(ItServer server, String directory) throws IOException {
        Path top = root(server).resolve(directory);
        if (!Files.isDirectory(top)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(top)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        }
        try (Ftp ftp = ItClients.login(server, server.setupMode())) {
            for (Path path : deepestFirst) {
                String remote = root(server).relativize(path).toString();
                if (Files.isDirectory(path)) {
                    ftp.rmd(remote);
                } else {
                    ftp.delete(remote);
                }
            }
        }
    }

    /** The served directory on disk. */
    static Path root(ItServer server) {
        Path env = ItServer.itDir().resolve(server.name()).resolve("server.env");
        Properties facts = new Properties();
        try (InputStream in = Files.newInputStream(env)) {
            facts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + env, e);
        }
        return Path.of(facts.getProperty("FTP_IT_ROOT"));
    }
}
