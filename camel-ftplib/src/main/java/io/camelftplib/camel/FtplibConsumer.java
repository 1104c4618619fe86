package io.camelftplib.camel;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.camelftplib.camel.strategy.FileClaim;
import org.apache.camel.Exchange;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileConsumer;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.component.file.GenericFileHelper;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.apache.camel.util.CastUtils;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling consumer of {@code ftplib:}: before each poll it checks the connection (NOOP) and reconnects a dead
 * one; it lists the directory (recursively within {@code minDepth}/{@code maxDepth}) and hands each file to
 * camel-file's processing, which downloads it through {@link FtplibOperations} and commits it after the route.
 *
 * <p>With {@code maxConnections} above 1, the files of a poll are shared out among that many threads, the poll
 * thread and a pool of its own, each working over the connection it leased from the {@link LanePool} from download
 * to commit. The listing always goes over the first connection, before any file starts.
 *
 * <p>Thread-safe as Camel uses it: one scheduler thread polls; {@link FtplibEndpoint} forces synchronous
 * processing, so each connection serves one file at a time.
 */
public class FtplibConsumer extends GenericFileConsumer<FtplibFile> {

    private static final Logger LOG = LoggerFactory.getLogger(FtplibConsumer.class);
    private static final FtplibFile[] NO_ENTRIES = new FtplibFile[0];

    private final FtplibEndpoint ftplibEndpoint;
    private final FtplibOperations ftplibOperations;
    private final String endpointPath;
    private boolean startingDirectoryChecked;
    private volatile boolean polling;
    // true from the start of a poll until its files are handed to the route: the phase no exchange covers
    private volatile boolean listing;
    // set when a shutdown closed the connection under a poll, whose failure is then expected
    private volatile boolean cancelledForShutdown;
    /** The threads beyond the poll thread that process files, one per extra connection; null with one connection. */
    private ExecutorService transfers;

    /**
     * Creates the consumer.
     *
     * @param endpoint        the endpoint
     * @param processor       the route
     * @param operations      this consumer's own operations (and connection)
     * @param processStrategy what happens to a file before and after the route
     */
    public FtplibConsumer(FtplibEndpoint endpoint, Processor processor, FtplibOperations operations,
                          GenericFileProcessStrategy<FtplibFile> processStrategy) {
        super(endpoint, processor, operations, processStrategy);
        this.ftplibEndpoint = endpoint;
        this.ftplibOperations = operations;
        this.endpointPath = endpoint.getConfiguration().getDirectory();
    }

    @Override
    protected void doBuild() throws Exception {
        // DOWN while the server cannot be reached or refuses the login, which skips polls without failing them,
        // so the poll-based check alone would stay UP
        String id = "consumer:" + getRouteId();
        setHealthCheck(new FtplibHealthCheck(id, ftplibOperations, new ScheduledPollConsumerHealthCheck(this, id)));
        super.doBuild();
    }

    @Override
    protected Exchange createExchange(GenericFile<FtplibFile> file) {
        return ftplibEndpoint.createExchange(file);
    }

    @Override
    protected boolean prePollCheck() {
        try {
            ftplibOperations.connectIfNecessary();
        } catch (GenericFileOperationFailedException e) {
            if (ftplibEndpoint.getConfiguration().isThrowExceptionOnConnectFailed()) {
                throw e;
            }
            LOG.warn("Cannot connect to {}; skipping this poll: {}",
                    ftplibEndpoint.getConfiguration().remoteServerInformation(), e.getMessage());
            return false;
        }
        if (!startingDirectoryChecked) {
            startingDirectoryChecked = true;
            if (ftplibEndpoint.isAutoCreate() && !endpointPath.isEmpty()) {
                ftplibOperations.buildDirectory(endpointPath, RemoteNames.isAbsolute(endpointPath));
            }
        }
        return true;
    }

    @Override
    protected void postPollCheck(int polledMessages) {
        if (ftplibEndpoint.getConfiguration().isDisconnect()) {
            ftplibOperations.disconnectAll();
        }
    }

    @Override
    protected boolean pollDirectory(Exchange dynamic, String fileName, List<GenericFile<FtplibFile>> fileList,
                                    int depth) {
        String directory = fileName.length() > 1 && fileName.endsWith("/")
                ? fileName.substring(0, fileName.length() - 1) : fileName;
        return pollOneDirectory(dynamic, directory, fileList, depth + 1);
    }

    private boolean pollOneDirectory(Exchange dynamic, String directory, List<GenericFile<FtplibFile>> fileList,
                                     int depth) {
        DirectoryPoll poll = new DirectoryPoll(dynamic, directory, fileList, depth);
        if (!listEntries(dynamic, poll) || !canPollMoreFiles(fileList)) {
            return false;
        }
        // the subdirectories waited for the end of this listing: its transfer held the connection until then
        for (FtplibFile subdirectory : poll.subdirectories) {
            if (!pollSubdirectory(dynamic, directory, subdirectory, fileList, depth, poll.all)
                    || !canPollMoreFiles(fileList)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands the directory's entries to the poll. They stream from the listing, so a poll keeps only the files it
     * takes, unless an option needs every entry at once: {@code preSort} sorts them, {@code doneFileName} looks for
     * the done file among them; then the listing is held (and so is it with {@code useList=false}, one entry).
     *
     * @return false when the poll ended the listing early
     */
    private boolean listEntries(Exchange dynamic, DirectoryPoll poll) {
        FtplibConfiguration config = ftplibEndpoint.getConfiguration();
        try {
            if (config.isUseList() && !ftplibEndpoint.isPreSort() && ftplibEndpoint.getDoneFileName() == null) {
                boolean[] whole = {true};
                ftplibOperations.list(poll.directory, entry -> whole[0] = poll.accept(entry));
                return whole[0];
            }
            List<FtplibFile> entries = config.isUseList() ? ftplibOperations.list(poll.directory)
                    : namedFile(dynamic);
            if (ftplibEndpoint.isPreSort()) {
                entries = new ArrayList<>(entries);
                entries.sort(preSortComparator(ftplibEndpoint.getPreSort()));
            }
            poll.all = entries.toArray(NO_ENTRIES);
            for (FtplibFile entry : entries) {
                if (!poll.accept(entry)) {
                    return false;
                }
            }
            return true;
        } catch (GenericFileOperationFailedException e) {
            if (ignoreCannotRetrieveFile(poll.directory, null, e)) {
                LOG.debug("Cannot list directory {} (550), ignored: {}", poll.directory, e.getMessage());
                return true;
            }
            throw e;
        }
    }

    /** The poll of one directory: takes each listed entry as it comes, keeping only files and subdirectories. */
    private final class DirectoryPoll {
        private final Exchange dynamic;
        private final String directory;
        private final List<GenericFile<FtplibFile>> fileList;
        private final int depth;
        private final List<FtplibFile> subdirectories = new ArrayList<>();
        /** Every entry, for the done-file check, when the listing is held; else none. */
        private FtplibFile[] all = NO_ENTRIES;

        DirectoryPoll(Exchange dynamic, String directory, List<GenericFile<FtplibFile>> fileList, int depth) {
            this.dynamic = dynamic;
            this.directory = directory;
            this.fileList = fileList;
            this.depth = depth;
        }

        /** Takes one entry; false once the poll has as many files as it may take. */
        boolean accept(FtplibFile entry) {
            if (entry.isDirectory()) {
                if (ftplibEndpoint.isRecursive()) {
                    subdirectories.add(entry);
                }
            } else if (entry.isFile()) {
                addIfValid(dynamic, directory, entry, fileList, depth, all);
            } else {
                LOG.debug("Ignoring {} in {}: neither a file nor a directory", entry.name(), directory);
            }
            return canPollMoreFiles(fileList);
        }
    }

    private List<FtplibFile> namedFile(Exchange dynamic) {
        if (ftplibEndpoint.getFileName() == null) {
            throw new IllegalArgumentException("useList=false needs the fileName option to name the file to fetch");
        }
        String name = evaluateFileExpression(GenericFileHelper.createDummy(ftplibEndpoint, dynamic));
        if (name == null || RemoteNames.unsafeReason(name) != null) {
            return List.of();
        }
        return List.of(FtplibFile.named(name, FtplibFile.Kind.FILE));
    }

    private boolean pollSubdirectory(Exchange dynamic, String directory, FtplibFile entry,
                                     List<GenericFile<FtplibFile>> fileList, int depth, FtplibFile[] all) {
        if (!ftplibEndpoint.isRecursive() || depth >= ftplibEndpoint.getMaxDepth()) {
            return true;
        }
        String path = RemoteNames.join(directory, entry.name());
        Supplier<GenericFile<FtplibFile>> remote = () -> asGenericFile(directory, entry);
        if (isValidFile(dynamic, remote, entry.name(), path, relativePath(directory, entry), true, all)) {
            return pollOneDirectory(dynamic, path, fileList, depth + 1);
        }
        return true;
    }

    private void addIfValid(Exchange dynamic, String directory, FtplibFile entry,
                            List<GenericFile<FtplibFile>> fileList, int depth, FtplibFile[] all) {
        if (depth < ftplibEndpoint.getMinDepth()) {
            return;
        }
        String path = RemoteNames.join(directory, entry.name());
        GenericFile<FtplibFile> file = asGenericFile(directory, entry);
        if (isValidFile(dynamic, () -> file, entry.name(), path, relativePath(directory, entry), false, all)) {
            fileList.add(file);
        }
    }

    private Supplier<String> relativePath(String directory, FtplibFile entry) {
        return () -> relativeOf(RemoteNames.join(directory, entry.name()));
    }

    private String relativeOf(String absolutePath) {
        if (endpointPath.isEmpty()) {
            return absolutePath;
        }
        String prefix = endpointPath.endsWith("/") ? endpointPath : endpointPath + "/";
        return absolutePath.startsWith(prefix) ? absolutePath.substring(prefix.length()) : absolutePath;
    }

    private GenericFile<FtplibFile> asGenericFile(String directory, FtplibFile entry) {
        FtplibGenericFile file = new FtplibGenericFile();
        String path = RemoteNames.join(directory, entry.name());
        file.setCharset(ftplibEndpoint.getCharset());
        file.setEndpointPath(endpointPath);
        file.setFile(entry);
        file.setFileNameOnly(entry.name());
        file.setFileLength(entry.size());
        file.setLastModified(Math.max(entry.lastModified(), 0));
        file.setDirectory(entry.isDirectory());
        file.setHostname(ftplibEndpoint.getConfiguration().getHost());
        file.setAbsolute(RemoteNames.isAbsolute(path));
        file.setAbsoluteFilePath(path);
        file.setRelativeFilePath(relativeOf(path));
        file.setFileName(file.getRelativeFilePath());
        return file;
    }

    @Override
    protected Supplier<String> getRelativeFilePath(String endpointPath, String path, String absolutePath,
                                                   FtplibFile file) {
        return () -> relativeOf(RemoteNames.join(absolutePath, file.name()));
    }

    @Override
    protected boolean isMatched(Supplier<GenericFile<FtplibFile>> file, String doneFileName, FtplibFile[] files) {
        String onlyName = RemoteNames.name(doneFileName);
        for (FtplibFile f : files) {
            if (f.name().equals(onlyName)) {
                return true;
            }
        }
        LOG.trace("Done file {} does not exist", doneFileName);
        return false;
    }

    @Override
    protected boolean ignoreCannotRetrieveFile(String name, Exchange exchange, Exception cause) {
        GenericFileOperationFailedException failure
                = ObjectHelper.getException(GenericFileOperationFailedException.class, cause);
        boolean notFound = failure != null && failure.getCode() == 550;
        // camel-file neither commits nor rolls back a file whose download failed: end this node's claim here, so
        // another node (or a later poll) fetches the file whole; a 550 on a claimed file means another node took it
        if (exchange != null && FileClaim.releaseHeldBy(exchange) && notFound) {
            LOG.debug("Skipping {}: it no longer exists, another node took it; released this node's claim", name);
            return true;
        }
        if (ftplibEndpoint.getConfiguration().isIgnoreFileNotFoundOrPermissionError() && notFound) {
            return true;
        }
        return super.ignoreCannotRetrieveFile(name, exchange, cause);
    }

    @Override
    protected void updateFileHeaders(GenericFile<FtplibFile> file, Message message) {
        FtplibFile entry = file.getFile();
        if (entry.size() >= 0) {
            file.setFileLength(entry.size());
            message.setHeader(FtplibConstants.FILE_LENGTH, entry.size());
        }
        if (entry.lastModified() >= 0) {
            file.setLastModified(entry.lastModified());
            message.setHeader(FtplibConstants.FILE_LAST_MODIFIED, entry.lastModified());
        }
    }

    @Override
    protected void doStart() throws Exception {
        cancelledForShutdown = false;
        super.doStart();
        int connections = ftplibOperations.lanes().size();
        if (connections > 1 && transfers == null) {
            transfers = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "FtplibTransfers", connections - 1);
        }
    }

    @Override
    protected int poll() throws Exception {
        polling = true;
        listing = true;
        try {
            return super.poll();
        } catch (Exception e) {
            if (cancelledForShutdown || isStoppingOrStopped()) {
                // doStop cancelled the connection under this poll: expected, not a failure to report
                LOG.debug("Poll of {} ended by the consumer stopping: {}", endpointPath, e.toString());
                return 0;
            }
            throw e;
        } finally {
            polling = false;
            listing = false;
        }
    }

    /**
     * Camel's graceful shutdown first asks whether to defer, then waits while a poll runs, up to its shutdown
     * timeout, before it stops anything. A poll still listing has no exchange to complete yet, and a server that
     * trickles or stalls the listing would hold the shutdown that long: such a poll is ended now by closing its
     * connection. A poll already processing files is left to finish them, as graceful shutdown promises.
     */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        endListingInProgress();
        return super.deferShutdown(shutdownRunningTask);
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        super.prepareShutdown(suspendOnly, forced);
        endListingInProgress();
    }

    private void endListingInProgress() {
        if (listing) {
            LOG.debug("Shutting down while a poll of {} is listing: closing its connection", endpointPath);
            cancelledForShutdown = true;
            ftplibOperations.cancelAll();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (polling) {
            // a poll blocked in a listing or download that the server trickles or never ends would hold the stop
            // until its timeouts pass, and QUIT is answered only after the transfer: end the connections now
            LOG.debug("Stopping while a poll of {} runs: closing its connections", endpointPath);
            ftplibOperations.cancelAll();
        }
        super.doStop();
        if (transfers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(transfers);
            transfers = null;
        }
        ftplibOperations.disconnectAll();
        startingDirectoryChecked = false;
    }

    /**
     * Processes one file as camel-file does, except that a file whose retrieval failed counts as not started: its
     * idempotent key is released (camel-file would keep an eager key, so the file would never be fetched again) and
     * the poll does not count it among the files it delivered. The failure itself has gone to the exception handler.
     *
     * @param exchange the file's exchange
     * @return true when the file was handed to the route
     */
    @Override
    protected boolean processExchange(Exchange exchange) {
        @SuppressWarnings("unchecked")
        GenericFile<FtplibFile> file = exchange.getProperty(Exchange.FILE_EXCHANGE_FILE, GenericFile.class);
        // before begin: a preMove renames the file, and the key was claimed under the listed name
        String key = UndeliveredFiles.claimedKey(ftplibEndpoint, file);
        boolean started = super.processExchange(exchange);
        if (UndeliveredFiles.retrievalFailed(exchange)) {
            UndeliveredFiles.release(ftplibEndpoint, key);
            return false;
        }
        return started;
    }

    /**
     * Processes the files of a poll: one after the other with one connection (camel-file's own loop), else shared
     * out among the poll thread and the transfer threads, each on a connection of its own.
     *
     * @param exchanges the exchanges of the poll, one per file
     * @return how many were started
     */
    @Override
    public int processBatch(Queue<Object> exchanges) {
        listing = false;
        ExecutorService helpers = transfers;
        if (helpers == null) {
            return super.processBatch(exchanges);
        }
        int total = maxMessagesPerPoll > 0 ? Math.min(exchanges.size(), maxMessagesPerPoll) : exchanges.size();
        Deque<Exchange> queue = new ConcurrentLinkedDeque<>();
        for (int index = 0; index < total; index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            queue.add(exchange);
        }
        Deque<Exchange> notStarted = new ConcurrentLinkedDeque<>();
        AtomicInteger started = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 1; i < Math.min(ftplibOperations.lanes().size(), total); i++) {
            running.add(helpers.submit(() -> processOnOwnConnection(queue, notStarted, started)));
        }
        processOnOwnConnection(queue, notStarted, started);
        awaitAll(running);
        // what was not started (a failed begin, or a stop in the middle) leaves the in-progress list, as camel-file's
        // own loop does
        removeExcessiveInProgressFiles(notStarted, 0);
        removeExcessiveInProgressFiles(queue, 0);
        removeExcessiveInProgressFiles(CastUtils.cast((Deque<?>) exchanges, Exchange.class), 0);
        return started.get();
    }

    @SuppressWarnings("try") // the lease is used by being held: every operation inside goes over its connection
    private void processOnOwnConnection(Queue<Exchange> queue, Queue<Exchange> notStarted, AtomicInteger started) {
        try (LanePool.Lease lease = ftplibOperations.lanes().lease()) {
            Exchange exchange;
            while (isBatchAllowed() && (exchange = queue.poll()) != null) {
                pendingExchanges = queue.size();
                boolean begun = customProcessor != null
                        ? customProcessExchange(exchange, customProcessor) : processExchange(exchange);
                if (begun) {
                    started.incrementAndGet();
                } else {
                    notStarted.add(exchange);
                }
            }
        } catch (InterruptedIOException e) {
            // stopping while waiting for a connection: the files left in the queue are released by the poll thread
            LOG.debug("Interrupted while waiting for a free connection; {} files not started", queue.size());
        }
    }

    /** Waits for every transfer thread to finish its share, through interrupts (files must not be left half done). */
    private void awaitAll(List<Future<?>> running) {
        boolean interrupted = false;
        for (Future<?> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    getExceptionHandler().handleException("Processing files over an extra connection failed",
                            e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Comparator<FtplibFile> preSortComparator(String preSort) {
        boolean reverse = preSort.startsWith("-");
        String field = reverse ? preSort.substring(1) : preSort;
        Comparator<FtplibFile> comparator = switch (field) {
            case "modified" -> Comparator.comparingLong(FtplibFile::lastModified);
            case "size" -> Comparator.comparingLong(FtplibFile::size);
            default -> Comparator.comparing(FtplibFile::name);
        };
        return reverse ? comparator.reversed() : comparator;
    }

    @Override
    public String toString() {
        return "FtplibConsumer[" + ftplibEndpoint.getConfiguration() + "]";
    }
}
