package io.camelftplib.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

/**
 * Measures a round inside the client's own JVM: wall time, process CPU time (every thread: the client's, the
 * JIT's and the collector's), the sum of the heap pools' peaks, the largest heap in use right after a
 * collection (the live set), and the process's peak RSS (VmHWM, reset per round through
 * {@code /proc/self/clear_refs} where the kernel allows it).
 *
 * <p>One per JVM; not thread-safe.
 */
final class JvmMeter {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final AtomicLong liveAfterGc = new AtomicLong(-1);
    private long startNanos;
    private long startCpu;

    JvmMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
                    liveAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private long heapUsed(Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage u = usage.get(pool.getName());
            sum += u == null ? 0 : u.getUsed();
        }
        return sum;
    }

    void start() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        liveAfterGc.set(-1);
        resetPeakRss();
        startCpu = os.getProcessCpuTime();
        startNanos = System.nanoTime();
    }

    Measurement stop() {
        long wall = System.nanoTime() - startNanos;
        long cpu = os.getProcessCpuTime() - startCpu;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measurement(wall, cpu, peak, liveAfterGc.get(), peakRss());
    }

    private static void resetPeakRss() {
        try {
            // "5" resets the peak RSS (VmHWM) to the current RSS (Linux 4.0+, proc(5))
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not allowed: the peak then covers the JVM's life so far, still a true upper bound
        }
    }

    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
