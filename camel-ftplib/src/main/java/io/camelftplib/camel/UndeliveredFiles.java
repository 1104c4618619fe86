package io.camelftplib.camel;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileHelper;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Takes a file that could not be retrieved out of the idempotent repository again. With eager idempotency (the
 * default, and what {@code noop=true} turns on) camel-file adds a file's key when it lists the file, and removes it
 * only when the route fails or the file was never started; a retrieval that fails (a refused RETR, a connection
 * cut at RETR, a transfer that breaks while the whole file is fetched before the route) kept the key, so the file
 * was never fetched again, or never at all with a persistent repository. A failed retrieval is marked on its
 * exchange by {@link FtplibOperations#retrieveFile}; the consumer then calls {@link #release}.
 *
 * <p>Stateless; thread-safe as far as the repository is.
 */
final class UndeliveredFiles {

    /** The exchange property that carries the failure of a retrieval, set by the operations, read by the consumer. */
    static final String RETRIEVE_FAILURE = "CamelFtplibRetrieveFailure";

    private UndeliveredFiles() {
    }

    /**
     * Computes the key the consumer claimed for a file, as camel-file does when it lists it: the {@code idempotentKey}
     * expression, else the absolute path. Call it before the process strategy's begin, which may move the file.
     *
     * @param endpoint the endpoint
     * @param file     the file as listed
     * @return the key, or null when no key was claimed (not idempotent, not eager, or the expression gave none)
     */
    static String claimedKey(GenericFileEndpoint<FtplibFile> endpoint, GenericFile<FtplibFile> file) {
        if (!Boolean.TRUE.equals(endpoint.isIdempotent()) || !endpoint.isIdempotentEager()
                || endpoint.getIdempotentRepository() == null) {
            return null;
        }
        if (endpoint.getIdempotentKey() == null) {
            return file.getAbsoluteFilePath();
        }
        Exchange dummy = GenericFileHelper.createDummy(endpoint, null, () -> file);
        return endpoint.getIdempotentKey().evaluate(dummy, String.class);
    }

    /**
     * Tells whether the retrieval of the exchange's file failed, and forgets the mark.
     *
     * @param exchange the file's exchange
     * @return true when {@link FtplibOperations#retrieveFile} failed for it
     */
    static boolean retrievalFailed(Exchange exchange) {
        return exchange.removeProperty(RETRIEVE_FAILURE) != null;
    }

    /**
     * Removes a claimed key, so the next poll offers the file again.
     *
     * @param endpoint the endpoint
     * @param key      the key from {@link #claimedKey}, or null
     */
    static void release(GenericFileEndpoint<FtplibFile> endpoint, String key) {
        IdempotentRepository repository = endpoint.getIdempotentRepository();
        if (key != null && repository != null) {
            repository.remove(key);
        }
    }
}
