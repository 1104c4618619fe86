package io.camelftplib.ftplib.testing;

import java.util.function.Function;

/**
 * Arms the {@link FaultProxy} to take over one future occurrence of a command, e.g.
 * {@code proxy.onCommand("RETR").reply("425 Can't open data connection.")} or
 * {@code proxy.onCommand("SIZE").reply("213 10928")}. Each method arms exactly one fault, which strikes once.
 * Thread-safe.
 */
public final class CommandFaults {

    private final String target;
    private final Function<CommandFault, Fault> arm;

    CommandFaults(String target, Function<CommandFault, Fault> arm) {
        this.target = target;
        this.arm = arm;
    }

    /**
     * Answers the command with {@code reply} instead of passing it to the server.
     *
     * @param reply one reply line, e.g. {@code 450 busy}, without CR LF
     * @return the armed fault
     */
    public Fault reply(String reply) {
        return arm.apply(new CommandFault(CommandFault.Action.REPLY, reply, null, fault("reply " + reply)));
    }

    /**
     * Closes the control connection, on both sides, when the command arrives; the server never sees it.
     *
     * @param cut an orderly close or a reset
     * @return the armed fault
     */
    public Fault cut(Cut cut) {
        return arm.apply(new CommandFault(CommandFault.Action.CUT, null, cut, fault("cut (" + cut + ")")));
    }

    /**
     * Swallows the command: no reply ever comes, and the connection stays open.
     *
     * @return the armed fault
     */
    public Fault stall() {
        return arm.apply(new CommandFault(CommandFault.Action.STALL, null, null, fault("stall")));
    }

    private Fault fault(String what) {
        return new Fault(what + " at " + target);
    }
}
