package io.camelftplib.examples.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the demo's files into the inbox at startup: the committed samples, plus a generated large file that shows
 * progress, so every run (and rerun) has something to move.
 */
final class Inbox {

    /** The name of the generated large file. */
    static final String LARGE_FILE = "large-sample.bin";
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final DemoProperties demo;

    Inbox(DemoProperties demo) {
        this.demo = demo;
    }

    /**
     * Copies the samples and writes the large file; each appears under its final name in one move, so the upload
     * route never reads half a file.
     *
     * @return the names of the files put in the inbox
     * @throws IOException when the files cannot be copied
     */
    Set<String> fill() throws IOException {
        Path inbox = Files.createDirectories(demo.getInbox());
        Path staging = Files.createDirectories(inbox.resolve(".staging"));
        Set<String> names = new LinkedHashSet<>();
        if (Files.isDirectory(demo.getSamples())) {
            try (Stream<Path> samples = Files.list(demo.getSamples())) {
                for (Path sample : (Iterable<Path>) samples.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = sample.getFileName().toString();
                    publish(Files.copy(sample, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING), inbox);
                    names.add(name);
                }
            }
        }
        long size = demo.getLargeFile().toBytes();
        if (size > 0) {
            publish(writeLarge(staging.resolve(LARGE_FILE), size), inbox);
            names.add(LARGE_FILE);
        }
        LOG.info("Inbox {} holds {} files to move: {}", inbox.toAbsolutePath(), names.size(), names);
        return names;
    }

    private static void publish(Path staged, Path inbox) throws IOException {
        Files.move(staged, inbox.resolve(staged.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path writeLarge(Path target, long size) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return target;
    }
}
