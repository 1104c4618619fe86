package io.camelftplib.camel;

/**
 * A client port range for active mode, parsed once from {@code min-max}.
 *
 * <p>Immutable.
 *
 * @param min the lowest port
 * @param max the highest port
 */
record PortRange(int min, int max) {

    PortRange {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("activePortRange must be min-max with 1 <= min <= max <= 65535, was "
                    + min + "-" + max);
        }
    }

    /**
     * Parses {@code min-max}.
     *
     * @param text the option value
     * @return the range
     * @throws IllegalArgumentException when the text is not two numbers joined by a dash, or out of range
     */
    static PortRange parse(String text) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("activePortRange must be min-max such as 60000-60100, was '"
                    + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("activePortRange must be min-max such as 60000-60100, was '"
                    + text + "'", e);
        }
    }
}
