package io.camelftplib.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every selected client on every selected workload it supports and collects the results. JVM clients run
 * forked (one JVM per client and workload, see {@link Forker}) or, for the CI smoke test, in this JVM; process
 * clients run as processes either way.
 *
 * <p>Not thread-safe.
 */
final class Benchmark {

    /**
     * What to run.
     *
     * @param server    the server
     * @param sizes     the data set
     * @param localRoot where clients keep local files, one directory each
     * @param rounds    rounds per client and workload (a heap search runs one round per heap)
     * @param clients   the clients
     * @param workloads the workloads, in table order
     * @param forker    forks JVM clients; empty runs them in this JVM
     */
    record Plan(BenchServer server, Sizes sizes, Path localRoot, int rounds, List<Client> clients,
            List<Workload> workloads, Optional<Forker> forker) {
    }

    private final Plan plan;
    private final Consumer<String> progress;

    Benchmark(Plan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
    }

    List<ClientResult> run() throws Exception {
        new DataSet(plan.server().root(), plan.sizes(), plan.server().systemUser()).ensure();
        List<ClientResult> results = new ArrayList<>();
        for (Workload w : plan.workloads()) {
            for (Client c : plan.clients()) {
                if (!c.supports(w)) {
                    continue;
                }
                Task task = Task.of(w, plan.server(), plan.sizes(), plan.localRoot().resolve(c.slug()), c.slug());
                progress.accept(String.format("%-5s %-32s ...", w.id, c.name()));
                ClientResult r = runOne(c, task);
                results.add(r);
                progress.accept(String.format("%-5s %-32s %s", w.id, c.name(), ResultTable.summary(r)));
            }
        }
        return results;
    }

    private ClientResult runOne(Client c, Task task) throws Exception {
        try {
            if (c instanceof ProcessClient) {
                return new ClientResult(c.name(), c.ours(), task.workload(), "process",
                        new RoundRunner(plan.server()).run((ProcessClient) c, task, plan.rounds()), Optional.empty());
            }
            JvmClient jvm = (JvmClient) c;
            if (plan.forker().isEmpty()) {
                List<RoundResult> rounds = new RoundRunner(plan.server()).run(jvm, task, plan.rounds(), new JvmMeter());
                return new ClientResult(c.name(), c.ours(), task.workload(), "in-process", rounds, Optional.empty());
            }
            return forked(jvm, task);
        } catch (Exception e) {
            RoundRunner.clear(task);
            return new ClientResult(c.name(), c.ours(), task.workload(), "-", List.of(), Optional.of(e.toString()));
        }
    }

    /** Forks with each heap in turn until one suffices; a search (several heaps) runs one round per heap. */
    private ClientResult forked(JvmClient jvm, Task task) throws Exception {
        List<String> heaps = jvm.maxHeap(task.workload());
        int rounds = heaps.size() > 1 ? 1 : plan.rounds();
        List<String> failed = new ArrayList<>();
        ClientResult last = null;
        for (String heap : heaps) {
            last = plan.forker().get().run(jvm, task, rounds, heap);
            RoundRunner.clear(task);
            if (last.succeeded()) {
                break;
            }
            failed.add(last.failure().orElse("failed") );
        }
        if (last.succeeded() && !failed.isEmpty()) {
            String setting = last.setting() + " (" + String.join("; ", failed) + ")";
            return new ClientResult(last.client(), last.ours(), last.workload(), setting, last.rounds(),
                    Optional.empty());
        }
        return last;
    }
}
