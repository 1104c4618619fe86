package io.camelftplib.camel.strategy;

import io.camelftplib.camel.FtplibFile;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * Moves a consumed file (move, preMove, moveFailed) with one RNFR/RNTO, deleting an existing target only when the
 * rename failed: camel-file deletes first, which costs a DELE per file on servers whose RNTO replaces targets.
 *
 * <p>Stateless; thread-safe.
 */
final class RenameFirst {

    private RenameFirst() {
    }

    static GenericFile<FtplibFile> rename(GenericFileOperations<FtplibFile> operations, GenericFile<FtplibFile> from,
                                          GenericFile<FtplibFile> to) {
        operations.buildDirectory(to.getParent(), to.isAbsolute());
        try {
            operations.renameFile(from.getAbsoluteFilePath(), to.getAbsoluteFilePath());
        } catch (GenericFileOperationFailedException first) {
            // the target may exist on a server whose RNTO does not replace: delete it and try once more
            if (!operations.deleteFile(to.getAbsoluteFilePath())) {
                throw first;
            }
            operations.renameFile(from.getAbsoluteFilePath(), to.getAbsoluteFilePath());
        }
        return to;
    }
}
