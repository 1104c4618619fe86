package io.camelftplib.camel;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code ftplib:} and {@code ftplibs:} endpoints: the names Camel's {@code ftp:} sets,
 * so a route keeps working when only the scheme changes, plus {@link #FTPLIB_OPERATION}.
 *
 * <p>Immutable constants; thread-safe.
 */
public final class FtplibConstants {

    /** The file length in bytes, as the server's listing (MLSD {@code size} fact, SIZE or LIST) reported it. */
    @Metadata(label = "consumer", description = "A long value containing the file size.", javaType = "long")
    public static final String FILE_LENGTH = "CamelFileLength";
    /** The last modification time in UTC milliseconds (seconds precision with MLSD/MDTM, minutes with LIST). */
    @Metadata(label = "consumer", description = "A Long value containing the last modified timestamp of the file.",
              javaType = "long")
    public static final String FILE_LAST_MODIFIED = "CamelFileLastModified";
    /** The file name without any leading path. */
    @Metadata(label = "consumer", description = "Only the file name (the name with no leading paths).",
              javaType = "String")
    public static final String FILE_NAME_ONLY = "CamelFileNameOnly";
    /** Consumer: the name relative to the endpoint directory. Producer: the name to write. */
    @Metadata(description = "(Consumer) Specifies the name of the file consumed. (Producer) Specifies the name of "
                            + "the file to upload; when not set, the message id is used. The fileName option takes "
                            + "precedence.",
              javaType = "String")
    public static final String FILE_NAME = "CamelFileName";
    /** The name of the consumed file, kept when CamelFileName is changed by the route. */
    @Metadata(label = "consumer", description = "The name of the file that has been consumed", javaType = "String")
    public static final String FILE_NAME_CONSUMED = "CamelFileNameConsumed";
    /** Whether the file path is absolute. */
    @Metadata(label = "consumer", description = "A boolean option specifying whether the consumed file denotes an "
                                                + "absolute path or not.",
              javaType = "Boolean")
    public static final String FILE_ABSOLUTE = "CamelFileAbsolute";
    /** The path of the file including the endpoint directory. */
    @Metadata(label = "consumer", description = "The path of the file from the login directory (or the root for "
                                                + "absolute endpoint directories).",
              javaType = "String")
    public static final String FILE_ABSOLUTE_PATH = "CamelFileAbsolutePath";
    /** The file path. */
    @Metadata(label = "consumer", description = "The file path. For relative files this is the relative path.",
              javaType = "String")
    public static final String FILE_PATH = "CamelFilePath";
    /** The path relative to the endpoint directory. */
    @Metadata(label = "consumer", description = "The relative path.", javaType = "String")
    public static final String FILE_RELATIVE_PATH = "CamelFileRelativePath";
    /** The parent directory of the file. */
    @Metadata(label = "consumer", description = "The parent path.", javaType = "String")
    public static final String FILE_PARENT = "CamelFileParent";
    /** The name the producer wrote the file under. */
    @Metadata(label = "producer", description = "The actual absolute filepath (path + name) for the output file "
                                                + "that was written. This header is set by Camel and its purpose is "
                                                + "providing end-users the name of the file that was written.",
              javaType = "String")
    public static final String FILE_NAME_PRODUCED = "CamelFileNameProduced";
    /** A name used once, taking precedence over CamelFileName and the fileName option. */
    @Metadata(label = "producer", description = "Is used for overruling CamelFileName header and use the value "
                                                + "instead (but only once, as the producer will remove this header "
                                                + "after writing the file).",
              javaType = "String")
    public static final String OVERRULE_FILE_NAME = "CamelOverruleFileName";
    /** The local work file when localWorkDirectory is used. */
    @Metadata(label = "consumer", description = "Path to the local work file, if local work directory is used.",
              javaType = "String")
    public static final String FILE_LOCAL_WORK_PATH = "CamelFileLocalWorkPath";
    /** The stream of a streamed download: read once; its end confirms the transfer. */
    @Metadata(label = "consumer", description = "The remote file input stream of a streamed download (the "
                                                + "default). It can be read once; reading it to its end reads the "
                                                + "server's final transfer reply.",
              javaType = "java.io.InputStream")
    public static final String REMOTE_FILE_INPUT_STREAM = "CamelRemoteFileInputStream";
    /** The remote host. */
    @Metadata(description = "Remote FTP server hostname", javaType = "String")
    public static final String FILE_HOST = "CamelFileHost";
    /** The code of the server's last reply to a transfer or operation, also set on failures. */
    @Metadata(description = "The FTP client reply code of the last command, also set when an operation failed.",
              javaType = "int")
    public static final String FTP_REPLY_CODE = "CamelFtpReplyCode";
    /** The text of the server's last reply, also set on failures. */
    @Metadata(description = "The FTP client reply string of the last command, also set when an operation failed.",
              javaType = "String")
    public static final String FTP_REPLY_STRING = "CamelFtpReplyString";
    /** The operation a producer performs; see {@link FtplibOperation}. */
    @Metadata(label = "producer", description = "The operation the producer performs on the endpoint: put "
                                                + "(default, upload the body), get (download the file named by "
                                                + "CamelFileName into the body), list (the names in the directory, "
                                                + "as a List), delete, rename (to the name in "
                                                + "CamelFtplibRenameTo), mkdir, exists (a Boolean body).",
              javaType = "io.camelftplib.camel.FtplibOperation", enums = "put,get,list,delete,rename,mkdir,exists",
              defaultValue = "put")
    public static final String FTPLIB_OPERATION = "CamelFtplibOperation";
    /** The target name of the {@code rename} operation. */
    @Metadata(label = "producer", description = "The new name for the rename operation, relative to the endpoint "
                                                + "directory.",
              javaType = "String")
    public static final String FTPLIB_RENAME_TO = "CamelFtplibRenameTo";
    /** The digest of the file transferred, verified against the server's, when verifyChecksum is on. */
    @Metadata(description = "The digest (lower-case hex) of the file transferred, computed while the bytes streamed "
                            + "and equal to the digest the server computed of the stored file; set when the "
                            + "verifyChecksum option verified the transfer (an upload, or a download once its body "
                            + "was read to the end).",
              javaType = "String")
    public static final String CHECKSUM = "CamelFtplibChecksum";
    /** The algorithm of {@link #CHECKSUM}. */
    @Metadata(description = "The algorithm of CamelFtplibChecksum: SHA-256, SHA-1, MD5 or CRC32, the strongest the "
                            + "server offered.",
              javaType = "String")
    public static final String CHECKSUM_ALGORITHM = "CamelFtplibChecksumAlgorithm";

    private FtplibConstants() {
    }
}
