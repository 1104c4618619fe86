package io.camelftplib.camel.strategy;

import io.camelftplib.camel.FtplibFile;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;

/**
 * A read lock of this component: it takes files without writing marker files beside them on the server (the
 * changed lock watches the file itself, the idempotent lock claims it in a repository), so camel-file's marker file
 * options do nothing here, in one place for every read lock.
 */
interface MarkerlessReadLock extends GenericFileExclusiveReadLockStrategy<FtplibFile> {

    /**
     * Does nothing: no marker files on FTP servers.
     *
     * @param markerFile ignored
     */
    @Override
    default void setMarkerFiler(boolean markerFile) {
        // no marker files on FTP servers
    }

    /**
     * Does nothing: without marker files there are no orphans to delete.
     *
     * @param deleteOrphanLockFiles ignored
     */
    @Override
    default void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        // no marker files on FTP servers
    }
}
