package io.camelftplib.camel;

import java.io.IOException;

import io.camelftplib.ftplib.Ftp;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * Moves a file out of the way before an upload with {@code fileExist=Move}, to the name the {@code moveExisting}
 * expression computes ({@code ${file:parent}/backup/${file:onlyname}} for {@code moveExisting=backup}).
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class ExistingFileMover {

    private final Uploader uploader;
    private final FtplibEndpoint endpoint;

    ExistingFileMover(Uploader uploader, FtplibEndpoint endpoint) {
        this.uploader = uploader;
        this.endpoint = endpoint;
    }

    /**
     * Moves {@code path} to its moveExisting name, replacing a file there when {@code eagerDeleteTargetFile}.
     *
     * @param path the existing file
     * @throws IOException when the rename fails
     * @throws GenericFileOperationFailedException when the target exists and may not be replaced
     */
    void move(String path) throws IOException {
        Exchange dummy = endpoint.createExchange();
        dummy.getIn().setHeader(FtplibConstants.FILE_NAME, path);
        dummy.getIn().setHeader(FtplibConstants.FILE_NAME_ONLY, RemoteNames.name(path));
        dummy.getIn().setHeader(FtplibConstants.FILE_PARENT, RemoteNames.parent(path));
        String to = RemoteNames.checkPath(endpoint.getMoveExisting().evaluate(dummy, String.class));
        if (uploader.probe().stat(to, false).isPresent()) {
            if (!endpoint.isEagerDeleteTargetFile()) {
                throw new GenericFileOperationFailedException("Cannot move existing file from: " + path + " to: " + to
                        + " as there already exists a file: " + to);
            }
            Ftp ftp = uploader.session().client();
            ftp.delete(uploader.session().enterParent(to));
        }
        uploader.buildDirectory(RemoteNames.parent(to));
        Ftp ftp = uploader.session().client();
        ftp.rename(uploader.session().enterParent(path), uploader.session().fromAnywhere(to));
    }
}
