package io.camelftplib.ftplib;

import java.io.IOException;
import java.time.Duration;

/**
 * Keeps the control connection of one transfer alive: while data moves, a {@code NOOP} every interval, so a
 * firewall or NAT that drops connections idle for longer does not drop it and the final reply still arrives.
 *
 * <p>The NOOPs are sent without waiting for their replies, because servers answer them at different times: during
 * the transfer, only after its final reply (Apache FtpServer, vsftpd), or some during and some after. So the replies
 * are counted: after the data connection closes, exactly one reply per NOOP sent plus the transfer's own are read.
 * A {@code 200} while NOOPs are unanswered is a NOOP's; the first other reply is the transfer's final one, whatever
 * came before it. NOOP replies still owed after the final reply are awaited for the reply timeout each; when one does
 * not come, the conversation is out of step (the transfer's result stands), so no later command reads it as its own.
 * While the final reply is awaited (an upload's {@code 226} comes after the server has stored the data), NOOPs go
 * on every interval.
 *
 * <p>NOOPs go between reads and writes of the data, so a single read or write blocked for longer than the interval
 * sends none. Off (interval null), it reads exactly one reply, as a transfer always did. Not thread-safe: it runs
 * on the thread that moves the transfer's data.
 */
final class ControlKeepAlive {

    private static final String NOOP_REPLY = "200";

    private final Conversation conversation;
    private final Duration interval;
    private final Duration replyTimeout;
    private long lastSent;
    private int unanswered;

    /**
     * @param conversation the transfer's conversation
     * @param interval     how often to send NOOP, or null for never
     * @param replyTimeout how long a NOOP reply still owed after the final reply is awaited
     */
    ControlKeepAlive(Conversation conversation, Duration interval, Duration replyTimeout) {
        this.conversation = conversation;
        this.interval = interval;
        this.replyTimeout = replyTimeout;
        this.lastSent = System.nanoTime();
    }

    /** The keepalive of a transfer of the connection these settings belong to. */
    static ControlKeepAlive of(Conversation conversation, DataSettings settings) {
        return new ControlKeepAlive(conversation, settings.controlKeepAliveTimeout(),
                settings.controlKeepAliveReplyTimeout());
    }

    /**
     * Counts the NOOPs sent and not answered yet.
     *
     * @return the count
     */
    int unanswered() {
        return unanswered;
    }

    /**
     * Sends a NOOP when the interval has passed since the last one (or since the transfer started).
     *
     * @throws IOException when sending fails; the conversation is out of step then
     */
    void tick() throws IOException {
        if (interval != null && System.nanoTime() - lastSent >= interval.toNanos()) {
            send();
        }
    }

    private void send() throws IOException {
        conversation.putKeepAlive();
        unanswered++;
        lastSent = System.nanoTime();
    }

    /**
     * Reads the transfer's final reply among the replies to the NOOPs sent, then the NOOP replies still owed.
     *
     * @return the final reply, unjudged
     * @throws IOException when no final reply can be read (the conversation is out of step then)
     */
    String readFinalReply() throws IOException {
        String reply = next();
        while (unanswered > 0 && reply.startsWith(NOOP_REPLY)) {
            unanswered--;
            reply = next();
        }
        readLateReplies();
        return reply;
    }

    /**
     * Reads the NOOP replies still owed, each within the reply timeout. Never throws: a reply that does not come
     * leaves the conversation out of step.
     */
    void readLateReplies() {
        while (unanswered > 0 && !conversation.isOutOfStep() && conversation.isConnected()) {
            try {
                conversation.readUnjudged(replyTimeout);
                unanswered--;
            } catch (IOException e) {
                conversation.markOutOfStep(unanswered + " keepalive NOOP replies did not come within "
                        + replyTimeout.toMillis() + " ms: " + e);
            }
        }
    }

    private String next() throws IOException {
        if (interval != null) {
            conversation.awaitReply(interval, this::send);
        }
        return conversation.readUnjudged(null);
    }
}
