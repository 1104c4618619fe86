package io.camelftplib.ftplib;

import java.io.IOException;

/**
 * A callback that may fail with an {@link IOException}: what ftplib's transfer methods call per block or line.
 *
 * <p>An exception thrown by {@link #accept} ends the transfer; the engine closes the data connection and
 * hands the exception on unchanged.
 *
 * @param <T> the type of value handed to the callback (a block of bytes, a line, a listing entry)
 */
@FunctionalInterface
public interface IOConsumer<T> {

    /**
     * Receives one value.
     *
     * @param value the block, line or entry
     * @throws IOException to end the transfer
     */
    void accept(T value) throws IOException;
}
