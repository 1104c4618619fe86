package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code peer.py} (a resource of this module, copied next to the task's files) with {@code python3}: it
 * drives CPython's ftplib, or runs curl and reads its resource usage. Takes a task as JSON, returns what the
 * script measured. Stateless.
 */
final class PeerScript {

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\": (-?[0-9.eE+-]+)");
    // the interpreter itself, not a launcher: pyenv's python3 shim takes about 2 s per start on a busy machine
    private static final String PYTHON = resolvePython();

    private PeerScript() {
    }

    /** Whether {@code python3} runs here. */
    static boolean pythonAvailable() {
        return Commands.available(PYTHON, "--version");
    }

    private static String resolvePython() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !path.isEmpty() ? path : "python3";
        } catch (IOException e) {
            return "python3";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "python3";
        }
    }

    static ProcessClient.Metered run(Task task, Map<String, Object> json) throws IOException, InterruptedException {
        Path script = task.workDir().resolve("peer.py");
        try (InputStream in = PeerScript.class.getResourceAsStream("peer.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = task.workDir().resolve("peer.out");
        Path err = task.workDir().resolve("peer.err");
        Process p = new ProcessBuilder(PYTHON, script.toString(), toJson(json))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(task.timeout().toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("peer.py " + json.get("op") + " timed out after " + task.timeout());
        }
        String result = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("peer.py " + json.get("op") + " exited with " + p.exitValue() + ": "
                    + tail(Files.readString(err, StandardCharsets.UTF_8)));
        }
        Map<String, Double> v = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(result);
        while (m.find()) {
            v.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        Measurement cost = new Measurement((long) (v.get("wall") * 1e9), (long) (v.get("cpu") * 1e9), -1, -1,
                (long) (v.get("maxrss_kib") * 1024));
        return new ProcessClient.Metered(cost, new Moved(v.get("bytes").longValue(), v.get("items").longValue()));
    }

    private static String tail(String text) {
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    /** A tiny JSON writer for strings, numbers, booleans and lists of strings. */
    static String toJson(Map<String, Object> map) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(quote(e.getKey())).append(": ").append(value(e.getValue()));
        }
        return b.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List) {
            StringBuilder b = new StringBuilder("[");
            for (Object item : (List<?>) v) {
                b.append(b.length() > 1 ? ", " : "").append(value(item));
            }
            return b.append(']').toString();
        }
        return quote(String.valueOf(v));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
