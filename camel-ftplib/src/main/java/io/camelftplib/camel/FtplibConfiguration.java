package io.camelftplib.camel;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.camelftplib.camel.listing.ListingDialect;
import io.camelftplib.camel.listing.ListingOptions;

import io.camelftplib.ftplib.FtpProxy;
import io.camelftplib.ftplib.PortRange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFileConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of an {@code ftplib:} endpoint beyond camel-file's: where to connect, how to log in, and how the
 * conversation runs. Names and meanings follow Camel's {@code ftp:} wherever they are the same; defaults that differ
 * (passive mode, binary, streaming, UTF-8, stepwise, connect failures) are documented on each option.
 *
 * <p>Strings from the URI are checked once, in the setters (charset names, the active port range), so a bad value
 * fails endpoint creation. Not thread-safe: configured once, then only read.
 */
@UriParams
public class FtplibConfiguration extends GenericFileConfiguration {

    /** The default FTP control port. */
    public static final int DEFAULT_PORT = 21;

    @UriPath(description = "Hostname of the FTP server")
    @Metadata(required = true)
    private String host;
    @UriPath(description = "Port of the FTP server", defaultValue = "21")
    private int port;
    @UriPath(description = "The starting directory, relative to the login directory; start it with a second slash "
                           + "(ftplib://host//data) for a path from the root")
    private String directoryName;

    @UriParam(label = "security", secret = true, description = "Username to use for login")
    private String username;
    @UriParam(label = "security", secret = true, description = "Password to use for login")
    private String password;
    @UriParam(label = "security", secret = true,
              description = "Account to use for login (ACCT), sent only when the server asks for it")
    private String account;
    @UriParam(label = "security", defaultValue = "false",
              description = "Take the username, password and account for the host from a .netrc file when none is "
                            + "given in the URI (the netrcFile option, else .netrc in the user's home directory)")
    private boolean useNetrc;
    @UriParam(label = "security", description = "The .netrc file used when useNetrc is on; defaults to .netrc in "
                                                + "the user's home directory (the user.home system property)")
    private String netrcFile;

    @UriParam(defaultValue = "true",
              description = "Specifies the file transfer mode, BINARY (TYPE I) or ASCII (TYPE A). Default is binary, "
                            + "unlike ftp: (ASCII), so bytes arrive unchanged")
    private boolean binary = true;
    @UriParam(defaultValue = "true",
              description = "Sets passive mode connections (PASV/EPSV). Default is passive, unlike ftp: (active), "
                            + "because active mode rarely passes firewalls and NAT")
    private boolean passiveMode = true;
    @UriParam(label = "advanced", description = "Set the client side port range in active mode (passiveMode=false), "
                                                + "as min-max, both inclusive (e.g. 60000-60100): the client listens "
                                                + "on a free port of this range, on the control connection's local "
                                                + "address, and fails the transfer when all are in use")
    private String activePortRange;
    private PortRange activePorts;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Sets the connect timeout for waiting for a connection to be established")
    private int connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration",
              description = "Sets the so timeout of the control connection: how long a reply may take")
    private int soTimeout = 300000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Sets the data timeout for waiting for a reply or data on the data connection; it also "
                            + "bounds each write of an upload, so a server that stops reading fails the upload")
    private int timeout = 30000;
    @UriParam(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration",
              description = "Bounds a whole directory listing (MLSD, LIST or NLST), from its data connection to its "
                            + "last entry. The timeout option bounds each read only, so a server that sends one "
                            + "entry every few seconds would otherwise hold the poll forever; when this passes, the "
                            + "poll fails and the next one reconnects. Raise it for directories that take longer "
                            + "to list. Not in ftp:")
    private int listingTimeout = 600000;
    @UriParam(defaultValue = "UTF-8",
              description = "The character encoding of commands, replies and file names on the control connection. "
                            + "With UTF-8 (the default, unlike ftp:'s ISO-8859-1) the client sends OPTS UTF8 ON when "
                            + "the server's FEAT offers UTF8")
    private String encoding = StandardCharsets.UTF_8.name();
    private Charset encodingCharset = StandardCharsets.UTF_8;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Should an exception be thrown if connection failed (exhausted). By default (unlike "
                            + "ftp:) a failed connect fails the poll, so the failure shows in the consumer's error "
                            + "handling and health instead of only a WARN in the log")
    private boolean throwExceptionOnConnectFailed = true;
    @UriParam(label = "advanced",
              description = "Sets optional site command(s) to be executed after successful login. Multiple site "
                            + "commands can be separated using a new line character")
    private String siteCommand;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Sets whether we should stepwise change directories while traversing file structures "
                            + "when downloading files, or as well when uploading a file to a directory. Off by "
                            + "default (unlike ftp:): paths are sent whole, which every current server accepts and "
                            + "which saves two CWD per file")
    private boolean stepwise;
    @UriParam(label = "consumer", defaultValue = "true",
              description = "Sets the download method to use when not using a local working directory. When true "
                            + "(the default, unlike ftp:) the body streams from the server and no file is held in "
                            + "memory; the transfer's final reply is read when the stream ends, and the remote file "
                            + "is committed only after it confirmed the transfer. When false the whole file is "
                            + "downloaded into memory (a byte[]) before the route starts")
    private boolean streamDownload = true;
    @UriParam(label = "consumer,advanced", defaultValue = "true",
              description = "Whether to allow using a listing of the directory. When false, the fileName option "
                            + "must name the file to fetch, and no listing is sent")
    private boolean useList = true;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Whether to ignore when (trying to list files in directories or when downloading a "
                            + "file), which does not exist or due to permission error (reply 550)")
    private boolean ignoreFileNotFoundOrPermissionError;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Whether to send a NOOP command as a pre-write check before uploading files and before "
                            + "each poll, to detect a dead connection and reconnect")
    private boolean sendNoop = true;
    @UriParam(label = "consumer", defaultValue = "auto",
              description = "How directories are listed: auto (MLSD when the server's FEAT offers it, else LIST, "
                            + "parsed for types, sizes and times), mlsd, list, or nlst (names, then SIZE per name, "
                            + "CWD for names SIZE refuses, so directories are never fetched as files)")
    private FtplibListing listing = FtplibListing.AUTO;
    // --- LIST dialects: how the lines of a LIST reply are read (servers without MLSD) ---
    @UriParam(label = "consumer,advanced", defaultValue = "auto", enums = "auto,unix,windows,vms,os400,mvs",
              description = "The format of the server's LIST lines, tried first: auto (from the SYST reply, then "
                            + "from each line), unix (ls -l, also NetWare and EPLF), windows (IIS/DOS), vms, os400 "
                            + "or mvs. A line the chosen dialect cannot read is tried with the others; mvs also reads "
                            + "partitioned data set members that are bare names")
    private ListingDialect listingDialect = ListingDialect.AUTO;
    @UriParam(label = "consumer,advanced",
              description = "The language of month names in LIST lines (ls prints them in the server's locale, "
                            + "e.g. Mär, Okt, déc.): one of da, de, en, es, fr, it, nl, no, pt, sv. Unset reads the "
                            + "names of all of them, which never clash")
    private String serverLanguageCode;
    @UriParam(label = "consumer,advanced",
              description = "The java.time pattern of LIST dates with a year, e.g. 'd MMM yyyy' or, for OS/400, "
                            + "'MM/dd/yy HH:mm:ss', when the server prints dates in an order the built-in forms do "
                            + "not read. Month names of serverLanguageCode are understood")
    private String defaultDateFormat;
    @UriParam(label = "consumer,advanced",
              description = "The java.time pattern of LIST dates without a year (files of the last six months), "
                            + "e.g. 'd MMM HH:mm'. Such a date more than a day ahead of the server's today is taken "
                            + "from the last year")
    private String recentDateFormat;
    @UriParam(label = "consumer,advanced", defaultValue = "UTC",
              description = "The time zone of the server's clock, in which LIST times are read (LIST gives no zone; "
                            + "MLSD times are always UTC), e.g. Europe/Berlin")
    private String serverTimeZoneId;
    private ZoneId serverTimeZone = ZoneOffset.UTC;
    // --- end of LIST dialects ---
    @UriParam(label = "producer,advanced",
              description = "Allows you to set chmod on the stored file (SITE CHMOD), for example chmod=640")
    private String chmod;
    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Resumes an upload that failed part way when Camel redelivers the exchange: the "
                            + "redelivery continues the temporary file with APPE from the size the server's SIZE "
                            + "reports, then verifies the stored size (and the checksum with verifyChecksum). Needs "
                            + "tempPrefix or tempFileName, so only a name this endpoint alone writes is continued; a "
                            + "new exchange always starts from zero. Not in ftp:")
    private boolean resumeUpload;
    @UriParam(defaultValue = "none", enums = "none,auto,required",
              description = "Compares each transfer with a digest the server computes of the stored file: the "
                            + "client computes the digest while the bytes stream, then asks with the strongest "
                            + "command the server's FEAT offers (HASH with SHA-256, SHA-1, MD5 or CRC32, else "
                            + "XSHA256, XSHA1, XMD5, XCRC). auto verifies when the server offers one, required fails "
                            + "the transfer before it starts when it offers none. A mismatch fails the exchange and "
                            + "nothing is committed; the digest is in the header CamelFtplibChecksum. Needs "
                            + "binary=true. Not the checksumFileAlgorithm of camel-file, which writes a checksum "
                            + "file. Not in ftp:")
    private FtplibVerifyChecksum verifyChecksum = FtplibVerifyChecksum.NONE;
    @UriParam(label = "consumer", defaultValue = "true",
              description = "Whether the FTP consumer should download the file. If set to false the message body "
                            + "is null, but the consumer still triggers a route with the file's headers")
    private boolean download = true;
    @UriParam(label = "consumer,advanced", defaultValue = "false",
              description = "Resumes a download that failed part way, from the partial file in the "
                            + "localWorkDirectory (REST). Needs localWorkDirectory")
    private boolean resumeDownload;
    @UriParam(label = "advanced", defaultValue = "3",
              description = "Specifies the maximum reconnect attempts Camel performs when it tries to connect to "
                            + "the remote FTP server. Use 0 to disable this behavior")
    private int maximumReconnectAttempts = 3;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "Delay in millis Camel will wait before performing a reconnect attempt")
    private long reconnectDelay = 1000;
    @UriParam(defaultValue = "false",
              description = "Whether or not to disconnect from the remote FTP server right after use (after each "
                            + "poll or upload)")
    private boolean disconnect;
    @UriParam(defaultValue = "false",
              description = "Whether or not to disconnect from the remote FTP server right after a batch upload is "
                            + "complete")
    private boolean disconnectOnBatchComplete;
    @UriParam(label = "advanced", defaultValue = "1",
              description = "How many logged-in connections a consumer or producer may use at once. Above 1, a "
                            + "consumer downloads and routes up to this many files of a poll in parallel (one per "
                            + "connection, each file committed on the connection that fetched it; the poll lists on "
                            + "the first), and a producer called from several threads uploads over up to this many "
                            + "connections. Extra connections log in when first needed and stay open like the first. "
                            + "Files of one poll then complete out of order (sortBy decides only the order they start "
                            + "in). Not in ftp:")
    private int maxConnections = 1;

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive
    @UriParam(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "Sends NOOP on the control connection this often while a file is downloaded or "
                            + "uploaded, so a firewall or NAT that drops connections idle for longer keeps it and "
                            + "the transfer's final reply (226) still arrives; 0 (the default) sends none. The NOOP "
                            + "replies are read after the data with the final reply, in whatever order the server "
                            + "sends them. As ftp:'s ftpClient.controlKeepAliveTimeout, which counts seconds")
    private int controlKeepAliveTimeout;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "How long each keepalive NOOP reply still owed after a transfer's final reply is "
                            + "awaited. When one does not come the transfer still counts, and the connection is "
                            + "opened anew for the next operation")
    private int controlKeepAliveReplyTimeout = 1000;
    @UriParam(label = "advanced",
              description = "The IP address sent in PORT/EPRT in active mode (passiveMode=false) instead of the "
                            + "control connection's local address, for a client behind NAT: the router's public "
                            + "address, whose activePortRange it forwards to the client. An IPv4 or IPv6 address")
    private String activeExternalAddress;
    private InetAddress activeExternalInetAddress;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Sends EPSV instead of PASV on IPv4 connections too, for firewalls and NAT that rewrite "
                            + "or block the address in PASV replies; the data connection goes to the server's "
                            + "control address. PASV is sent when the server does not know EPSV")
    private boolean useEpsvWithIpv4;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Sends PRET with the transfer command before PASV/EPSV when the server's FEAT offers PRET, "
                            + "as distributed servers such as DrFTPD need to pick the node that serves the data. "
                            + "Servers that do not offer it never receive it")
    private boolean usePret = true;
    @UriParam(label = "security", defaultValue = "false",
              description = "Connects passive data connections to the address the server names in its PASV reply "
                            + "instead of the control connection's address, for servers whose data ports are on "
                            + "another host. Off by default, so a server cannot direct the client to another host "
                            + "(CVE-2021-4189)")
    private boolean trustPasvAddress;

    // ---- options of Camel's ftp: that a route moving to ftplib: keeps (see CamelFtpOptions for the rest)
    @UriParam(label = "advanced", defaultValue = "UNIX", enums = "UNIX,Windows,Auto",
              description = "The path separator of produced file names, as in ftp:. UNIX and Auto both mean /: "
                            + "FTP paths use / on every server ftplib: talks to (Windows servers such as IIS and "
                            + "FileZilla Server accept it too), so Auto does not depend on the local OS as in ftp:. "
                            + "Windows fails endpoint creation: the component builds and checks paths with /")
    private FtplibPathSeparator separator = FtplibPathSeparator.UNIX;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Accepted for routes moved from ftp:, where it replaces a directory listing by a listing "
                            + "of the one file. ftplib: always checks whether a file exists that way (MLST, else "
                            + "SIZE), so the value changes nothing")
    private boolean fastExistsCheck;
    @UriParam(label = "consumer,advanced", defaultValue = "false",
              description = "Allows you to set how the consumer will handle subfolders and files in the path if the "
                            + "directory parser results in with absolute paths. Some servers list a directory with "
                            + "paths (dir/name or /home/user/dir/name) instead of names: when true, the consumer "
                            + "uses the last segment of such a path as the name; when false such entries are skipped "
                            + "with a WARN, since a path could point outside the listed directory")
    private boolean handleDirectoryParserAbsoluteResult;
    @UriParam(label = "logging", defaultValue = "DEBUG", enums = "TRACE,DEBUG,INFO,WARN,ERROR,OFF",
              description = "Configure the logging level to use when logging the progress of upload and download "
                            + "operations: the start and end of each transfer, and its progress every "
                            + "transferLoggingIntervalSeconds while it runs (category "
                            + "io.camelftplib.camel.TransferProgress)")
    private LoggingLevel transferLoggingLevel = LoggingLevel.DEBUG;
    @UriParam(label = "logging", defaultValue = "5",
              description = "Configures the interval in seconds to use when logging the progress of upload and "
                            + "download operations that are in-flight. This is used for logging progress when "
                            + "operations take a longer time")
    private int transferLoggingIntervalSeconds = 5;
    @UriParam(label = "logging", defaultValue = "false",
              description = "Configures whether perform verbose (fine-grained) logging of the progress of upload "
                            + "and download operations: every block read or written, at transferLoggingLevel")
    private boolean transferLoggingVerbose;

    // ------------------------------------------------------------ proxy (HTTP CONNECT or SOCKS5)
    @UriParam(label = "proxy", defaultValue = "none", enums = "none,http,socks5",
              description = "Sends the control connection and every passive data connection through a proxy: http "
                            + "(HTTP CONNECT, Basic authentication with proxyUsername) or socks5 (SOCKS5, "
                            + "username/password authentication with proxyUsername, else none). FTPS runs end to end "
                            + "over the tunnel and checks the FTP host's certificate. Needs proxyHost and "
                            + "passiveMode=true (the server cannot connect back through a proxy)")
    private FtplibProxyType proxyType = FtplibProxyType.NONE;
    @UriParam(label = "proxy", description = "The proxy's host name or address; required with proxyType")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The proxy's port, 1-65535; required with proxyType")
    private Integer proxyPort;
    @UriParam(label = "proxy,security", secret = true,
              description = "The proxy login (HTTP Basic authentication, SOCKS5 username/password); none by default")
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true, description = "The password of proxyUsername")
    private String proxyPassword;
    private FtpProxy proxy;

    /** Creates an empty configuration, for tooling. */
    public FtplibConfiguration() {
    }

    /**
     * Creates a configuration from an endpoint URI's authority and path.
     *
     * @param uri the base URI, e.g. {@code ftplib://alice@host:2121/in}
     */
    public FtplibConfiguration(URI uri) {
        configure(uri);
    }

    /**
     * Reads host, port, user (and a legacy {@code user:password}) and directory from the URI.
     *
     * @param uri the base URI without query
     */
    @Override
    public void configure(URI uri) {
        EndpointAddress address = EndpointAddress.of(uri);
        setHost(address.host());
        setPort(address.port() > 0 ? address.port() : DEFAULT_PORT);
        String userInfo = address.userInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                setPassword(decode(userInfo.substring(colon + 1)));
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        // the first slash separates host and path; a second one makes the path absolute (as ftp: does)
        setDirectory(path.startsWith("/") ? path.substring(1) : path);
        setDirectoryName(getDirectory());
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Keeps remote paths as given: FTP paths always use {@code /}, whatever the local OS.
     *
     * @return false
     */
    @Override
    public boolean needToNormalize() {
        return false;
    }

    /**
     * Describes the server for logs and errors, without credentials.
     *
     * @return e.g. {@code ftplib://alice@host:21}
     */
    public String remoteServerInformation() {
        return "ftplib://" + (username == null ? "" : username + "@") + host + ":" + port;
    }

    // ------------------------------------------------------------ accessors

    /** @return the host */
    public String getHost() {
        return host;
    }

    /** @param host the host */
    public void setHost(String host) {
        this.host = host;
    }

    /** @return the control port */
    public int getPort() {
        return port;
    }

    /** @param port the control port; 0 or less means 21 */
    public void setPort(int port) {
        this.port = port > 0 ? port : DEFAULT_PORT;
    }

    /** @return the starting directory as given in the URI */
    public String getDirectoryName() {
        return directoryName;
    }

    /** @param directoryName the starting directory */
    public void setDirectoryName(String directoryName) {
        this.directoryName = directoryName;
    }

    /** @return the user, or null for anonymous */
    public String getUsername() {
        return username;
    }

    /** @param username the user */
    public void setUsername(String username) {
        this.username = username;
    }

    /** @return the password */
    public String getPassword() {
        return password;
    }

    /** @param password the password */
    public void setPassword(String password) {
        this.password = password;
    }

    /** @return the account */
    public String getAccount() {
        return account;
    }

    /** @param account the account for ACCT */
    public void setAccount(String account) {
        this.account = account;
    }

    /** @return whether credentials come from a .netrc */
    public boolean isUseNetrc() {
        return useNetrc;
    }

    /** @param useNetrc true to read credentials from a .netrc */
    public void setUseNetrc(boolean useNetrc) {
        this.useNetrc = useNetrc;
    }

    /** @return the .netrc path, or null for ~/.netrc */
    public String getNetrcFile() {
        return netrcFile;
    }

    /** @param netrcFile the .netrc path */
    public void setNetrcFile(String netrcFile) {
        this.netrcFile = netrcFile;
    }

    /** @return whether transfers are binary */
    public boolean isBinary() {
        return binary;
    }

    /** @param binary true for TYPE I, false for TYPE A */
    public void setBinary(boolean binary) {
        this.binary = binary;
    }

    /** @return whether passive mode is on */
    public boolean isPassiveMode() {
        return passiveMode;
    }

    /** @param passiveMode true for PASV/EPSV */
    public void setPassiveMode(boolean passiveMode) {
        this.passiveMode = passiveMode;
    }

    /** @return the active port range as given, or null */
    public String getActivePortRange() {
        return activePortRange;
    }

    /**
     * Sets the active-mode port range.
     *
     * @param activePortRange {@code min-max}
     * @throws IllegalArgumentException when it is not {@code min-max} with 1 &lt;= min &lt;= max &lt;= 65535 (the
     *                                  engine's {@link PortRange} rule)
     */
    public void setActivePortRange(String activePortRange) {
        this.activePorts = activePortRange == null ? null : PortRange.parse(activePortRange);
        this.activePortRange = activePortRange;
    }

    /** @return the active port range, parsed, or null for a port the OS picks */
    PortRange activePorts() {
        return activePorts;
    }

    /** @return the connect timeout in milliseconds */
    public int getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout in milliseconds */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the control connection read timeout in milliseconds */
    public int getSoTimeout() {
        return soTimeout;
    }

    /** @param soTimeout the control connection read timeout in milliseconds */
    public void setSoTimeout(int soTimeout) {
        this.soTimeout = soTimeout;
    }

    /** @return how long a whole directory listing may take, in milliseconds */
    public int getListingTimeout() {
        return listingTimeout;
    }

    /** @param listingTimeout how long a whole directory listing may take, in milliseconds */
    public void setListingTimeout(int listingTimeout) {
        this.listingTimeout = listingTimeout;
    }

    /** @return the data connection timeout in milliseconds */
    public int getTimeout() {
        return timeout;
    }

    /** @param timeout the data connection timeout in milliseconds */
    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    /** @return the control encoding name */
    public String getEncoding() {
        return encoding;
    }

    /**
     * Sets the control encoding.
     *
     * @param encoding a charset name
     * @throws IllegalArgumentException when the JVM does not know the charset
     */
    public void setEncoding(String encoding) {
        this.encodingCharset = Charset.forName(encoding);
        this.encoding = encoding;
    }

    /** @return the control encoding as a charset */
    public Charset encodingCharset() {
        return encodingCharset;
    }

    /** @return whether a failed connect throws */
    public boolean isThrowExceptionOnConnectFailed() {
        return throwExceptionOnConnectFailed;
    }

    /** @param throwExceptionOnConnectFailed true to fail the poll on a failed connect */
    public void setThrowExceptionOnConnectFailed(boolean throwExceptionOnConnectFailed) {
        this.throwExceptionOnConnectFailed = throwExceptionOnConnectFailed;
    }

    /** @return the SITE commands, one a line, or null */
    public String getSiteCommand() {
        return siteCommand;
    }

    /** @param siteCommand SITE commands, one a line */
    public void setSiteCommand(String siteCommand) {
        this.siteCommand = siteCommand;
    }

    /** @return whether directories are changed step by step */
    public boolean isStepwise() {
        return stepwise;
    }

    /** @param stepwise true to CWD into each directory */
    public void setStepwise(boolean stepwise) {
        this.stepwise = stepwise;
    }

    /** @return whether downloads stream */
    public boolean isStreamDownload() {
        return streamDownload;
    }

    /** @param streamDownload true to stream, false to download into memory */
    public void setStreamDownload(boolean streamDownload) {
        this.streamDownload = streamDownload;
    }

    /** @return whether directories are listed */
    public boolean isUseList() {
        return useList;
    }

    /** @param useList false to fetch the file named by fileName without listing */
    public void setUseList(boolean useList) {
        this.useList = useList;
    }

    /** @return whether 550 on list or download is ignored */
    public boolean isIgnoreFileNotFoundOrPermissionError() {
        return ignoreFileNotFoundOrPermissionError;
    }

    /** @param ignoreFileNotFoundOrPermissionError true to skip files answered 550 */
    public void setIgnoreFileNotFoundOrPermissionError(boolean ignoreFileNotFoundOrPermissionError) {
        this.ignoreFileNotFoundOrPermissionError = ignoreFileNotFoundOrPermissionError;
    }

    /** @return whether NOOP checks the connection before use */
    public boolean isSendNoop() {
        return sendNoop;
    }

    /** @param sendNoop true to check the connection with NOOP */
    public void setSendNoop(boolean sendNoop) {
        this.sendNoop = sendNoop;
    }

    /** @return the listing method */
    public FtplibListing getListing() {
        return listing;
    }

    /** @param listing the listing method */
    public void setListing(FtplibListing listing) {
        this.listing = listing;
    }

    /** @return the LIST dialect tried first */
    public ListingDialect getListingDialect() {
        return listingDialect;
    }

    /** @param listingDialect the LIST dialect tried first; auto detects it */
    public void setListingDialect(ListingDialect listingDialect) {
        this.listingDialect = listingDialect;
    }

    /** @return the language of LIST month names, or null for all known ones */
    public String getServerLanguageCode() {
        return serverLanguageCode;
    }

    /**
     * Sets the language of LIST month names.
     *
     * @param serverLanguageCode a language code such as {@code de}
     * @throws IllegalArgumentException when the language is not one whose month names are known
     */
    public void setServerLanguageCode(String serverLanguageCode) {
        this.serverLanguageCode = ListingOptions.checkLanguage(serverLanguageCode);
    }

    /** @return the pattern of LIST dates with a year, or null */
    public String getDefaultDateFormat() {
        return defaultDateFormat;
    }

    /**
     * Sets the pattern of LIST dates with a year.
     *
     * @param defaultDateFormat a {@link java.time.format.DateTimeFormatter} pattern
     * @throws IllegalArgumentException when it is not a valid pattern
     */
    public void setDefaultDateFormat(String defaultDateFormat) {
        ListingOptions.checkPattern("defaultDateFormat", defaultDateFormat);
        this.defaultDateFormat = defaultDateFormat;
    }

    /** @return the pattern of LIST dates without a year, or null */
    public String getRecentDateFormat() {
        return recentDateFormat;
    }

    /**
     * Sets the pattern of LIST dates without a year.
     *
     * @param recentDateFormat a {@link java.time.format.DateTimeFormatter} pattern
     * @throws IllegalArgumentException when it is not a valid pattern
     */
    public void setRecentDateFormat(String recentDateFormat) {
        ListingOptions.checkPattern("recentDateFormat", recentDateFormat);
        this.recentDateFormat = recentDateFormat;
    }

    /** @return the time zone ID of LIST times, or null for UTC */
    public String getServerTimeZoneId() {
        return serverTimeZoneId;
    }

    /**
     * Sets the time zone of LIST times.
     *
     * @param serverTimeZoneId a zone ID such as {@code Europe/Berlin}
     * @throws IllegalArgumentException when the JVM does not know the zone
     */
    public void setServerTimeZoneId(String serverTimeZoneId) {
        this.serverTimeZone = ListingOptions.checkZone(serverTimeZoneId);
        this.serverTimeZoneId = serverTimeZoneId;
    }

    /** @return how LIST lines are read, from the options above */
    public ListingOptions listingOptions() {
        return new ListingOptions(listingDialect, serverLanguageCode, defaultDateFormat, recentDateFormat,
                serverTimeZone);
    }

    /** @return the chmod mode for uploads, or null */
    public String getChmod() {
        return chmod;
    }

    /**
     * Sets the mode for SITE CHMOD after uploads.
     *
     * @param chmod octal digits, e.g. {@code 640}
     * @throws IllegalArgumentException when it is not 3 or 4 octal digits
     */
    public void setChmod(String chmod) {
        if (chmod != null && !chmod.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("chmod must be 3 or 4 octal digits such as 640, was '" + chmod + "'");
        }
        this.chmod = chmod;
    }

    /** @return whether a redelivered upload continues its temporary file */
    public boolean isResumeUpload() {
        return resumeUpload;
    }

    /** @param resumeUpload true to continue the temporary file of a failed upload on redelivery (APPE) */
    public void setResumeUpload(boolean resumeUpload) {
        this.resumeUpload = resumeUpload;
    }

    /** @return how transfers are compared with the server's digest */
    public FtplibVerifyChecksum getVerifyChecksum() {
        return verifyChecksum;
    }

    /** @param verifyChecksum none, auto or required */
    public void setVerifyChecksum(FtplibVerifyChecksum verifyChecksum) {
        this.verifyChecksum = verifyChecksum;
    }

    /** @return whether the consumer downloads */
    public boolean isDownload() {
        return download;
    }

    /** @param download false to route only the headers */
    public void setDownload(boolean download) {
        this.download = download;
    }

    /** @return whether downloads resume from a partial local file */
    public boolean isResumeDownload() {
        return resumeDownload;
    }

    /** @param resumeDownload true to resume with REST */
    public void setResumeDownload(boolean resumeDownload) {
        this.resumeDownload = resumeDownload;
    }

    /** @return the reconnect attempts */
    public int getMaximumReconnectAttempts() {
        return maximumReconnectAttempts;
    }

    /** @param maximumReconnectAttempts the reconnect attempts, 0 for none */
    public void setMaximumReconnectAttempts(int maximumReconnectAttempts) {
        this.maximumReconnectAttempts = maximumReconnectAttempts;
    }

    /** @return the delay between reconnect attempts in milliseconds */
    public long getReconnectDelay() {
        return reconnectDelay;
    }

    /** @param reconnectDelay the delay between reconnect attempts in milliseconds */
    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    /** @return whether to disconnect after each use */
    public boolean isDisconnect() {
        return disconnect;
    }

    /** @param disconnect true to disconnect after each poll or upload */
    public void setDisconnect(boolean disconnect) {
        this.disconnect = disconnect;
    }

    /** @return whether to disconnect after a batch upload */
    public boolean isDisconnectOnBatchComplete() {
        return disconnectOnBatchComplete;
    }

    /** @param disconnectOnBatchComplete true to disconnect when a batch is complete */
    public void setDisconnectOnBatchComplete(boolean disconnectOnBatchComplete) {
        this.disconnectOnBatchComplete = disconnectOnBatchComplete;
    }

    /** @return how many connections a consumer or producer may use at once */
    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Sets how many connections a consumer or producer may use at once.
     *
     * @param maxConnections at least 1
     * @throws IllegalArgumentException when below 1
     */
    public void setMaxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        this.maxConnections = maxConnections;
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive

    /** @return the control keepalive interval in milliseconds, 0 for none */
    public int getControlKeepAliveTimeout() {
        return controlKeepAliveTimeout;
    }

    /**
     * Sets the control keepalive interval.
     *
     * @param controlKeepAliveTimeout milliseconds, 0 for none
     * @throws IllegalArgumentException when negative
     */
    public void setControlKeepAliveTimeout(long controlKeepAliveTimeout) {
        this.controlKeepAliveTimeout = NetworkOptions.checkMillis("controlKeepAliveTimeout", controlKeepAliveTimeout,
                0);
    }

    /** @return how long a keepalive NOOP reply owed after a transfer is awaited, in milliseconds */
    public int getControlKeepAliveReplyTimeout() {
        return controlKeepAliveReplyTimeout;
    }

    /**
     * Sets how long a keepalive NOOP reply owed after a transfer is awaited.
     *
     * @param controlKeepAliveReplyTimeout milliseconds, at least 1
     * @throws IllegalArgumentException when below 1
     */
    public void setControlKeepAliveReplyTimeout(long controlKeepAliveReplyTimeout) {
        this.controlKeepAliveReplyTimeout = NetworkOptions.checkMillis("controlKeepAliveReplyTimeout",
                controlKeepAliveReplyTimeout, 1);
    }

    /** @return the address advertised in active mode as given, or null */
    public String getActiveExternalAddress() {
        return activeExternalAddress;
    }

    /**
     * Sets the address advertised in active mode.
     *
     * @param activeExternalAddress an IPv4 or IPv6 address, or null for the local one
     * @throws IllegalArgumentException when it is not an IP address
     */
    public void setActiveExternalAddress(String activeExternalAddress) {
        this.activeExternalInetAddress = NetworkOptions.parseAddress("activeExternalAddress", activeExternalAddress);
        this.activeExternalAddress = activeExternalAddress;
    }

    /** @return the address advertised in active mode, parsed, or null for the local one */
    InetAddress activeExternalInetAddress() {
        return activeExternalInetAddress;
    }

    /** @return whether EPSV is sent on IPv4 */
    public boolean isUseEpsvWithIpv4() {
        return useEpsvWithIpv4;
    }

    /** @param useEpsvWithIpv4 true to send EPSV instead of PASV on IPv4 */
    public void setUseEpsvWithIpv4(boolean useEpsvWithIpv4) {
        this.useEpsvWithIpv4 = useEpsvWithIpv4;
    }

    /** @return whether PRET is sent to servers that offer it */
    public boolean isUsePret() {
        return usePret;
    }

    /** @param usePret true to send PRET to servers whose FEAT offers it */
    public void setUsePret(boolean usePret) {
        this.usePret = usePret;
    }

    /** @return whether the address of a PASV reply is connected to */
    public boolean isTrustPasvAddress() {
        return trustPasvAddress;
    }

    /** @param trustPasvAddress true to connect to the address a PASV reply names */
    public void setTrustPasvAddress(boolean trustPasvAddress) {
        this.trustPasvAddress = trustPasvAddress;
    }

    // ---- accessors of the options kept from ftp:

    /** @return the separator of produced paths */
    public FtplibPathSeparator getSeparator() {
        return separator;
    }

    /**
     * Sets the separator of produced paths.
     *
     * @param separator UNIX or Auto (both /)
     * @throws IllegalArgumentException for Windows, naming what to do instead
     */
    public void setSeparator(FtplibPathSeparator separator) {
        if (separator == FtplibPathSeparator.Windows) {
            throw new IllegalArgumentException("separator=Windows is not supported by ftplib: endpoints: paths are "
                    + "built and checked with /, which Windows FTP servers (IIS, FileZilla Server) accept as well; "
                    + "use separator=UNIX or remove the option");
        }
        this.separator = separator;
    }

    /** @return whether fastExistsCheck was given; it changes nothing */
    public boolean isFastExistsCheck() {
        return fastExistsCheck;
    }

    /** @param fastExistsCheck accepted for ftp: routes; exists checks are always of the one file */
    public void setFastExistsCheck(boolean fastExistsCheck) {
        this.fastExistsCheck = fastExistsCheck;
    }

    /** @return whether listed paths are reduced to their last segment */
    public boolean isHandleDirectoryParserAbsoluteResult() {
        return handleDirectoryParserAbsoluteResult;
    }

    /** @param handleDirectoryParserAbsoluteResult true to use the last segment of a listed path as the name */
    public void setHandleDirectoryParserAbsoluteResult(boolean handleDirectoryParserAbsoluteResult) {
        this.handleDirectoryParserAbsoluteResult = handleDirectoryParserAbsoluteResult;
    }

    /** @return the level of transfer progress lines */
    public LoggingLevel getTransferLoggingLevel() {
        return transferLoggingLevel;
    }

    /** @param transferLoggingLevel the level of transfer progress lines, OFF for none */
    public void setTransferLoggingLevel(LoggingLevel transferLoggingLevel) {
        this.transferLoggingLevel = transferLoggingLevel;
    }

    /** @return seconds between two progress lines of one transfer */
    public int getTransferLoggingIntervalSeconds() {
        return transferLoggingIntervalSeconds;
    }

    /**
     * Sets the seconds between two progress lines of one transfer.
     *
     * @param transferLoggingIntervalSeconds at least 1
     * @throws IllegalArgumentException when below 1
     */
    public void setTransferLoggingIntervalSeconds(int transferLoggingIntervalSeconds) {
        if (transferLoggingIntervalSeconds < 1) {
            throw new IllegalArgumentException("transferLoggingIntervalSeconds must be at least 1, was "
                    + transferLoggingIntervalSeconds);
        }
        this.transferLoggingIntervalSeconds = transferLoggingIntervalSeconds;
    }

    /** @return whether every block of a transfer is logged */
    public boolean isTransferLoggingVerbose() {
        return transferLoggingVerbose;
    }

    /** @param transferLoggingVerbose true to log every block of a transfer */
    public void setTransferLoggingVerbose(boolean transferLoggingVerbose) {
        this.transferLoggingVerbose = transferLoggingVerbose;
    }

    /** The engine's proxy built from the proxy options by {@link #resolveProxy}; null connects directly. */
    FtpProxy proxy() {
        return proxy;
    }

    /**
     * Checks the proxy options and builds the engine's proxy, when the endpoint is created.
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    void resolveProxy(String endpoint) {
        proxy = FtplibProxies.of(this, endpoint);
    }

    /** @return the proxy type, NONE to connect directly */
    public FtplibProxyType getProxyType() {
        return proxyType;
    }

    /** @param proxyType none, http or socks5 */
    public void setProxyType(FtplibProxyType proxyType) {
        this.proxyType = proxyType;
    }

    /** @return the proxy's host */
    public String getProxyHost() {
        return proxyHost;
    }

    /** @param proxyHost the proxy's host name or address */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    /** @return the proxy's port, or null when not set */
    public Integer getProxyPort() {
        return proxyPort;
    }

    /** @param proxyPort the proxy's port */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** @return the proxy login */
    public String getProxyUsername() {
        return proxyUsername;
    }

    /** @param proxyUsername the proxy login */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    /** @return the proxy password */
    public String getProxyPassword() {
        return proxyPassword;
    }

    /** @param proxyPassword the proxy password */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    @Override
    public String toString() {
        return remoteServerInformation() + "/" + getDirectory();
    }
}
