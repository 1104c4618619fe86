package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one transfer between its 1xx reply and its final reply, shared by {@link RetrieveStream} and
 * {@link StoreStream}: it ends exactly once, in one of three ways.
 * <ul>
 * <li><b>Completed</b>: the data connection closed, the final reply was 2xx and the sizes agree.</li>
 * <li><b>Failed</b>: before the final reply (a read or write failed or timed out: the data connection is closed,
 *     the reply is not awaited, the control connection is out of step), or by the final reply itself (an error
 *     reply, or sizes that disagree: the connection stays in step).</li>
 * <li><b>Aborted</b> by the caller: the data connection is reset and the final reply (426 or 226) read within the
 *     timeout; when it does not come, the control connection is out of step.</li>
 * </ul>
 * While it is open, the conversation refuses other commands, so none can read this transfer's final reply; a
 * {@link ControlKeepAlive} may send NOOPs between the steps on the data connection, and the final reply is read
 * among their replies.
 *
 * <p>Owns the data connection. Not thread-safe: one reader or writer drives it.
 */
final class OpenTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenTransfer.class);

    /** Checks a final 2xx reply, e.g. against the sizes; throws when the transfer is not whole. */
    @FunctionalInterface
    interface ReplyCheck {
        void check(String reply) throws IOException;
    }

    /** A step on the data connection that yields a value, e.g. a read. */
    @FunctionalInterface
    interface DataStep<T> {
        T run() throws IOException;
    }

    /** A step on the data connection, e.g. a write, a flush or a close. */
    @FunctionalInterface
    interface DataAction {
        void run() throws IOException;
    }

    private enum State { OPEN, COMPLETED, FAILED, ABORTED }

    private final Conversation conversation;
    private final String command;
    private final DataConnection data;
    private final Duration timeout;
    private final ControlKeepAlive keepAlive;
    private State state = State.OPEN;
    private Exception failure;
    private String finalReply;

    /**
     * @param conversation the conversation the transfer belongs to; it refuses other commands until this ends
     * @param command      the transfer command, for messages
     * @param data         the open data connection
     * @param settings     the timeout (how long an abort waits for the final reply; 5 seconds without one) and the
     *                     control keepalive
     */
    OpenTransfer(Conversation conversation, String command, DataConnection data, DataSettings settings) {
        this.conversation = conversation;
        this.command = command;
        this.data = data;
        this.timeout = settings.timeout();
        this.keepAlive = ControlKeepAlive.of(conversation, settings);
        conversation.transferOpened(command, data);
    }

    DataConnection data() {
        return data;
    }

    String command() {
        return command;
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    boolean isCompleted() {
        return state == State.COMPLETED;
    }

    String finalReply() {
        return finalReply;
    }

    /**
     * Refuses to move data once the transfer has ended.
     *
     * @throws IOException naming how it ended
     */
    void requireOpen() throws IOException {
        switch (state) {
            case OPEN:
                return;
            case FAILED:
                throw new IOException("the transfer " + command + " failed already: " + failure.getMessage(), failure);
            case ABORTED:
                throw new IOException("the transfer " + command + " was aborted");
            default:
                throw new IOException("the transfer " + command + " is complete");
        }
    }

    /**
     * Ends the transfer with a failure before its final reply: closes the data connection and marks the control
     * connection out of step, as the reply is still on its way and would answer the next command.
     *
     * @param e the failure; it gets a failure to close the data connection as suppressed
     */
    void fail(Exception e) {
        if (state != State.OPEN) {
            return;
        }
        end(State.FAILED, e);
        try {
            data.close();
        } catch (IOException | RuntimeException closing) {
            e.addSuppressed(closing);
        }
        conversation.markOutOfStep("the transfer " + conversation.describe(command)
                + " failed before its final reply: " + e);
    }

    /**
     * Runs a step on the data connection; when it fails, the transfer {@link #fail(Exception) fails} with it (the
     * control connection is out of step) and the failure is rethrown, so no stream goes on with a broken transfer.
     *
     * @param step the read, write, flush or close
     * @return what the step returned
     * @throws IOException the step's failure
     */
    <T> T guard(DataStep<T> step) throws IOException {
        try {
            keepAlive.tick();
            return step.run();
        } catch (IOException | RuntimeException e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Runs a step on the data connection as {@link #guard(DataStep)} does.
     *
     * @param action the write, flush or close
     * @throws IOException the step's failure
     */
    void guard(DataAction action) throws IOException {
        guard(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Ends the transfer at its end of data: closes the data connection, reads the final reply, which must be 2xx,
     * and runs the check on it.
     *
     * @param check what the reply must also satisfy
     * @return the final reply
     * @throws IOException when closing fails (out of step), the reply is not 2xx or the check fails (in step)
     */
    String finish(ReplyCheck check) throws IOException {
        guard(data::close);
        if (!conversation.isConnected()) {
            IOException closed = new IOException("the control connection to " + conversation.where()
                    + " was closed before the final reply to " + conversation.describe(command));
            fail(closed);
            throw closed;
        }
        String reply;
        try {
            reply = conversation.requireCompletion(keepAlive.readFinalReply());
            check.check(reply);
        } catch (IOException | RuntimeException e) {
            end(State.FAILED, e);
            throw e;
        }
        finalReply = reply;
        end(State.COMPLETED, null);
        return reply;
    }

    /**
     * Gives the transfer up: resets the data connection, so the server sees an error rather than the end of the
     * data, then reads the final reply within the timeout. Never throws; does nothing once the transfer ended.
     *
     * @return the reply (426 or 226 as a rule), or {@code null} when the transfer had ended or no reply came in
     *         time (the control connection is out of step then)
     */
    String abort() {
        if (state != State.OPEN) {
            return null;
        }
        end(State.ABORTED, null);
        Socket socket = data.socket();
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not ask for a reset of the data connection of {}; closing it normally", command, e);
        }
        try {
            data.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the data connection of the aborted {} failed", command, e);
        }
        String reply = conversation.readOwedReply(command, timeout);
        keepAlive.readLateReplies();
        LOG.debug("aborted {}: the server replied {}", command, reply);
        return reply;
    }

    private void end(State next, Exception cause) {
        state = next;
        failure = cause;
        conversation.transferClosed();
    }
}
