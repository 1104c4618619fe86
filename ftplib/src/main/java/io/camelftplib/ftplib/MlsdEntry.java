package io.camelftplib.ftplib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of an {@code MLSD} listing (RFC 3659): a name and its facts, as ftplib's {@code mlsd()} yields
 * {@code (name, facts)}.
 *
 * <p>Fact names are lower-cased ({@code Locale.ROOT}); the map keeps the server's order. Immutable.
 *
 * @param name  the entry name: everything after the first space of the line, leading spaces kept
 * @param facts the facts, e.g. {@code type=file}, {@code size=12}, {@code modify=20240101120000}
 */
public record MlsdEntry(String name, Map<String, String> facts) {

    /**
     * Copies the facts into an unmodifiable map that keeps their order.
     *
     * @param name the entry name
     * @param facts the facts
     * @throws NullPointerException when an argument is null
     */
    public MlsdEntry {
        Objects.requireNonNull(name, "name");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(facts, "facts")));
    }

    /**
     * Returns the {@code type} fact ({@code file}, {@code dir}, {@code cdir}, {@code pdir}, ...).
     *
     * @return the type fact, or {@code null} when the server sent none
     */
    public String type() {
        return facts.get("type");
    }
}
