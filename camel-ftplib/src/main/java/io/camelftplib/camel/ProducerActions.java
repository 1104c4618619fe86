package io.camelftplib.camel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * The producer operations other than {@code put}: {@code get}, {@code list}, {@code delete}, {@code rename},
 * {@code mkdir} and {@code exists}, each on the path named by {@code CamelFileName} (relative to the endpoint
 * directory).
 *
 * <p>Not thread-safe: the producer runs one at a time.
 */
final class ProducerActions {

    private final FtplibEndpoint endpoint;
    private final FtplibOperations operations;

    ProducerActions(FtplibEndpoint endpoint, FtplibOperations operations) {
        this.endpoint = endpoint;
        this.operations = operations;
    }

    /**
     * Performs an operation and puts its result in the body.
     *
     * @param operation the operation (not {@code put})
     * @param exchange  the exchange
     * @throws GenericFileOperationFailedException when the server refuses
     */
    void perform(FtplibOperation operation, Exchange exchange) {
        Message in = exchange.getIn();
        String name = in.getHeader(FtplibConstants.FILE_NAME, String.class);
        String path = resolve(name);
        switch (operation) {
            case GET -> in.setBody(get(path, in));
            case LIST -> in.setBody(list(path));
            case DELETE -> in.setBody(operations.deleteFile(resolve(required(name, FtplibConstants.FILE_NAME))));
            case RENAME -> in.setBody(operations.renameFile(resolve(required(name, FtplibConstants.FILE_NAME)),
                    resolve(required(in.getHeader(FtplibConstants.FTPLIB_RENAME_TO, String.class),
                            FtplibConstants.FTPLIB_RENAME_TO))));
            case MKDIR -> in.setBody(operations.buildDirectory(resolve(required(name, FtplibConstants.FILE_NAME)),
                    false));
            case EXISTS -> in.setBody(operations.existsFile(resolve(required(name, FtplibConstants.FILE_NAME))));
            default -> throw new IllegalArgumentException("not a producer action: " + operation);
        }
    }

    private byte[] get(String path, Message in) {
        FtplibDownload download = operations.openDownload(path);
        try {
            byte[] bytes = download.content().readAllBytes();
            ReplyHeaders.set(in, download.getFinalReply());
            return bytes;
        } catch (IOException e) {
            throw OperationFailures.wrap("Cannot retrieve file: " + path,
                    endpoint.getConfiguration().remoteServerInformation(), e);
        } finally {
            download.abort();
        }
    }

    private List<String> list(String path) {
        List<String> names = new ArrayList<>();
        for (FtplibFile file : operations.list(path)) {
            names.add(file.name());
        }
        return names;
    }

    private String resolve(String name) {
        String directory = endpoint.getConfiguration().getDirectory();
        if (name == null || name.isEmpty()) {
            return directory;
        }
        return RemoteNames.isAbsolute(name) ? name : RemoteNames.join(directory, name);
    }

    private static String required(String value, String header) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("This " + FtplibConstants.FTPLIB_OPERATION + " needs the header "
                    + header);
        }
        return value;
    }
}
