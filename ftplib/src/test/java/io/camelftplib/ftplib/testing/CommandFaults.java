package io.camelftplib.ftplib.testing;

import java.util.Locale;

/**
 * Arms the {@link FaultProxy} to take over one future occurrence of a command, e.g.
 * {@code proxy.onCommand("RETR").reply("425 Can't open data connection.")} or
 * {@code proxy.onCommand("SIZE").reply("213 10928")}. Each method arms exactly one fault, which strikes once.
 * Thread-safe.
 */
public final class CommandFaults {

    private final FaultProxy proxy;
    private final String verb;
    private final int nth;

    CommandFaults(FaultProxy proxy, String verb, int nth) {
        this.verb = verb.toUpperCase(Locale.ROOT);
        this.nth = nth;
        this.proxy = proxy;
    }

    /**
     * Answers the command with {@code reply} instead of passing it to the server.
     *
     * @param reply one reply line, e.g. {@code 450 busy}, without CR LF
     * @return the armed fault
     */
    public Fault reply(String reply) {
        return proxy.arm(verb, nth, new CommandFault(CommandFault.Action.REPLY, reply, null, fault("reply " + reply)));
    }

    /**
     * Closes the control connection, on both sides, when the command arrives; the server never sees it.
     *
     * @param cut an orderly close or a reset
     * @return the armed fault
     */
    public Fault cut(Cut cut) {
        return proxy.arm(verb, nth, new CommandFault(CommandFault.Action.CUT, null, cut, fault("cut (" + cut + ")")));
    }

    /**
     * Swallows the command: no reply ever comes, and the connection stays open.
     *
     * @return the armed fault
     */
    public Fault stall() {
        return proxy.arm(verb, nth, new CommandFault(CommandFault.Action.STALL, null, null, fault("stall")));
    }

    private Fault fault(String what) {
        return new Fault(what + " at " + verb + " number " + nth);
    }
}
