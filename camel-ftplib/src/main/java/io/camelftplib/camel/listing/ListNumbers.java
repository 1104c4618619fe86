package io.camelftplib.camel.listing;

/**
 * Reads the small decimal numbers of listing lines without exceptions: a line is untrusted text, and a field that
 * is not a number makes the line unknown, not a failure.
 *
 * <p>Stateless; thread-safe.
 */
final class ListNumbers {

    private ListNumbers() {
    }

    /**
     * Parses ASCII digits.
     *
     * @param text      the text
     * @param maxDigits the most digits accepted (at most 18, so the value fits a long)
     * @return the value, or -1 when the text is empty, longer than {@code maxDigits} or holds another character
     */
    static int parse(String text, int maxDigits) {
        long value = parseLong(text, Math.min(maxDigits, 9));
        return (int) value;
    }

    /**
     * Parses ASCII digits into a long.
     *
     * @param text      the text
     * @param maxDigits the most digits accepted, at most 18
     * @return the value, or -1 when the text is empty, longer than {@code maxDigits} or holds another character
     */
    static long parseLong(String text, int maxDigits) {
        int length = text.length();
        if (length == 0 || length > Math.min(maxDigits, 18)) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Parses a size that may hold thousands separators ({@code 9,730}, as some Windows servers print).
     *
     * @param text the text
     * @return the value, or -1 when the text is not digits with optional commas
     */
    static long parseSize(String text) {
        return parseLong(text.indexOf(',') < 0 ? text : text.replace(",", ""), 18);
    }
}
