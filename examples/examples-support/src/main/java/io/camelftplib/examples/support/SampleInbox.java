package io.camelftplib.examples.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a demo's files into its inbox: the committed samples, plus a generated large file that shows progress, so
 * every run (and rerun) has something to move. Each file appears under its final name in one move, so the upload
 * route never reads half a file.
 *
 * <p>Immutable; {@link #fill()} writes to the file system.
 */
public final class SampleInbox {

    /** The name of the generated large file. */
    public static final String LARGE_FILE = "large-sample.bin";
    private static final Logger LOG = LoggerFactory.getLogger(SampleInbox.class);

    private final Path samples;
    private final Path inbox;
    private final long largeFileBytes;

    /**
     * Describes an inbox to fill.
     *
     * @param samples        the directory of sample files (missing: no samples)
     * @param inbox          the directory the upload route polls
     * @param largeFileBytes the size of the generated file, 0 for none
     */
    public SampleInbox(Path samples, Path inbox, long largeFileBytes) {
        this.samples = samples;
        this.inbox = inbox;
        this.largeFileBytes = largeFileBytes;
    }

    /**
     * Copies the samples and writes the large file.
     *
     * @return the names of the files put in the inbox, samples first (sorted), the large file last
     * @throws IOException when the files cannot be copied or written
     */
    public List<String> fill() throws IOException {
        Files.createDirectories(inbox);
        Path staging = Files.createDirectories(inbox.resolve(".staging"));
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(samples)) {
            try (Stream<Path> files = Files.list(samples)) {
                for (Path sample : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = sample.getFileName().toString();
                    publish(Files.copy(sample, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING));
                    names.add(name);
                }
            }
        }
        if (largeFileBytes > 0) {
            publish(writeLarge(staging.resolve(LARGE_FILE), largeFileBytes));
            names.add(LARGE_FILE);
        }
        LOG.info("Inbox {} holds {} files to move: {}", inbox.toAbsolutePath(), names.size(), names);
        return names;
    }

    private void publish(Path staged) throws IOException {
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
