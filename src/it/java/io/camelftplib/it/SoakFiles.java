package io.camelftplib.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The files of the soak: a fixed number with mixed sizes from 0 B to 20 MiB, mostly small, drawn from a fixed seed,
 * so every run moves the same bytes. Contents are generated on demand from the file's index (never all held at
 * once); their SHA-256 digests are computed once. Immutable after construction.
 */
final class SoakFiles {

    static final int MAX_SIZE = 20 * 1024 * 1024;

    private final int[] sizes;
    private final String[] digests;
    private final long seed;

    SoakFiles(int count, long seed) {
        this.seed = seed;
        this.sizes = new int[count];
        this.digests = new String[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            sizes[i] = size(random, i, count);
            digests[i] = sha256(content(i));
        }
    }

    /** 4 % empty, 84 % up to 64 KiB, 11 % up to 1 MiB, 1 % up to 20 MiB; the first is empty, the last 20 MiB. */
    private static int size(SplittableRandom random, int index, int count) {
        if (index == 0) {
            return 0;
        }
        if (index == count - 1) {
            return MAX_SIZE;
        }
        int bucket = random.nextInt(100);
        if (bucket < 4) {
            return 0;
        }
        if (bucket < 88) {
            return random.nextInt(1, 64 * 1024 + 1);
        }
        if (bucket < 99) {
            return random.nextInt(64 * 1024, 1024 * 1024 + 1);
        }
        return random.nextInt(1024 * 1024, MAX_SIZE + 1);
    }

    int count() {
        return sizes.length;
    }

    /** The name of file {@code index}: its index and size, so a failure message says which file it was. */
    String name(int index) {
        return String.format("f%04d-%d.bin", index, sizes[index]);
    }

    /** The index of a file name from {@link #name}, or -1 for a name the soak never wrote. */
    int index(String name) {
        if (!name.matches("f\\d{4}-\\d+\\.bin")) {
            return -1;
        }
        int index = Integer.parseInt(name.substring(1, 5));
        return index < sizes.length && name.equals(name(index)) ? index : -1;
    }

    byte[] content(int index) {
        byte[] bytes = new byte[sizes[index]];
        new Random(seed * 31 + index).nextBytes(bytes);
        return bytes;
    }

    long totalBytes() {
        long total = 0;
        for (int size : sizes) {
            total += size;
        }
        return total;
    }

    /** Whether a file on disk holds exactly the content of the file it is named after. */
    boolean isIntact(Path file) throws IOException {
        int index = index(file.getFileName().toString());
        return index >= 0 && Files.size(file) == sizes[index]
                && sha256(Files.readAllBytes(file)).equals(digests[index]);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
