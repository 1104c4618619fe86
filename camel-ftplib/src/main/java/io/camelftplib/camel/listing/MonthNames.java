package io.camelftplib.camel.listing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Month names as {@code ls} prints them in each language a server may run in: glibc's abbreviations ({@code Mär},
 * {@code Okt}, {@code déc.}, {@code févr.}), the older or regional ones ({@code Mrz}, {@code Jän}, {@code fév}) and
 * the full names some servers print ({@code Juli}). English names are always known, as servers fall back to them.
 *
 * <p>Immutable; thread-safe.
 */
final class MonthNames {

    /** The language codes of option {@code serverLanguageCode}. */
    static final Set<String> LANGUAGES = new TreeSet<>(List.of("da", "de", "en", "es", "fr", "it", "nl", "no", "pt",
            "sv"));

    private static final Map<String, List<String>> NAMES = Map.of(
            "en", List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep|sept", "oct", "nov", "dec"),
            "de", List.of("jan|jän|januar", "feb|februar", "mär|mrz|märz", "apr|april", "mai", "jun|juni",
                    "jul|juli", "aug|august", "sep|sept|september", "okt|oktober", "nov|november", "dez|dezember"),
            "fr", List.of("janv|jan", "févr|fév|fev", "mars|mar", "avr|avril", "mai", "juin|jun", "juil|jui",
                    "août|aoû|aou", "sept|sep", "oct", "nov", "déc|dec"),
            "es", List.of("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep|sept|set", "oct", "nov", "dic"),
            "it", List.of("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
            "nl", List.of("jan", "feb", "mrt|maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
            "pt", List.of("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"),
            "sv", List.of("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
            "da", List.of("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
            "no", List.of("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"));

    private final Map<String, Integer> months;

    private MonthNames(Map<String, Integer> months) {
        this.months = months;
    }

    /**
     * Returns the names of one language plus English, or of every known language.
     *
     * @param language a code of {@link #LANGUAGES}, or null for all (no two languages give one name two months)
     * @return the names
     */
    static MonthNames of(String language) {
        Map<String, Integer> months = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : NAMES.entrySet()) {
            if (language == null || entry.getKey().equals("en") || entry.getKey().equals(language)) {
                List<String> names = entry.getValue();
                for (int i = 0; i < names.size(); i++) {
                    for (String name : names.get(i).split("\\|")) {
                        months.put(name, i + 1);
                    }
                }
            }
        }
        return new MonthNames(Map.copyOf(months));
    }

    /**
     * Reads a month token: a name in any case with an optional trailing {@code .} or {@code ,}, or a number with
     * the Japanese and Korean month sign ({@code 6月}, {@code 1월}).
     *
     * @param token the token
     * @return the month 1..12, or 0 when the token names none
     */
    int month(String token) {
        String t = token;
        while (!t.isEmpty() && (t.endsWith(".") || t.endsWith(","))) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() >= 2 && t.length() <= 3 && (t.endsWith("月") || t.endsWith("월"))) {
            int month = ListNumbers.parse(t.substring(0, t.length() - 1), 2);
            return month >= 1 && month <= 12 ? month : 0;
        }
        if (t.length() > 9) {
            return 0;
        }
        return months.getOrDefault(t.toLowerCase(Locale.ROOT), 0);
    }
}
