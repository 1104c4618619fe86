package io.camelftplib.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;

/**
 * Turns the embedded server's generated PKCS12 keystore into the PEM certificate a client trusts, in Java (no
 * openssl needed), as a Spring Boot PEM SSL bundle reads it.
 */
final class Pem {

    private Pem() {
    }

    /**
     * Writes the keystore's certificate as PEM, replacing what the file held (which is how a reload is triggered).
     *
     * @param keyStore the server's PKCS12 keystore
     * @param target   the PEM file
     * @return {@code target}
     * @throws IOException when reading or writing fails
     */
    static Path writeCertificate(Path keyStore, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, certificate(keyStore), StandardCharsets.US_ASCII);
        // one rename, so the bundle watcher never sees a half-written file
        return Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Returns the keystore's certificate as PEM text.
     *
     * @param keyStore the server's PKCS12 keystore
     * @return {@code -----BEGIN CERTIFICATE-----} ...
     * @throws IOException when reading fails
     */
    static String certificate(Path keyStore) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, EmbeddedFtpServerExtension.STORE_PASSWORD.toCharArray());
            byte[] der = store.getCertificate("server").getEncoded();
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate of " + keyStore, e);
        }
    }
}
