package io.camelftplib.camel;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileMessage;

/**
 * A remote file of an {@code ftplib:} endpoint: {@code /} as separator whatever the local OS, and the host in the
 * {@code CamelFileHost} header.
 *
 * <p>Not thread-safe, as {@link GenericFile} is not: one exchange owns it.
 */
final class FtplibGenericFile extends GenericFile<FtplibFile> {

    private String hostname;

    /**
     * Returns the server's host name.
     *
     * @return the host
     */
    String getHostname() {
        return hostname;
    }

    /**
     * Sets the server's host name.
     *
     * @param hostname the host
     */
    void setHostname(String hostname) {
        this.hostname = hostname;
    }

    @Override
    public char getFileSeparator() {
        return RemoteNames.SEPARATOR;
    }

    @Override
    protected boolean isAbsolute(String name) {
        return RemoteNames.isAbsolute(name);
    }

    @Override
    protected String normalizePath(String name) {
        return name;
    }

    @Override
    public void populateHeaders(GenericFileMessage<FtplibFile> message, boolean probeContentType) {
        super.populateHeaders(message, false);
        if (message != null && hostname != null) {
            message.setHeader(FtplibConstants.FILE_HOST, hostname);
        }
    }

    @Override
    public void copyFromPopulateAdditional(GenericFile<FtplibFile> source, GenericFile<FtplibFile> result) {
        if (source instanceof FtplibGenericFile from && result instanceof FtplibGenericFile to) {
            to.setHostname(from.getHostname());
        }
    }
}
