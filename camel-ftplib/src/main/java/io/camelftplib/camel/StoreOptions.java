package io.camelftplib.camel;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Turns the key and trust store settings of Camel's {@code ftps:} ({@code ftpClient.keyStore.*} and
 * {@code ftpClient.trustStore.*}) into the {@link SSLContextParameters} an {@code ftplibs:} endpoint builds its
 * SSL context from, so those URIs keep working. Unknown keys fail, naming the ones that exist.
 *
 * <p>Stateless; thread-safe.
 */
final class StoreOptions {

    private static final Set<String> KEY_STORE_KEYS = Set.of("file", "type", "password", "keyPassword", "algorithm");
    private static final Set<String> TRUST_STORE_KEYS = Set.of("file", "type", "password", "algorithm");

    private StoreOptions() {
    }

    /**
     * Builds the parameters from the two maps; either may be null or empty.
     *
     * @param keyStore   the {@code ftpClient.keyStore.*} settings, keys without the prefix
     * @param trustStore the {@code ftpClient.trustStore.*} settings
     * @param protocol   the SSLContext protocol ({@code securityProtocol})
     * @return the parameters
     * @throws IllegalArgumentException for an unknown key or a store without {@code file}
     */
    static SSLContextParameters toSslContextParameters(Map<String, Object> keyStore, Map<String, Object> trustStore,
                                                       String protocol) {
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setSecureSocketProtocol(protocol);
        if (keyStore != null && !keyStore.isEmpty()) {
            Map<String, String> settings = checked("ftpClient.keyStore.", keyStore, KEY_STORE_KEYS);
            KeyManagersParameters keyManagers = new KeyManagersParameters();
            keyManagers.setKeyStore(store(settings));
            keyManagers.setKeyPassword(settings.getOrDefault("keyPassword", settings.get("password")));
            keyManagers.setAlgorithm(settings.get("algorithm"));
            parameters.setKeyManagers(keyManagers);
        }
        if (trustStore != null && !trustStore.isEmpty()) {
            Map<String, String> settings = checked("ftpClient.trustStore.", trustStore, TRUST_STORE_KEYS);
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(store(settings));
            trustManagers.setAlgorithm(settings.get("algorithm"));
            parameters.setTrustManagers(trustManagers);
        }
        return parameters;
    }

    private static KeyStoreParameters store(Map<String, String> settings) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource(settings.get("file"));
        store.setType(settings.get("type"));
        store.setPassword(settings.get("password"));
        return store;
    }

    private static Map<String, String> checked(String prefix, Map<String, Object> given, Set<String> known) {
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("Unknown option " + prefix + e.getKey() + ": the " + prefix
                        + "* options are " + String.join(", ", known.stream().sorted().toList()));
            }
            settings.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString());
        }
        if (settings.get("file") == null) {
            throw new IllegalArgumentException(prefix + "file is missing: it names the store the other " + prefix
                    + "* options describe");
        }
        return settings;
    }
}
