package io.camelftplib.camel;

import java.net.URI;

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
              description = "Set the underlying security protocol (the SSLContext protocol) when no "
                            + "sslContextParameters are given")
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
              description = "When using secure data channel you can set the exec protection buffer size (PBSZ)")
    private long execPbsz;
    @UriParam(label = "security", defaultValue = "true",
              description = "Whether the server certificate must match the host name (RFC 6125). On by default, "
                            + "unlike ftps: which does not check host names")
    private boolean verifyHostname = true;

    /** Creates an empty configuration, for tooling. */
    public FtplibsConfiguration() {
    }

    /**
     * Creates a configuration from an endpoint URI.
     *
     * @param uri the base URI, e.g. {@code ftplibs://alice@host/in}
     */
    public FtplibsConfiguration(URI uri) {
        super(uri);
    }

    /** @return the SSLContext protocol */
    public String getSecurityProtocol() {
        return securityProtocol;
    }

    /** @param securityProtocol the SSLContext protocol, e.g. TLSv1.3 */
    public void setSecurityProtocol(String securityProtocol) {
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
    }

    /** @return the PBSZ value */
    public long getExecPbsz() {
        return execPbsz;
    }

    /** @param execPbsz the PBSZ value, 0 for TLS */
    public void setExecPbsz(long execPbsz) {
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

    @Override
    public String remoteServerInformation() {
        return super.remoteServerInformation().replaceFirst("^ftplib:", "ftplibs:");
    }
}
