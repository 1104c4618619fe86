package io.camelftplib.camel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletContext;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Makes the user {@value #USER} log in with an account, as RFC 959 section 4.1.1 allows: {@code PASS} is answered
 * {@code 332 Need account for login.}, and only {@code ACCT} {@value #ACCOUNT} completes the login with 230; any
 * other account gets 530 and is logged out. Apache FtpServer has no accounts of its own.
 *
 * <p>Apache FtpServer refuses every command but USER/PASS before login, ACCT included, so the session is logged in
 * at PASS already and logged out again when ACCT is wrong or missing. Thread-safe: keeps no state.
 */
final class AccountFtplet extends DefaultFtplet {

    /** The user that needs an account. */
    static final String USER = "bob";
    /** The account that user needs. */
    static final String ACCOUNT = "acct-42";

    private final Function<FtpSession, FtpIoSession> sessions;
    private FtpletContext context;

    /**
     * Creates the ftplet.
     *
     * @param sessions finds the I/O session behind an ftplet session
     */
    AccountFtplet(Function<FtpSession, FtpIoSession> sessions) {
        this.sessions = sessions;
    }

    /**
     * Returns the user to save in the server's user manager.
     *
     * @param home the user's home directory
     * @return the user, password as the test user's
     */
    static User user(Path home) {
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(EmbeddedFtpServerExtension.PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(new ArrayList<>(List.of(new WritePermission())));
        return user;
    }

    @Override
    public void init(FtpletContext ftpletContext) {
        this.context = ftpletContext;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
        FtpIoSession io = sessions.apply(session);
        if ("PASS".equals(request.getCommand()) && USER.equals(io.getUserArgument())) {
            try {
                User user = context.getUserManager().authenticate(
                        new UsernamePasswordAuthentication(USER, request.getArgument()));
                io.setUser(user);
                io.setLogin(context.getFileSystemManager().createFileSystemView(user));
                session.write(new DefaultFtpReply(332, "Need account for login."));
            } catch (AuthenticationFailedException e) {
                session.write(new DefaultFtpReply(530, "Authentication failed: " + e.getMessage()));
            }
            return FtpletResult.SKIP;
        }
        if ("ACCT".equals(request.getCommand()) && io.getUser() != null && USER.equals(io.getUser().getName())) {
            if (ACCOUNT.equals(request.getArgument())) {
                session.write(new DefaultFtpReply(230, "User logged in with account."));
            } else {
                io.logoutUser();
                session.write(new DefaultFtpReply(530, "Unknown account."));
            }
            return FtpletResult.SKIP;
        }
        return FtpletResult.DEFAULT;
    }
}
