package io.camelftplib.camel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * Gives the embedded server the hash commands it lacks, as ProFTPD's mod_digest answers them: {@code FEAT} lists
 * the offered ones ({@code HASH SHA-256;SHA-1;MD5;CRC32} and the one-algorithm commands), {@code OPTS HASH <alg>}
 * answers {@code 200 <alg>}, {@code HASH <path>} answers {@code 213 <alg> 0-<size> <hex> <path>}, and
 * {@code XSHA256}/{@code XSHA1}/{@code XMD5}/{@code XCRC <path>} answer {@code 250 <hex>}. The digest is of the file
 * as stored on disk. Offers nothing until {@link #offer} is called, so the server then looks like one without them.
 *
 * <p>Thread-safe: the offer is replaced whole; the selected algorithm is a session attribute.
 */
final class DigestFtplet extends DefaultFtplet {

    /** Apache FtpServer's own FEAT lines (its FtpStatus.properties), which the extended reply repeats. */
    private static final String BASE_FEATURES = " SIZE\n MDTM\n REST STREAM\n LANG en;zh-tw;ja;is\n"
            + " MLST Size;Modify;Type;Perm\n AUTH SSL\n AUTH TLS\n MODE Z\n UTF8\n TVFS\n MD5\n MMD5\n MFMT\n";
    private static final Map<String, String> COMMANDS = Map.of("XSHA256", "SHA-256", "XSHA1", "SHA-1",
            "XMD5", "MD5", "XCRC", "CRC32");

    private volatile List<String> offered = List.of();

    /**
     * Sets the commands FEAT lists and the server answers from the next connection on.
     *
     * @param features e.g. {@code HASH}, {@code XSHA256}; none to offer nothing
     */
    void offer(String... features) {
        offered = List.of(features);
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
        List<String> features = offered;
        // the request line, not getCommand(): Apache FtpServer drops the X of X-commands (XSHA256 becomes SHA256)
        String line = request.getRequestLine().strip();
        String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        String argument = request.getArgument();
        if (features.isEmpty()) {
            return FtpletResult.DEFAULT;
        }
        if (command.equals("FEAT")) {
            StringBuilder lines = new StringBuilder("Extensions supported\n").append(BASE_FEATURES);
            for (String feature : features) {
                lines.append(' ').append(feature.equals("HASH") ? "HASH SHA-256;SHA-1;MD5;CRC32" : feature)
                        .append('\n');
            }
            session.write(new DefaultFtpReply(211, lines.append("End").toString()));
            return FtpletResult.SKIP;
        }
        if (command.equals("OPTS") && argument != null && argument.toUpperCase(Locale.ROOT).startsWith("HASH ")
                && features.contains("HASH")) {
            String algorithm = argument.substring(5).strip().toUpperCase(Locale.ROOT);
            session.setAttribute("hash", algorithm);
            session.write(new DefaultFtpReply(200, algorithm));
            return FtpletResult.SKIP;
        }
        if (command.equals("HASH") && features.contains("HASH")) {
            String algorithm = (String) session.getAttribute("hash");
            algorithm = algorithm == null ? "SHA-1" : algorithm;
            File file = (File) session.getFileSystemView().getFile(argument).getPhysicalFile();
            session.write(new DefaultFtpReply(213, algorithm + " 0-" + file.length() + " " + digest(file, algorithm)
                    + " " + argument));
            return FtpletResult.SKIP;
        }
        if (COMMANDS.containsKey(command) && features.contains(command)) {
            File file = (File) session.getFileSystemView().getFile(argument).getPhysicalFile();
            session.write(new DefaultFtpReply(250, digest(file, COMMANDS.get(command))));
            return FtpletResult.SKIP;
        }
        return FtpletResult.DEFAULT;
    }

    private static String digest(File file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            if (algorithm.equals("CRC32")) {
                CRC32 crc = new CRC32();
                crc.update(in.readAllBytes());
                return String.format("%08x", crc.getValue());
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
