package io.camelftplib.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The main class of a forked client JVM. Reads a {@link TaskFile}, then runs one round for every {@code round}
 * line on standard input and answers each with one {@code @round} line (or {@code @failed} and a non-zero exit)
 * on standard output, until {@code quit} or the end of input. The JVM stays up between rounds, so the harness
 * can interleave the rounds of all clients and a load spike from elsewhere hits them alike. Everything else
 * the client prints goes to standard error.
 */
public final class ForkedRounds {

    private ForkedRounds() {
    }

    /**
     * Serves rounds.
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
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("@ready");
            System.out.flush();
            String command;
            while ((command = in.readLine()) != null && command.equals("round")) {
                for (RoundResult r : runner.run(client, task, 1, meter)) {
                    System.out.println(r.encode());
                }
                System.out.flush();
            }
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.out.println("@failed " + e.toString().replace('\n', ' '));
            System.out.flush();
            System.exit(1);
        }
    }
}
