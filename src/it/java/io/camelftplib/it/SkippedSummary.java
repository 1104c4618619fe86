package io.camelftplib.it;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after the ITs ran, one line per reason for which tests were skipped, with how many it skipped, e.g.
 * {@code [skipped] 68 ITs: vsftpd is not running: ...}. Maven's summary only counts skipped tests; without
 * these lines a run that skipped every test against a server looks the same as one that ran them. Registered
 * through {@code META-INF/services}, so every IT run reports. Not thread-safe: the ITs run one at a time.
 */
public final class SkippedSummary implements TestExecutionListener {

    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private final PrintStream out;

    /** A summary printed to standard output, where failsafe passes it on to the Maven console. */
    public SkippedSummary() {
        this(System.out);
    }

    SkippedSummary(PrintStream out) {
        this.out = out;
    }

    /** Counts a test that a condition (e.g. {@code @Disabled}) skipped before it ran. */
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(test, reason);
    }

    /** Counts a test that a failed assumption aborted: the ITs' way to say a server is not there. */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(test, result.getThrowable().map(Throwable::getMessage).orElse("no reason given"));
        }
    }

    /** Prints the lines, most frequent reason first, and forgets them for the next plan. */
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        skipped.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.printf("[skipped] %d IT%s: %s%n", e.getValue(), e.getValue() == 1 ? "" : "s",
                        e.getKey()));
        out.flush();
        skipped.clear();
    }

    private void count(TestIdentifier test, String reason) {
        if (test.isTest()) {
            String text = reason == null ? "no reason given" : reason.replaceFirst("^Assumption failed: ", "");
            skipped.merge(text, 1, Integer::sum);
        }
    }
}
