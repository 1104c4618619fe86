package io.camelftplib.ftplib;

/**
 * The local ports an active-mode listener may use ({@link Ftp#setActivePortRange(int, int)}), both inclusive.
 *
 * <p>Immutable.
 *
 * @param min the lowest port, 1-65535
 * @param max the highest port, {@code min}-65535
 */
record PortRange(int min, int max) {

    PortRange {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("the active port range must satisfy 1 <= min <= max <= 65535, was "
                    + min + "-" + max);
        }
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
