package io.camelftplib.camel;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileProducer;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.util.URISupport;

/**
 * The producer of {@code ftplib:}: uploads the body (camel-file's naming, temp files, done files and
 * {@code fileExist} handling on top of {@link FtplibOperations}), or performs the operation named by the header
 * {@link FtplibConstants#FTPLIB_OPERATION}.
 *
 * <p>Thread-safe: each exchange leases one of the {@code maxConnections} connections for its whole processing (one
 * control connection carries one conversation), so with the default of 1 exchanges are processed one at a time,
 * and with more, threads sending to the producer at once upload in parallel.
 */
public class FtplibProducer extends GenericFileProducer<FtplibFile> {

    private final FtplibEndpoint ftplibEndpoint;
    private final FtplibOperations ftplibOperations;
    private WritableHealthCheckRepository producerChecks;
    private ProducerProbe healthCheck;

    /**
     * Creates the producer.
     *
     * @param endpoint   the endpoint
     * @param operations this producer's own operations (and connection)
     */
    public FtplibProducer(FtplibEndpoint endpoint, FtplibOperations operations) {
        super(endpoint, operations);
        this.ftplibEndpoint = endpoint;
        this.ftplibOperations = operations;
    }

    @Override
    public String getFileSeparator() {
        return "/";
    }

    @Override
    public String normalizePath(String name) {
        return name;
    }

    @Override
    @SuppressWarnings("try") // the lease is used by being held: every operation inside goes over its lane
    protected void doProcess(Exchange exchange) throws Exception {
        try (LanePool.Lease lease = ftplibOperations.lanes().lease()) {
            FtplibOperation operation = FtplibOperation.parse(
                    exchange.getIn().getHeader(FtplibConstants.FTPLIB_OPERATION));
            if (operation == FtplibOperation.PUT) {
                try {
                    super.doProcess(exchange);
                } finally {
                    lease.lane().uploader().writingTemporary(null, false);
                }
            } else {
                preWriteCheck(exchange);
                try {
                    new ProducerActions(ftplibEndpoint, ftplibOperations).perform(operation, exchange);
                } catch (GenericFileOperationFailedException e) {
                    ReplyHeaders.set(exchange.getIn(), e);
                    throw e;
                } finally {
                    postWriteCheck(exchange);
                }
            }
        }
    }

    /**
     * Names the temporary file as camel-file does, and tells the uploader about it: with {@code resumeUpload}, a
     * redelivered exchange continues the partial file its failed attempt left under that name, which is then not
     * deleted first. A new exchange always starts from zero: only a redelivery is known to carry the same body.
     */
    @Override
    public String createTempFileName(Exchange exchange, String fileName) {
        String temporary = super.createTempFileName(exchange, fileName);
        boolean redelivered = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0;
        ftplibOperations.lanes().current().uploader().writingTemporary(RemoteNames.checkPath(temporary),
                ftplibEndpoint.getConfiguration().isResumeUpload() && redelivered);
        return temporary;
    }

    @Override
    public void preWriteCheck(Exchange exchange) {
        ftplibOperations.connectIfNecessary();
    }

    @Override
    public void postWriteCheck(Exchange exchange) {
        FtplibConfiguration config = ftplibEndpoint.getConfiguration();
        boolean batchComplete = exchange.getProperty(ExchangePropertyKey.BATCH_COMPLETE, false, Boolean.class);
        if (config.isDisconnect() || config.isDisconnectOnBatchComplete() && batchComplete) {
            ftplibOperations.disconnect();
        }
    }

    @Override
    public void handleFailedWrite(Exchange exchange, Exception exception) throws Exception {
        ReplyHeaders.set(exchange.getIn(), exception);
        throw exception;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Camel's "producers" repository exists when camel-health is on the classpath and producer checks are on
        producerChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (producerChecks != null) {
            FtplibComponent component = (FtplibComponent) getEndpoint().getComponent();
            healthCheck = new ProducerProbe("producer:" + URISupport.sanitizeUri(getEndpoint().getEndpointBaseUri()),
                    ftplibEndpoint, component.getHealthCheckProducerInterval());
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            producerChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (producerChecks != null) {
            producerChecks.removeHealthCheck(healthCheck);
            producerChecks = null;
        }
        super.doStop();
        ftplibOperations.disconnectAll();
    }

    @Override
    public String toString() {
        return "FtplibProducer[" + ftplibEndpoint.getConfiguration() + "]";
    }
}
