package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's files into the served directory, once: a marker file per part records the sizes it was
 * made for, so a second run with the same sizes starts at once.
 *
 * <p>Content is random, with CR (0x0D) and LF (0x0A) replaced by 0x0E and 0x0B: clients in their default ASCII
 * mode (Camel's {@code binary=false}) then move it unchanged, so every client's bytes can be checked the same
 * way. Stateless apart from its settings.
 */
final class DataSet {

    private static final int CHUNK = 1 << 20;

    private final Path root;
    private final Sizes sizes;
    private final Optional<String> owner;

    DataSet(Path root, Sizes sizes, Optional<String> owner) {
        this.root = root;
        this.sizes = sizes;
        this.owner = owner;
    }

    /** Creates whatever is missing or was made for other sizes. */
    void ensure() throws IOException {
        Files.createDirectories(root);
        part("w1-" + sizes.bigBytes(), root.resolve("w1"), () -> {
            try (OutputStream out = Files.newOutputStream(root.resolve(Sizes.bigFile()))) {
                writeRandom(out, sizes.bigBytes(), new SplittableRandom(1));
            }
        });
        smallFiles(Sizes.smallFilesDir(), sizes.smallFiles());
        smallFiles(Sizes.tlsSmallFilesDir(), sizes.tlsSmallFiles());
        for (int entries : new int[] {sizes.listEntries(), sizes.listEntriesLarge()}) {
            Path dir = root.resolve(Sizes.listDir(entries));
            part("w4-" + entries, dir, () -> {
                for (int i = 1; i <= entries; i++) {
                    Files.createFile(dir.resolve(String.format(java.util.Locale.ROOT, "entry-%07d", i)));
                }
            });
        }
        Path uploads = Files.createDirectories(root.resolve(Sizes.uploadDir()));
        if (owner.isPresent()) {
            UserPrincipal user = root.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(owner.get());
            Files.setOwner(uploads, user);
        }
    }

    private void smallFiles(String dirName, int count) throws IOException {
        Path dir = root.resolve(dirName);
        part(dirName + "-" + count + "x" + sizes.smallFileBytes(), dir, () -> {
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 1; i <= count; i++) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(Sizes.smallFileName(i)))) {
                    writeRandom(out, sizes.smallFileBytes(), random);
                }
            }
        });
    }

    private interface Maker {
        void make() throws IOException;
    }

    private void part(String id, Path dir, Maker maker) throws IOException {
        Path marker = root.resolve(".bench-data-" + id);
        if (Files.exists(marker)) {
            return;
        }
        // a marker of other sizes for the same directory is stale now
        String family = ".bench-data-" + dir.getFileName() + "-";
        try (java.util.stream.Stream<Path> markers = Files.list(root)) {
            for (Path m : (Iterable<Path>) markers::iterator) {
                if (m.getFileName().toString().startsWith(family)) {
                    Files.delete(m);
                }
            }
        }
        RoundRunner.deleteTree(dir);
        Files.createDirectories(dir);
        long start = System.nanoTime();
        maker.make();
        Files.createFile(marker);
        System.err.printf("data: %s made in %.1f s%n", id, (System.nanoTime() - start) / 1e9);
    }

    private static void writeRandom(OutputStream out, long length, SplittableRandom random) throws IOException {
        byte[] chunk = new byte[(int) Math.min(CHUNK, length)];
        for (long left = length; left > 0; left -= chunk.length) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(chunk);
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\r') {
                    chunk[i] = 0x0E;
                } else if (chunk[i] == '\n') {
                    chunk[i] = 0x0B;
                }
            }
            out.write(chunk, 0, n);
        }
    }
}
