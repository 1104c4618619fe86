package io.camelftplib.benchmarks;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The main class of a forked client JVM: reads a {@link TaskFile}, runs the rounds, prints one {@code @round}
 * line per round on standard output (or {@code @failed} and a non-zero exit). Everything else the client
 * prints goes to standard error.
 */
public final class ForkedRounds {

    private ForkedRounds() {
    }

    /**
     * Runs the rounds.
     *
     * @param args the task file
     */
    public static void main(String[] args) {
        try {
            Properties p = TaskFile.read(Path.of(args[0]));
            Task task = TaskFile.task(p);
            JvmClient client = (JvmClient) Clients.byName(p.getProperty("client"));
            JvmMeter meter = new JvmMeter();
            RoundRunner runner = new RoundRunner(task.server());
            for (int i = Integer.parseInt(p.getProperty("rounds")); i > 0; i--) {
                // one line per round as soon as it ends, so a later failure keeps the rounds before it
                for (RoundResult r : runner.run(client, task, 1, meter)) {
                    System.out.println(r.encode());
                }
                System.out.flush();
            }
            System.out.flush();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.out.println("@failed " + e.toString().replace('\n', ' '));
            System.out.flush();
            System.exit(1);
        }
    }
}
