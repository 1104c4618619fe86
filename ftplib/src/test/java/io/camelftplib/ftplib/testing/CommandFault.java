package io.camelftplib.ftplib.testing;

/**
 * What the {@link FaultProxy} does instead of passing one command to the server.
 *
 * @param action what to do
 * @param reply  the reply line to answer with, for {@link Action#REPLY} (without CR LF)
 * @param cut    how to close the control connection, for {@link Action#CUT}
 * @param handle reports that it struck
 */
record CommandFault(Action action, String reply, Cut cut, Fault handle) {

    /** The ways the proxy can take a command over. */
    enum Action {
        /** Answer it with a reply of the proxy's own; the server never sees the command. */
        REPLY,
        /** Close the control connection on both sides instead of passing the command on. */
        CUT,
        /** Neither pass it on nor answer: the client waits until its timeout. */
        STALL
    }

    CommandFault {
        if (reply != null && (reply.indexOf('\r') >= 0 || reply.indexOf('\n') >= 0 || !reply.matches("\\d{3} .*"))) {
            throw new IllegalArgumentException("a scripted reply is one line starting with a 3-digit code and a"
                    + " space, without CR or LF: " + reply);
        }
    }
}
