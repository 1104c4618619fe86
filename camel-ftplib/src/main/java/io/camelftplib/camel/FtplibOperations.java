package io.camelftplib.camel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.camelftplib.ftplib.FtpPermException;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * camel-file's view of the FTP connections of one consumer or producer: sends each operation to the calling
 * thread's {@link Lane} (its session for connect and reconnect, its lister for MLSD, NLST and LIST, its probe for
 * MLST and SIZE, its downloader and uploader), and wraps every engine failure once as a
 * {@link GenericFileOperationFailedException} carrying the reply code and reply.
 *
 * <p>The {@code boolean} results are the interface's; {@code true} means done, failures throw. Thread-safe as far as
 * the {@link LanePool} makes it: each consumer and producer has its own instance, and a thread works on the lane it
 * leased (or on the first lane when it holds no lease, which only one thread at a time may do).
 */
public class FtplibOperations implements GenericFileOperations<FtplibFile> {

    private final LanePool lanes;
    /** The failure of the last connection attempt, null after a success; read by health checks on other threads. */
    private volatile GenericFileOperationFailedException lastConnectFailure;

    FtplibOperations(LanePool lanes) {
        this.lanes = lanes;
    }

    @Override
    public GenericFile<FtplibFile> newGenericFile() {
        return new FtplibGenericFile();
    }

    /**
     * Does nothing: the lanes were made for their endpoint already.
     *
     * @param endpoint an {@link FtplibEndpoint}
     */
    @Override
    public void setEndpoint(GenericFileEndpoint<FtplibFile> endpoint) {
        // the endpoint made the lanes with itself
    }

    /**
     * Returns the lanes, for the consumer and producer that lease them.
     *
     * @return the pool
     */
    LanePool lanes() {
        return lanes;
    }

    /**
     * Connects unless a usable connection is open, checking it with NOOP first when {@code sendNoop} is on, and
     * replacing one whose TLS sessions are spent.
     *
     * @throws GenericFileOperationFailedException when connecting fails after all attempts
     */
    public void connectIfNecessary() {
        FtplibSession session = session();
        session.checkAlive();
        session.renewIfSpent();
        if (!session.isUsable()) {
            try {
                session.connect();
                lastConnectFailure = null;
            } catch (IOException e) {
                lastConnectFailure = fail("Cannot connect", e);
                throw lastConnectFailure;
            }
        }
    }

    /**
     * Tells whether a usable connection is open (no I/O).
     *
     * @return true when logged in and in sync
     */
    public boolean isConnected() {
        return lanes.first().session().isUsable();
    }

    /**
     * Returns why the last attempt to connect failed, for health checks.
     *
     * @return the failure, or null when the last attempt succeeded or none was made
     */
    GenericFileOperationFailedException lastConnectFailure() {
        return lastConnectFailure;
    }

    /**
     * Names the server and user, for health checks and messages.
     *
     * @return e.g. {@code ftplibs://alice@127.0.0.1:2121}
     */
    String serverInformation() {
        return lanes.first().session().config().remoteServerInformation();
    }

    /** Sends QUIT and closes the calling thread's connection; the next operation reconnects. Never throws. */
    public void disconnect() {
        session().close();
    }

    /**
     * Closes every lane's sockets at once, from any thread, so that threads blocked on them fail now (a stopping
     * consumer whose poll is stuck). Never throws.
     */
    public void cancelAll() {
        for (Lane lane : lanes.all()) {
            lane.session().cancel();
        }
    }

    /** Sends QUIT on every lane's connection and closes them all (a stopping consumer or producer). Never throws. */
    public void disconnectAll() {
        for (Lane lane : lanes.all()) {
            lane.session().close();
        }
    }

    /**
     * Deletes a file; answers {@code true} without deleting the partial temporary file that a redelivered upload
     * is about to continue ({@code resumeUpload}), which camel-file deletes before every upload under a temporary
     * name.
     *
     * @param name the path
     * @return true when deleted (or kept for resume), false when the server answered 550
     * @throws GenericFileOperationFailedException on other failures
     */
    @Override
    public boolean deleteFile(String name) {
        if (lanes.current().uploader().keepsForResume(name)) {
            return true;
        }
        try {
            session().client().delete(session().enterParent(RemoteNames.checkPath(name)));
            return true;
        } catch (FtpPermException e) {
            if ("550".equals(e.replyCode())) {
                return false;
            }
            throw fail("Cannot delete file: " + name, e);
        } catch (IOException e) {
            throw fail("Cannot delete file: " + name, e);
        }
    }

    @Override
    public boolean existsFile(String name) {
        return stat(name, false).isPresent();
    }

    /**
     * Describes one file with MLST (or SIZE and, when asked, MDTM) without listing its directory.
     *
     * @param name     the path
     * @param wantTime whether the modification time is needed
     * @return the entry, or empty when the server answered 550
     * @throws GenericFileOperationFailedException on other failures
     */
    public Optional<FtplibFile> stat(String name, boolean wantTime) {
        try {
            return lanes.current().probe().stat(RemoteNames.checkPath(name), wantTime);
        } catch (IOException e) {
            throw fail("Cannot check file: " + name, e);
        }
    }

    @Override
    public boolean renameFile(String from, String to) {
        try {
            session().client().rename(session().enterParent(RemoteNames.checkPath(from)),
                    session().fromAnywhere(RemoteNames.checkPath(to)));
            return true;
        } catch (IOException e) {
            throw fail("Cannot rename file: " + from + " to: " + to, e);
        }
    }

    @Override
    public boolean buildDirectory(String directory, boolean absolute) {
        try {
            lanes.current().uploader().buildDirectory(RemoteNames.checkPath(directory));
            return true;
        } catch (IOException e) {
            throw fail("Cannot build directory: " + directory, e);
        }
    }

    @Override
    public boolean retrieveFile(String name, Exchange exchange, long size) {
        @SuppressWarnings("unchecked")
        GenericFile<FtplibFile> file = (GenericFile<FtplibFile>) exchange.getProperty(
                Exchange.FILE_EXCHANGE_FILE, GenericFile.class);
        try {
            lanes.current().downloader().retrieve(RemoteNames.checkPath(name), exchange, file);
            return true;
        } catch (IOException e) {
            GenericFileOperationFailedException failure = fail("Cannot retrieve file: " + name, e);
            ReplyHeaders.set(exchange.getIn(), failure);
            throw markUndelivered(exchange, failure);
        } catch (RuntimeException e) {
            throw markUndelivered(exchange, e);
        }
    }

    /** Marks the exchange's file as not retrieved, so the consumer releases its idempotent key. */
    private static RuntimeException markUndelivered(Exchange exchange, RuntimeException failure) {
        exchange.setProperty(UndeliveredFiles.RETRIEVE_FAILURE, failure);
        return failure;
    }

    /**
     * Abandons a streamed download the exchange still holds (the commit path has confirmed it already).
     *
     * @param exchange the exchange
     */
    @Override
    public void releaseRetrievedFileResources(Exchange exchange) {
        GenericFile<?> file = exchange.getProperty(Exchange.FILE_EXCHANGE_FILE, GenericFile.class);
        if (file != null && file.getBody() instanceof FtplibDownload download) {
            download.abort();
        }
    }

    @Override
    public boolean storeFile(String name, Exchange exchange, long size) {
        try {
            String reply = lanes.current().uploader().store(RemoteNames.checkPath(name), exchange, this);
            ReplyHeaders.set(exchange.getIn(), reply);
            return true;
        } catch (IOException e) {
            GenericFileOperationFailedException failure = fail("Cannot store file: " + name, e);
            ReplyHeaders.set(exchange.getIn(), failure);
            throw failure;
        }
    }

    @Override
    public boolean storeFileDirectly(String name, String payload) {
        try {
            lanes.current().uploader().storeText(RemoteNames.checkPath(name), payload);
            return true;
        } catch (IOException e) {
            throw fail("Cannot store file: " + name, e);
        }
    }

    @Override
    public String getCurrentDirectory() {
        try {
            return session().client().pwd();
        } catch (IOException e) {
            throw fail("Cannot get the current directory", e);
        }
    }

    @Override
    public void changeCurrentDirectory(String path) {
        try {
            session().client().cwd(RemoteNames.checkPath(path));
        } catch (IOException e) {
            throw fail("Cannot change directory to: " + path, e);
        }
    }

    @Override
    public void changeToParentDirectory() {
        changeCurrentDirectory("..");
    }

    @Override
    public FtplibFile[] listFiles() {
        return listFiles("");
    }

    @Override
    public FtplibFile[] listFiles(String path) {
        return list(path).toArray(new FtplibFile[0]);
    }

    /**
     * Lists a directory into a list, dropping unsafe names with a WARN.
     *
     * @param directory the directory
     * @return the entries
     * @throws GenericFileOperationFailedException when listing fails
     */
    List<FtplibFile> list(String directory) {
        List<FtplibFile> entries = new ArrayList<>();
        list(directory, entries::add);
        return entries;
    }

    /**
     * Lists a directory, handing each safe entry to the sink as the listing arrives, so a huge directory is never
     * held; unsafe names are dropped with one WARN.
     *
     * @param directory the directory
     * @param sink      receives the entries; returning false ends the listing
     * @throws GenericFileOperationFailedException when listing fails
     */
    void list(String directory, DirectoryLister.EntrySink sink) {
        try {
            Lane lane = lanes.current();
            if (lane.session().config().isStepwise()) {
                lane.session().enter(RemoteNames.checkPath(directory));
                lane.lister().list("", sink);
            } else {
                lane.lister().list(RemoteNames.checkPath(directory), sink);
            }
        } catch (IOException e) {
            throw fail("Cannot list directory: " + directory, e);
        }
    }

    /**
     * Opens a download for the producer's {@code get} operation.
     *
     * @param path the remote path
     * @return the open download
     * @throws GenericFileOperationFailedException when RETR is refused
     */
    FtplibDownload openDownload(String path) {
        try {
            return lanes.current().downloader().open(RemoteNames.checkPath(path), 0, null);
        } catch (IOException e) {
            throw fail("Cannot retrieve file: " + path, e);
        }
    }

    /**
     * Returns the calling thread's session, for the producer's operations.
     *
     * @return the session of the current lane
     */
    FtplibSession session() {
        return lanes.current().session();
    }

    private GenericFileOperationFailedException fail(String what, IOException e) {
        return OperationFailures.wrap(what, serverInformation(), e);
    }
}
