package io.camelftplib.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import io.camelftplib.ftplib.FtpPermException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps modification times with {@code keepLastModified}, in both directions. An upload gets the time of the
 * header {@code CamelFileLastModified} (a {@link Date} or epoch milliseconds, as camel-file's producer reads it) with
 * {@code MFMT} when the server's FEAT lists it, else with the two-argument {@code MDTM time name} that vsftpd
 * understands (a server that refuses both leaves the upload's time, with a WARN), sent after the transfer and before
 * camel-file renames a temporary name into place, which keeps the time. A download into the
 * {@code localWorkDirectory} gets the remote file's time on the local file; that time is as precise as the
 * listing: seconds from MLSD, or from MLST or MDTM when the listing gave none (NLST), minutes from a Unix LIST line
 * of the last six months, days from older ones.
 *
 * <p>Stateless; thread-safe.
 */
final class LastModifiedKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LastModifiedKeeper.class);
    private static final DateTimeFormatter MFMT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private LastModifiedKeeper() {
    }

    /**
     * Sets the uploaded file's time from the exchange, when {@code keepLastModified} asks and the header has one.
     *
     * @param endpoint the endpoint
     * @param session  the session that uploaded the file
     * @param name     the file as the upload named it
     * @param exchange the exchange
     * @throws IOException when the server refuses MFMT, or the connection fails
     */
    static void keepOnServer(FtplibEndpoint endpoint, FtplibSession session, String name, Exchange exchange)
            throws IOException {
        if (!endpoint.isKeepLastModified()) {
            return;
        }
        Long time = timeOf(exchange);
        if (time == null) {
            return;
        }
        String stamp = MFMT_TIME.format(Instant.ofEpochMilli(time));
        if (session.features().has("MFMT")) {
            session.client().voidCmd("MFMT " + stamp + " " + name);
            return;
        }
        // vsftpd (mdtm_write, on by default) and a few others set the time with MDTM and two arguments; a server
        // that knows only the reading form looks for a file named "<time> <name>" and answers 550
        try {
            session.client().voidCmd("MDTM " + stamp + " " + name);
        } catch (FtpPermException e) {
            LOG.warn("Cannot keep the modification time of {} on {}: the server offers no MFMT and refused MDTM with "
                    + "a time ({}); the file keeps the time of its upload", name,
                    endpoint.getConfiguration().remoteServerInformation(), e.reply());
        }
    }

    private static Long timeOf(Exchange exchange) {
        Date date = exchange.getIn().getHeader(FtplibConstants.FILE_LAST_MODIFIED, Date.class);
        return date != null ? Long.valueOf(date.getTime())
                : exchange.getIn().getHeader(FtplibConstants.FILE_LAST_MODIFIED, Long.class);
    }

    /**
     * Gives a downloaded local file the remote file's time, when {@code keepLastModified} asks and the listing told
     * it.
     *
     * @param endpoint the endpoint
     * @param local    the local file in the work directory
     * @param remote   what the listing (or MLST, or MDTM) told of the remote file
     * @throws IOException when the local time cannot be set
     */
    static void keepLocally(FtplibEndpoint endpoint, Path local, FtplibFile remote) throws IOException {
        if (endpoint.isKeepLastModified() && remote != null && remote.lastModified() >= 0) {
            Files.setLastModifiedTime(local, FileTime.fromMillis(remote.lastModified()));
        }
    }
}
