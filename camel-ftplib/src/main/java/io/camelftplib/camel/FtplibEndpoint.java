package io.camelftplib.camel;

import java.util.Locale;

import io.camelftplib.camel.strategy.FtplibProcessStrategyFactory;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.PollingConsumer;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileConfiguration;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExist;
import org.apache.camel.component.file.GenericFilePollingConsumer;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Upload and download files to/from FTP servers with the ftplib engine: streamed downloads that are committed only
 * after the server confirmed the transfer, MLSD listings and UTF-8 names.
 *
 * <p>URI: {@code ftplib://[user@]host[:port]/directory}, on camel-file's generic file endpoint. Consumers and
 * producers each own their connections: one by default, up to {@code maxConnections} ({@link LanePool}).
 *
 * <p>Options camel-file offers but FTP cannot honour are left out of the catalog (and so refused in a URI); values
 * it cannot honour fail when the consumer or producer is created: {@code resumeDownload} without
 * {@code localWorkDirectory} here, an unsupported {@code readLock} in {@link FtplibProcessStrategyFactory}.
 * Processing is always synchronous: one control connection serves one file at a time, and
 * a streamed body must be finished before the next command.
 *
 * <p>Thread-safe once configured: Camel configures it on one thread, then only reads it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ftplib", extendsScheme = "file", title = "FTP (ftplib)",
             syntax = "ftplib:host:port/directoryName", alternativeSyntax = "ftplib:username@host:port/directoryName",
             category = { Category.FILE }, headersClass = FtplibConstants.class)
@Metadata(excludeProperties = FtplibEndpoint.EXCLUDED)
public class FtplibEndpoint extends GenericFileEndpoint<FtplibFile> {

    /** The inherited camel-file options FTP does not honour, so left out of the catalog. */
    static final String EXCLUDED = "appendChars,readLockIdempotentReleaseAsyncPoolSize,"
            + "readLockIdempotentReleaseExecutorService,readLockMarkerFile,readLockDeleteOrphanLockFiles,"
            + "directoryMustExist,"
            + "extendedAttributes,probeContentType,startingDirectoryMustExist,startingDirectoryMustHaveAccess,"
            + "chmodDirectory,forceWrites,copyAndDeleteOnRenameFail,renameUsingCopy,synchronous";

    @UriParam
    private FtplibConfiguration configuration;
    // catalog only: camel-file's readLock lists values FTP cannot honour; the value lives in the inherited field
    @UriParam(label = "consumer,lock", defaultValue = "none", enums = "none,rename,changed,idempotent",
              description = "Used by consumer, to only poll the files if it has exclusive read-lock on the file (i.e. "
                            + "the file is not in-progress or being written). none: no read lock. rename: try to "
                            + "rename the file as a test of exclusive access. changed: the file's size and "
                            + "modification time (asked with MLST, or SIZE and MDTM, never by listing) must not "
                            + "change between two checks readLockCheckInterval apart, or the file must be "
                            + "readLockMinAge old; it must also be readLockMinLength long. idempotent: claim the "
                            + "file in the idempotentRepository before downloading it, so that among several nodes "
                            + "sharing that repository only one processes it; a node ends only the claims it took, "
                            + "and skips a file gone by the time it claimed it. Any other value fails endpoint "
                            + "creation")
    @SuppressWarnings("unused")
    private String readLock;

    /** Creates an endpoint for tooling. */
    public FtplibEndpoint() {
    }

    /**
     * Creates an endpoint.
     *
     * @param uri           the endpoint URI
     * @param component     the component
     * @param configuration the options parsed from the URI's authority and path
     */
    public FtplibEndpoint(String uri, Component component, FtplibConfiguration configuration) {
        super(uri, component);
        setConfiguration(configuration);
    }

    @Override
    public FtplibConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Sets the configuration; it must be an {@link FtplibConfiguration}.
     *
     * @param configuration the configuration
     */
    @Override
    public void setConfiguration(GenericFileConfiguration configuration) {
        this.configuration = (FtplibConfiguration) configuration;
        super.setConfiguration(configuration);
    }

    @Override
    public String getScheme() {
        return "ftplib";
    }

    @Override
    public char getFileSeparator() {
        return RemoteNames.SEPARATOR;
    }

    @Override
    public boolean isAbsolute(String name) {
        return RemoteNames.isAbsolute(name);
    }

    /**
     * Always synchronous: the connection carries one transfer at a time.
     *
     * @return true
     */
    @Override
    public boolean isSynchronous() {
        return true;
    }

    /**
     * Whether the idempotent consumer adds a file's key when it lists the file; only with {@code idempotent=true}.
     *
     * @return true when the idempotent consumer is on and eager
     */
    @Override
    public boolean isIdempotentEager() {
        // camel-file removes the key of each listed file it did not start whenever eager is on, even when only
        // readLock=idempotent uses the repository: a node that lost the race would remove the winner's claim
        return Boolean.TRUE.equals(getIdempotent()) && super.isIdempotentEager();
    }

    @Override
    public FtplibConsumer createConsumer(Processor processor) throws Exception {
        validateConsumerOptions();
        if (isNoop() && getIdempotent() == null) {
            // noop leaves files in place: without idempotency they would be consumed on every poll
            setIdempotent(true);
        }
        if (Boolean.TRUE.equals(getIdempotent()) && getIdempotentRepository() == null) {
            setIdempotentRepository(
                    MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_IDEMPOTENT_CACHE_SIZE));
        }
        FtplibConsumer consumer = new FtplibConsumer(this, processor, createOperations(), processStrategy());
        consumer.setMaxMessagesPerPoll(getMaxMessagesPerPoll());
        consumer.setEagerLimitMaxMessagesPerPoll(isEagerMaxMessagesPerPoll());
        consumer.setRetrieveFile(configuration.isDownload());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public PollingConsumer createPollingConsumer() throws Exception {
        if (getMaxMessagesPerPoll() > 1) {
            throw new IllegalArgumentException("The option maxMessagesPerPoll is not supported for polling consumers "
                    + "(pollEnrich): " + this);
        }
        GenericFilePollingConsumer result = new GenericFilePollingConsumer(this);
        result.setBlockWhenFull(isPollingConsumerBlockWhenFull());
        result.setBlockTimeout(getPollingConsumerBlockTimeout());
        return result;
    }

    @Override
    public FtplibProducer createProducer() throws Exception {
        validateProducerOptions();
        return new FtplibProducer(this, createOperations());
    }

    /**
     * Creates the operations of one consumer or producer, with a connection of their own.
     *
     * @return new operations bound to this endpoint
     */
    FtplibOperations createOperations() {
        LanePool lanes = new LanePool(configuration.getMaxConnections(),
                () -> Lane.of(new FtplibSession(configuration, clientFactory()), this));
        return new FtplibOperations(lanes);
    }

    /**
     * Returns how clients are made: plain FTP here, FTPS in {@link FtplibsEndpoint}.
     *
     * @return the factory
     */
    FtpClientFactory clientFactory() {
        return FtpClientFactory.PLAIN;
    }

    @Override
    public Exchange createExchange(GenericFile<FtplibFile> file) {
        Exchange exchange = createExchange();
        if (file != null) {
            file.bindToExchange(exchange);
        }
        return exchange;
    }

    @Override
    protected GenericFileProcessStrategy<FtplibFile> createGenericFileStrategy() {
        return new FtplibProcessStrategyFactory().createGenericFileProcessStrategy(getCamelContext(),
                getParamsAsMap());
    }

    private GenericFileProcessStrategy<FtplibFile> processStrategy() {
        return getProcessStrategy() != null ? getProcessStrategy() : createGenericFileStrategy();
    }

    private void validateConsumerOptions() {
        if (isDelete() && getMove() != null) {
            throw new IllegalArgumentException("You cannot set both delete=true and move options: " + this);
        }
        if (configuration.isResumeDownload() && getLocalWorkDirectory() == null) {
            throw new IllegalArgumentException("resumeDownload needs localWorkDirectory: the partial file is kept "
                    + "there between attempts");
        }
        if (!configuration.isUseList() && getFileName() == null) {
            throw new IllegalArgumentException("useList=false needs the fileName option to name the file to fetch");
        }
    }

    /**
     * Refuses options that cannot keep their promise with the others given: {@code resumeUpload} without a
     * temporary name, {@code verifyChecksum} in ASCII mode or with {@code fileExist=Append}.
     *
     * @throws IllegalArgumentException naming the option and what to add or remove
     */
    void validateTransferOptions() {
        ChecksumFile.check(getChecksumFileAlgorithm());
        if (configuration.isResumeUpload() && getTempFileName() == null) {
            throw new IllegalArgumentException("resumeUpload needs tempPrefix or tempFileName: an upload is only "
                    + "ever continued under a temporary name that this endpoint alone writes, never under the final "
                    + "name; add tempPrefix (for example tempPrefix=.part-) to " + this);
        }
        if (configuration.getVerifyChecksum() != FtplibVerifyChecksum.NONE && !configuration.isBinary()) {
            throw new IllegalArgumentException("verifyChecksum=" + configuration.getVerifyChecksum().name()
                    .toLowerCase(Locale.ROOT) + " needs binary=true: in ASCII mode the server stores other "
                    + "line endings than the client sends, so no digest could match; " + this);
        }
        if (configuration.getVerifyChecksum() != FtplibVerifyChecksum.NONE
                && getFileExist() == GenericFileExist.Append) {
            throw new IllegalArgumentException("verifyChecksum cannot check fileExist=Append: the server's digest "
                    + "covers the whole file, the client's only the bytes appended; use another fileExist or "
                    + "verifyChecksum=none; " + this);
        }
    }

    private void validateProducerOptions() {
        if (getFileExist() == GenericFileExist.Move && getMoveExisting() == null) {
            throw new IllegalArgumentException("fileExist=Move needs the moveExisting option: " + this);
        }
        if (getFileExist() == GenericFileExist.TryRename && getTempFileName() == null) {
            throw new IllegalArgumentException("fileExist=TryRename needs tempFileName or tempPrefix: " + this);
        }
    }

    @Override
    public String toString() {
        return getScheme() + "://" + configuration.getHost() + ":" + configuration.getPort() + "/"
                + configuration.getDirectory();
    }
}
