package io.camelftplib.ftplib.testing;

import java.util.Locale;
import java.util.Optional;

/** What a data connection carries, as the command that used it says; and so which way its data flows. */
enum TransferKind {
    /** {@code RETR}: the file flows from the server to the client. */
    DOWNLOAD(true),
    /** {@code STOR}, {@code APPE}, {@code STOU}: the file flows from the client to the server. */
    UPLOAD(false),
    /** {@code LIST}, {@code NLST}, {@code MLSD}: a listing flows from the server to the client. */
    LISTING(true);

    private final boolean fromServer;

    TransferKind(boolean fromServer) {
        this.fromServer = fromServer;
    }

    /** Whether the data flows from the server to the client. */
    boolean fromServer() {
        return fromServer;
    }

    /** The kind of transfer a command starts, or empty for a command that opens no data transfer. */
    static Optional<TransferKind> of(String verb) {
        return switch (verb.toUpperCase(Locale.ROOT)) {
            case "RETR" -> Optional.of(DOWNLOAD);
            case "STOR", "APPE", "STOU" -> Optional.of(UPLOAD);
            case "LIST", "NLST", "MLSD" -> Optional.of(LISTING);
            default -> Optional.empty();
        };
    }
}
