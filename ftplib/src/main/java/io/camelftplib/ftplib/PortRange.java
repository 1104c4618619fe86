package io.camelftplib.ftplib;

/**
 * The local ports an active-mode listener may use ({@link Ftp#setActivePortRange(int, int)}), both inclusive; beyond
 * ftplib, whose {@code makeport} lets the OS pick. Public so that a caller configured with text, such as the Camel
 * component's {@code activePortRange=min-max} option, checks it by the engine's rule when it reads it.
 *
 * <p>Immutable.
 *
 * @param min the lowest port, 1-65535
 * @param max the highest port, {@code min}-65535
 */
public record PortRange(int min, int max) {

    /**
     * Checks the range.
     *
     * @param min the lowest port, 1-65535
     * @param max the highest port, {@code min}-65535
     * @throws IllegalArgumentException when the range is empty or outside 1-65535
     */
    public PortRange {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("the active port range must satisfy 1 <= min <= max <= 65535, was "
                    + min + "-" + max);
        }
    }

    /**
     * Reads {@code min-max}, such as {@code 60000-60100}, the form {@link #toString()} writes.
     *
     * @param text the range as text; spaces around the numbers are allowed
     * @return the range
     * @throws IllegalArgumentException when the text is not two numbers joined by a dash, or the range is empty or
     *                                  outside 1-65535
     */
    public static PortRange parse(String text) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("the active port range must be min-max such as 60000-60100, was '"
                    + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the active port range must be min-max such as 60000-60100, was '"
                    + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
