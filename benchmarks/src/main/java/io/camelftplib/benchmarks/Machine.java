package io.camelftplib.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes the machine a run is on: cores, CPU model, memory, JDK, load. Stateless. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal").map(kb -> {
            long k = Long.parseLong(kb.replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB RAM", k / 1024.0 / 1024.0);
        }).orElse("unknown RAM");
        String load = read(Path.of("/proc/loadavg")).map(l -> "load average " + String.join(" ",
                List.of(l.split(" ")).subList(0, 3))).orElse("");
        return String.format("machine: %d cores, %s, %s, JDK %s (%s), %s; curl, python3 and vsftpd on the same"
                + " machine, loopback", Runtime.getRuntime().availableProcessors(), cpu, mem,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), load);
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
