package io.camelftplib.it;

import java.util.List;
import java.util.stream.Stream;

/**
 * How a test talks to a server: plain FTP or explicit FTPS with {@code PROT P} on one TLS version, passive or
 * active data connections.
 *
 * @param protocol the TLS version, e.g. {@code TLSv1.3}; null for plain FTP
 * @param passive  passive (PASV) or active (PORT) data connections
 */
record Mode(String protocol, boolean passive) {

    static final List<String> TLS_VERSIONS = List.of("TLSv1.2", "TLSv1.3");

    /** Plain and both TLS versions, each passive and active. */
    static Stream<Mode> all() {
        return Stream.of(new Mode(null, true), new Mode(null, false), new Mode("TLSv1.2", true),
                new Mode("TLSv1.2", false), new Mode("TLSv1.3", true), new Mode("TLSv1.3", false));
    }

    boolean tls() {
        return protocol != null;
    }

    /** The mode family the 100 MiB file runs in once per server: plain passive and the newest TLS, passive. */
    boolean carriesTheLargeFile() {
        return passive && (protocol == null || protocol.equals("TLSv1.3"));
    }

    @Override
    public String toString() {
        return (tls() ? "FTPS " + protocol : "plain") + (passive ? " passive" : " active");
    }
}
