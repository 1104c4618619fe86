package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;

/**
 * Type converters from a streamed download ({@link FtplibDownload}) to what routes read: an {@link InputStream}
 * (streaming), or {@code byte[]}/{@code String} (the whole file in memory, confirmed by the server before they
 * return).
 *
 * <p>Stateless; thread-safe.
 */
@Converter(generateLoader = true)
public final class FtplibConverters {

    private FtplibConverters() {
    }

    /**
     * Returns the download's stream (the same one each time: it can be read once).
     *
     * @param download the download
     * @return the stream
     */
    @Converter
    public static InputStream toInputStream(FtplibDownload download) {
        return download.getInputStream();
    }

    /**
     * Reads the whole download into memory.
     *
     * @param download the download
     * @return the bytes
     * @throws IOException when the transfer fails or the server does not confirm it
     */
    @Converter
    public static byte[] toBytes(FtplibDownload download) throws IOException {
        return download.content().readAllBytes();
    }

    /**
     * Reads the whole download into a string, in the exchange's charset (UTF-8 by default).
     *
     * @param download the download
     * @param exchange the exchange, for its charset
     * @return the text
     * @throws IOException when the transfer fails or the server does not confirm it
     */
    @Converter
    public static String toString(FtplibDownload download, Exchange exchange) throws IOException {
        String charset = exchange != null ? ExchangeHelper.getCharsetName(exchange) : "UTF-8";
        return new String(toBytes(download), Charset.forName(charset));
    }
}
