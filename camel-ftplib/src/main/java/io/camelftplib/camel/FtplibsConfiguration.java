package io.camelftplib.camel;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an {@code ftplibs:} endpoint: those of {@code ftplib:} plus FTPS (RFC 4217). TLS session reuse
 * between control and data connections is always on; the engine does it.
 *
 * <p>Not thread-safe: configured once, then only read.
 */
@UriParams
public class FtplibsConfiguration extends FtplibConfiguration {

    @UriParam(defaultValue = "TLSv1.3",
              description = "The SSLContext protocol when no sslContextParameters are given, as for ftps:. The JDK "
                            + "then offers this TLS version and the older ones it has not disabled, so TLSv1.3 also "
                            + "connects to TLS 1.2 servers while TLSv1.2 never uses TLS 1.3")
    private String securityProtocol = "TLSv1.3";
    @UriParam(defaultValue = "false",
              description = "Set the security mode (Implicit/Explicit). true - Implicit Mode (TLS from the first "
                            + "byte, usually port 990) / False - Explicit Mode (AUTH TLS)")
    private boolean implicit;
    @UriParam(label = "security", defaultValue = "P", enums = "C,P",
              description = "The data channel protection level: P (private, PROT P, the default) or C (clear, "
                            + "PROT C: only the control connection is encrypted)")
    private String execProt = "P";
    @UriParam(label = "security", defaultValue = "0",
              description = "The protection buffer size sent with PBSZ before PROT. RFC 4217 allows only 0 over TLS, "
                            + "so any other value fails endpoint creation")
    private long execPbsz;
    @UriParam(label = "security", defaultValue = "true",
              description = "Whether the server certificate must match the host name (RFC 6125). On by default, "
                            + "unlike ftps: which does not check host names")
    private boolean verifyHostname = true;

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive
    @UriParam(label = "security", defaultValue = "false",
              description = "Sends CCC after login (and after PBSZ/PROT) so the control connection continues in "
                            + "plain text (RFC 4217 section 11), for firewalls and NAT that must read PORT/PASV "
                            + "replies to open data ports. The login stays encrypted; data connections keep "
                            + "execProt")
    private boolean clearCommandChannel;
    private final boolean portInUri;
    // ---- options of Camel's ftps: that a route moving to ftplibs: keeps
    @UriParam(label = "security", defaultValue = "false",
              description = "Use this option to disable default options when using secure data channel. When true, "
                            + "no PBSZ and PROT are sent after login, so the data connections stay in whatever "
                            + "protection the server starts with (clear, for RFC 4217 servers) unless execProt is "
                            + "given in the URI, which is then sent as with ftps:")
    private boolean disableSecureDataChannelDefaults;
    @UriParam(label = "security", prefix = "ftpClient.keyStore.", multiValue = true,
              description = "The client key store, as in ftps:: ftpClient.keyStore.file (a file, or classpath: or "
                            + "http: resource), .type (default the JDK's), .password, .keyPassword and .algorithm. "
                            + "Another way to give sslContextParameters: the two cannot be combined")
    private Map<String, Object> ftpClientKeyStoreParameters;
    @UriParam(label = "security", prefix = "ftpClient.trustStore.", multiValue = true,
              description = "The trust store, as in ftps:: ftpClient.trustStore.file, .type, .password and "
                            + ".algorithm. Another way to give sslContextParameters: the two cannot be combined")
    private Map<String, Object> ftpClientTrustStoreParameters;
    private boolean execProtGiven;

    /** Creates an empty configuration, for tooling. */
    public FtplibsConfiguration() {
        this.portInUri = false;
    }

    /**
     * Creates a configuration from an endpoint URI.
     *
     * @param uri the base URI, e.g. {@code ftplibs://alice@host/in}
     */
    public FtplibsConfiguration(URI uri) {
        super(uri);
        this.portInUri = EndpointAddress.of(uri).port() > 0;
    }

    /**
     * Tells whether the endpoint URI named a port; without one, implicit FTPS uses 990 instead of 21.
     *
     * @return true when the URI had a port
     */
    boolean hasPortInUri() {
        return portInUri;
    }

    /** @return the SSLContext protocol */
    public String getSecurityProtocol() {
        return securityProtocol;
    }

    /**
     * Sets the SSLContext protocol.
     *
     * @param securityProtocol the SSLContext protocol, e.g. TLSv1.3
     * @throws IllegalArgumentException when the JDK has no SSLContext for it
     */
    public void setSecurityProtocol(String securityProtocol) {
        try {
            SSLContext.getInstance(securityProtocol);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("securityProtocol " + securityProtocol + " is not an SSLContext "
                    + "protocol of this JVM; use e.g. TLSv1.3, TLSv1.2 or TLS", e);
        }
        this.securityProtocol = securityProtocol;
    }

    /** @return true for implicit FTPS */
    public boolean isImplicit() {
        return implicit;
    }

    /** @param implicit true for implicit FTPS */
    public void setImplicit(boolean implicit) {
        this.implicit = implicit;
    }

    /** @return the data protection level, P or C */
    public String getExecProt() {
        return execProt;
    }

    /**
     * Sets the data protection level.
     *
     * @param execProt P or C
     * @throws IllegalArgumentException for S or E (RFC 4217 does not allow them over TLS) or anything else
     */
    public void setExecProt(String execProt) {
        if (!"P".equals(execProt) && !"C".equals(execProt)) {
            throw new IllegalArgumentException("execProt must be P (private) or C (clear), was '" + execProt + "'");
        }
        this.execProt = execProt;
        this.execProtGiven = true;
    }

    /** @return the PBSZ value */
    public long getExecPbsz() {
        return execPbsz;
    }

    /**
     * Sets the PBSZ value.
     *
     * @param execPbsz the PBSZ value; only 0 is valid over TLS
     * @throws IllegalArgumentException for any other value (RFC 4217 section 9)
     */
    public void setExecPbsz(long execPbsz) {
        if (execPbsz != 0) {
            throw new IllegalArgumentException("execPbsz must be 0: RFC 4217 section 9 allows only PBSZ 0 over TLS, "
                    + "was " + execPbsz);
        }
        this.execPbsz = execPbsz;
    }

    /** @return whether host names are verified */
    public boolean isVerifyHostname() {
        return verifyHostname;
    }

    /** @param verifyHostname false to skip the host name check (not recommended) */
    public void setVerifyHostname(boolean verifyHostname) {
        this.verifyHostname = verifyHostname;
    }

    // ---- accessors of the options kept from ftps:

    /** @return whether PBSZ and PROT are left out unless execProt is given */
    public boolean isDisableSecureDataChannelDefaults() {
        return disableSecureDataChannelDefaults;
    }

    /** @param disableSecureDataChannelDefaults true to send PBSZ and PROT only for an execProt given in the URI */
    public void setDisableSecureDataChannelDefaults(boolean disableSecureDataChannelDefaults) {
        this.disableSecureDataChannelDefaults = disableSecureDataChannelDefaults;
    }

    /**
     * Tells whether PBSZ and PROT are sent after login: always, unless {@code disableSecureDataChannelDefaults} is
     * on and no {@code execProt} was given.
     *
     * @return true to send them
     */
    boolean sendsDataChannelProtection() {
        return !disableSecureDataChannelDefaults || execProtGiven;
    }

    /** @return the key store settings ({@code ftpClient.keyStore.*}), or null */
    public Map<String, Object> getFtpClientKeyStoreParameters() {
        return ftpClientKeyStoreParameters;
    }

    /** @param ftpClientKeyStoreParameters the key store settings, keys without the prefix */
    public void setFtpClientKeyStoreParameters(Map<String, Object> ftpClientKeyStoreParameters) {
        this.ftpClientKeyStoreParameters = ftpClientKeyStoreParameters;
    }

    /** @return the trust store settings ({@code ftpClient.trustStore.*}), or null */
    public Map<String, Object> getFtpClientTrustStoreParameters() {
        return ftpClientTrustStoreParameters;
    }

    /** @param ftpClientTrustStoreParameters the trust store settings, keys without the prefix */
    public void setFtpClientTrustStoreParameters(Map<String, Object> ftpClientTrustStoreParameters) {
        this.ftpClientTrustStoreParameters = ftpClientTrustStoreParameters;
    }

    @Override
    public String remoteServerInformation() {
        return super.remoteServerInformation().replaceFirst("^ftplib:", "ftplibs:");
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive

    /** @return whether CCC is sent after login */
    public boolean isClearCommandChannel() {
        return clearCommandChannel;
    }

    /** @param clearCommandChannel true to send CCC after login */
    public void setClearCommandChannel(boolean clearCommandChannel) {
        this.clearCommandChannel = clearCommandChannel;
    }
}
