package io.camelftplib.camel.strategy;

import io.camelftplib.camel.FtplibFile;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.GenericFileDeleteProcessStrategy;

/**
 * camel-file's delete strategy with one rename per preMove/moveFailed ({@link RenameFirst}).
 *
 * <p>Not thread-safe: used by one consumer.
 */
final class FtplibDeleteProcessStrategy extends GenericFileDeleteProcessStrategy<FtplibFile> {

    @Override
    protected GenericFile<FtplibFile> renameFile(GenericFileOperations<FtplibFile> operations,
                                                 GenericFile<FtplibFile> from, GenericFile<FtplibFile> to) {
        return RenameFirst.rename(operations, from, to);
    }
}
