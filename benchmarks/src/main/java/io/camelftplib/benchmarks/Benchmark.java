package io.camelftplib.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every selected client on every selected workload it supports and collects the results.
 *
 * <p>Rounds are interleaved: round 1 of every client, then round 2 of every client (starting one client later
 * each time), and so on, after {@code warmup} uncounted rounds. On a shared machine a burst of load from
 * elsewhere then falls on all clients alike instead of on whichever ran at that moment. JVM clients each keep
 * one forked JVM for the whole workload ({@link Forker.Session}) or, for the CI smoke test, run in this JVM;
 * process clients run as processes either way. A client whose heap must be searched (several {@code -Xmx}
 * values) runs on its own first, one round per heap.
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
     * @param rounds    measured rounds per client and workload
     * @param warmup    uncounted rounds before them (JIT, page cache); negative for each workload's
     *                  {@link Workload#defaultWarmup()}
     * @param clients   the clients
     * @param workloads the workloads, in table order
     * @param forker    forks JVM clients; empty runs them in this JVM
     */
    record Plan(BenchServer server, Sizes sizes, Path localRoot, int rounds, int warmup, List<Client> clients,
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
            results.addAll(run(w));
        }
        return results;
    }

    private List<ClientResult> run(Workload w) throws Exception {
        List<ClientResult> searched = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        for (Client c : plan.clients()) {
            if (!c.supports(w)) {
                continue;
            }
            Task task = Task.of(w, plan.server(), plan.sizes(), plan.localRoot().resolve(c.slug()), c.slug());
            if (c instanceof JvmClient && plan.forker().isPresent() && ((JvmClient) c).maxHeap(w).size() > 1) {
                searched.add(searchHeap((JvmClient) c, task));
            } else {
                lanes.add(new Lane(c, task));
            }
        }
        try {
            int warmup = plan.warmup() >= 0 ? plan.warmup() : w.defaultWarmup();
            for (int r = -warmup; r < plan.rounds(); r++) {
                int offset = Math.floorMod(r, Math.max(1, lanes.size()));
                for (int i = 0; i < lanes.size(); i++) {
                    lanes.get((i + offset) % lanes.size()).round(r >= 0);
                }
            }
        } finally {
            for (Lane lane : lanes) {
                lane.close();
            }
        }
        List<ClientResult> results = new ArrayList<>();
        for (Client c : plan.clients()) {
            lanes.stream().filter(l -> l.client == c).map(Lane::result).forEach(results::add);
            searched.stream().filter(r -> r.client().equals(c.name())).forEach(results::add);
        }
        results.forEach(r -> progress.accept(String.format("%-5s %-32s %s", w.id, r.client(),
                ResultTable.summary(r))));
        return results;
    }

    /** Forks with each heap in turn until one suffices, one round each. */
    private ClientResult searchHeap(JvmClient jvm, Task task) throws Exception {
        List<String> failed = new ArrayList<>();
        for (String heap : jvm.maxHeap(task.workload())) {
            progress.accept(String.format("%-5s %-32s heap search: -Xmx%s ...", task.workload().id, jvm.name(), heap));
            try (Forker.Session session = plan.forker().get().open(jvm, task, heap)) {
                RoundResult round = session.round();
                String setting = session.setting() + (failed.isEmpty() ? "" : " (" + String.join("; ", failed) + ")");
                return new ClientResult(jvm.name(), jvm.ours(), task.workload(), setting, List.of(round),
                        Optional.empty());
            } catch (IOException e) {
                failed.add(e.getMessage());
            } finally {
                RoundRunner.clear(task);
            }
        }
        return new ClientResult(jvm.name(), jvm.ours(), task.workload(), "heap search", List.of(),
                Optional.of(String.join("; ", failed)));
    }

    /** One client's rounds on one workload. */
    private final class Lane {

        final Client client;
        final Task task;
        final List<RoundResult> rounds = new ArrayList<>();
        String setting;
        Optional<String> failure = Optional.empty();
        Forker.Session session;
        JvmMeter meter;

        Lane(Client client, Task task) {
            this.client = client;
            this.task = task;
        }

        void round(boolean measured) throws IOException, InterruptedException {
            if (failure.isPresent()) {
                return;
            }
            progress.accept(String.format("%-5s %-32s %s ...", task.workload().id, client.name(),
                    measured ? "round " + (rounds.size() + 1) : "warm-up"));
            try {
                RoundResult r = once();
                if (measured) {
                    rounds.add(r);
                }
            } catch (Exception e) {
                failure = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
                RoundRunner.clear(task);
                close();
            }
        }

        private RoundResult once() throws Exception {
            RoundRunner runner = new RoundRunner(plan.server());
            if (client instanceof ProcessClient) {
                setting = "process";
                return runner.run((ProcessClient) client, task, 1).get(0);
            }
            JvmClient jvm = (JvmClient) client;
            if (plan.forker().isEmpty()) {
                setting = "in-process";
                meter = meter == null ? new JvmMeter() : meter;
                return runner.run(jvm, task, 1, meter).get(0);
            }
            if (session == null) {
                session = plan.forker().get().open(jvm, task, jvm.maxHeap(task.workload()).get(0));
                setting = session.setting();
            }
            return session.round();
        }

        void close() throws IOException {
            if (session != null) {
                Forker.Session s = session;
                session = null;
                s.close();
            }
        }

        ClientResult result() {
            return new ClientResult(client.name(), client.ours(), task.workload(), setting == null ? "-" : setting,
                    rounds, failure);
        }
    }
}
