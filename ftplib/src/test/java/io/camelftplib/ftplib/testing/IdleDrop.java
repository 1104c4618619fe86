package io.camelftplib.ftplib.testing;

import java.time.Duration;

/**
 * Control connections that the {@link FaultProxy} drops once no byte has crossed them for {@code idle}, as a
 * stateful firewall or NAT forgets an idle connection: from then on nothing passes in either direction and nothing
 * is closed, so both ends wait in vain.
 *
 * @param idle   how long a control connection may be idle
 * @param handle reports that a connection was dropped
 */
record IdleDrop(Duration idle, Fault handle) {

    IdleDrop {
        if (idle.isZero() || idle.isNegative()) {
            throw new IllegalArgumentException("an idle limit must be positive: " + idle);
        }
    }
}
