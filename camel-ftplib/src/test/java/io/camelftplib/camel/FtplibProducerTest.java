package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the producer writes, where and under which name. A test that takes a scheme sends the same message to the
 * same URI with Camel's {@code ftp:} 4.22.0 and with {@code ftplib:} and asserts the same outcome, so a route moves
 * from one to the other by changing its scheme; where the schemes legitimately differ, the javadoc says why.
 */
@Timeout(60)
class FtplibProducerTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    /** Bytes that an ASCII transfer or a charset conversion would change. */
    private static final byte[] AWKWARD = {0x00, (byte) 0xFF, '\r', '\n', ' ', (byte) 0xC3, (byte) 0xA9, '\n'};

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void uploadsUnderCamelFileNameCreatingTheDirectoryAndSetsReplyHeaders() {
        Exchange result = template.request(to("p1/sub", ""), e -> {
            e.getIn().setBody("h\u00e9llo\r\n\0\u00ff");
            e.getIn().setHeader(Exchange.FILE_NAME, "na me \u00e9.txt");
        });
        assertThat(result.getException()).isNull();
        assertThat(read(SERVER.file("p1/sub/na me \u00e9.txt"))).isEqualTo("h\u00e9llo\r\n\0\u00ff");
        assertThat(result.getIn().getHeader(FtplibConstants.FTP_REPLY_CODE)).isEqualTo(226);
        assertThat(result.getIn().getHeader(Exchange.FILE_NAME_PRODUCED)).isEqualTo("p1/sub/na me \u00e9.txt");
    }

    /**
     * camel-file's rule, the same for both: CamelOverruleFileName beats CamelFileName for one send, is removed, and
     * CamelFileName is restored afterwards; an endpoint fileName option beats both headers, and may be an expression.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void fileNameHeaderNamesTheUploadAndOverruleFileNameWinsOnce(String scheme) {
        String dir = scheme + "-names";
        template.sendBodyAndHeader(uri(scheme, dir, ""), "header", Exchange.FILE_NAME, "sub/h.txt");
        assertThat(SERVER.file(dir + "/sub/h.txt")).hasContent("header");

        Exchange overruled = template.request(uri(scheme, dir, ""), e -> {
            e.getIn().setBody("overruled");
            e.getIn().setHeader(Exchange.FILE_NAME, "header.txt");
            e.getIn().setHeader(Exchange.OVERRULE_FILE_NAME, "overrule.txt");
        });
        assertThat(overruled.getException()).isNull();
        assertThat(SERVER.file(dir + "/overrule.txt")).hasContent("overruled");
        assertThat(SERVER.file(dir + "/header.txt")).doesNotExist();
        assertThat(overruled.getMessage().getHeaders()).doesNotContainKey(Exchange.OVERRULE_FILE_NAME)
                .containsEntry(Exchange.FILE_NAME, "header.txt")
                .containsEntry(Exchange.FILE_NAME_PRODUCED, dir + "/overrule.txt");

        template.send(uri(scheme, dir, "fileName=option.txt"), e -> {
            e.getIn().setBody("by option");
            e.getIn().setHeader(Exchange.FILE_NAME, "header2.txt");
            e.getIn().setHeader(Exchange.OVERRULE_FILE_NAME, "overrule2.txt");
        });
        assertThat(SERVER.file(dir + "/option.txt")).hasContent("by option");
        assertThat(SERVER.file(dir + "/header2.txt")).doesNotExist();
        assertThat(SERVER.file(dir + "/overrule2.txt")).doesNotExist();

        template.sendBodyAndHeader(uri(scheme, dir, "fileName=out-${header.x}.txt"), "o", "x", "1");
        assertThat(SERVER.file(dir + "/out-1.txt")).hasContent("o");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void tempFileNameUploadsUnderTheTempNameThenRenames(String scheme) {
        String dir = scheme + "-temp";
        template.sendBodyAndHeader(uri(scheme, dir, "tempFileName=${file:name}.inprogress"), "temp",
                Exchange.FILE_NAME, "a.txt");
        assertThat(SERVER.file(dir + "/a.txt")).hasContent("temp");
        assertThat(SERVER.file(dir + "/a.txt.inprogress")).doesNotExist();
        assertThat(SERVER.commands()).anyMatch(c -> c.startsWith("STOR ") && c.endsWith("a.txt.inprogress"))
                .anyMatch(c -> c.startsWith("RNFR ") && c.endsWith("a.txt.inprogress"))
                .anyMatch(c -> c.startsWith("RNTO ") && c.endsWith("a.txt"))
                .noneMatch(c -> c.startsWith("STOR ") && c.endsWith("a.txt"));
    }

    /** With a CamelFileName in a subdirectory both write the temporary file beside the final one, then rename. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void tempPrefixAppliesToTheFileNameInASubdirectory(String scheme) {
        String dir = scheme + "-subtemp";
        template.sendBodyAndHeader(uri(scheme, dir, "tempPrefix=.part-"), "sub", Exchange.FILE_NAME, "x/y/a.txt");
        assertThat(SERVER.file(dir + "/x/y/a.txt")).hasContent("sub");
        assertThat(SERVER.commands()).anyMatch(c -> c.startsWith("STOR ") && c.endsWith(".part-a.txt"))
                .anyMatch(c -> c.startsWith("RNTO ") && c.endsWith("a.txt"));
        assertThat(SERVER.file(dir + "/x/y/.part-a.txt")).doesNotExist();
        assertThat(SERVER.file(dir + "/.part-x/y/a.txt")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void fileExistModesAndTempPrefix(String scheme) {
        String dir = scheme + "-exist";
        write(dir + "/f.txt", "old");
        template.sendBodyAndHeader(uri(scheme, dir, "fileExist=Ignore"), "ignored", Exchange.FILE_NAME, "f.txt");
        assertThat(SERVER.file(dir + "/f.txt")).hasContent("old");
        template.sendBodyAndHeader(uri(scheme, dir, "fileExist=Append"), "+appended", Exchange.FILE_NAME, "f.txt");
        assertThat(SERVER.file(dir + "/f.txt")).hasContent("old+appended");
        assertThatThrownBy(() -> template.sendBodyAndHeader(uri(scheme, dir, "fileExist=Fail"), "fail",
                Exchange.FILE_NAME, "f.txt")).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(GenericFileOperationFailedException.class)
                .hasRootCauseMessage("File already exist: " + dir + "/f.txt. Cannot write new file.");
        template.sendBodyAndHeader(uri(scheme, dir, "fileExist=Move&moveExisting=old"), "moved", Exchange.FILE_NAME,
                "f.txt");
        assertThat(SERVER.file(dir + "/old/f.txt")).hasContent("old+appended");
        assertThat(SERVER.file(dir + "/f.txt")).hasContent("moved");
        template.sendBodyAndHeader(uri(scheme, dir, "fileExist=Override&tempPrefix=.part-"), "override",
                Exchange.FILE_NAME, "f.txt");
        assertThat(SERVER.file(dir + "/f.txt")).hasContent("override");
        template.sendBodyAndHeader(uri(scheme, dir, "fileExist=TryRename&tempPrefix=.part-"), "renamed",
                Exchange.FILE_NAME, "g.txt");
        assertThat(SERVER.file(dir + "/g.txt")).hasContent("renamed");
        assertThat(SERVER.file(dir + "/.part-f.txt")).doesNotExist();
        assertThat(SERVER.file(dir + "/.part-g.txt")).doesNotExist();
    }

    /** ftp: needs binary=true here: its default ASCII type would turn the CR LF and the lone LF into CRLF. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void fileExistAppendAppendsTheBytesVerbatim(String scheme) {
        String dir = scheme + "-append";
        String options = scheme.equals("ftp") ? "binary=true&" : "";
        template.sendBodyAndHeader(uri(scheme, dir, options + "fileExist=Override"), AWKWARD, Exchange.FILE_NAME,
                "a.bin");
        template.sendBodyAndHeader(uri(scheme, dir, options + "fileExist=Append"), AWKWARD, Exchange.FILE_NAME,
                "a.bin");
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.writeBytes(AWKWARD);
        twice.writeBytes(AWKWARD);
        assertThat(SERVER.file(dir + "/a.bin")).hasBinaryContent(twice.toByteArray());
        assertThat(SERVER.commands()).anyMatch(c -> c.startsWith("APPE ") && c.endsWith("a.bin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void doneFileIsWrittenEmptyAfterTheFile(String scheme) {
        String dir = scheme + "-done";
        template.sendBodyAndHeader(uri(scheme, dir, "doneFileName=${file:name}.done"), "d", Exchange.FILE_NAME,
                "d.txt");
        assertThat(SERVER.file(dir + "/d.txt")).hasContent("d");
        assertThat(SERVER.file(dir + "/d.txt.done")).exists().isEmptyFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void allowNullBodyWritesAnEmptyFileAndIsRequiredForOne(String scheme) {
        String dir = scheme + "-null";
        assertThatThrownBy(() -> template.sendBodyAndHeader(uri(scheme, dir, ""), null, Exchange.FILE_NAME,
                "refused.txt")).isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(GenericFileOperationFailedException.class)
                .hasMessage("Cannot write null body to file: " + dir + "/refused.txt");
        assertThat(SERVER.file(dir + "/refused.txt")).doesNotExist();
        template.sendBodyAndHeader(uri(scheme, dir, "allowNullBody=true"), null, Exchange.FILE_NAME, "empty.txt");
        assertThat(SERVER.file(dir + "/empty.txt")).isEmptyFile();
    }

    /**
     * Both create missing directories by default and, with autoCreate=false, fail and create nothing. The server's
     * refusal comes to a different command: ftp: (stepwise by default) fails changing into the missing directory
     * (550), ftplib: sends the whole path with STOR, which Apache FtpServer refuses with 551.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void autoCreateMakesMissingDirectoriesAndFalseFails(String scheme) {
        template.sendBodyAndHeader(uri(scheme, scheme + "-auto/x/y", ""), "made", Exchange.FILE_NAME, "a.txt");
        assertThat(SERVER.file(scheme + "-auto/x/y/a.txt")).hasContent("made");
        String missing = uri(scheme, scheme + "-noauto/x/y", "autoCreate=false");
        assertThatThrownBy(() -> template.sendBodyAndHeader(missing, "not made", Exchange.FILE_NAME, "a.txt"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOfSatisfying(GenericFileOperationFailedException.class,
                        e -> assertThat(e.getCode()).isEqualTo(scheme.equals("ftp") ? 550 : 551));
        if (scheme.equals("ftplib")) {
            assertThatThrownBy(() -> template.sendBodyAndHeader(missing, "not made", Exchange.FILE_NAME, "a.txt"))
                    .hasRootCauseInstanceOf(FtpPermException.class);
        }
        assertThat(SERVER.file(scheme + "-noauto")).doesNotExist();
    }

    /**
     * A documented difference. Apache FtpServer has no SITE CHMOD and answers 502. ftp: sends {@code SITE chmod}
     * and ignores the reply, so the exchange succeeds and the file silently keeps the server's default mode;
     * ftplib: fails the exchange with the 502 (the file stays uploaded), because a mode the route asked for and did
     * not get must not look like success: a route never silently does nothing. On a server with SITE CHMOD both set
     * the mode and succeed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void chmodSendsSiteChmodAfterTheUpload(String scheme) {
        String dir = scheme + "-chmod";
        Exchange sent = template.request(uri(scheme, dir, "chmod=640"), e -> {
            e.getIn().setBody("mode");
            e.getIn().setHeader(Exchange.FILE_NAME, "a.txt");
        });
        assertThat(SERVER.file(dir + "/a.txt")).hasContent("mode");
        assertThat(SERVER.commands()).containsSubsequence(List.of(
                scheme.equals("ftp") ? "STOR a.txt" : "STOR " + dir + "/a.txt",
                scheme.equals("ftp") ? "SITE chmod 640 a.txt" : "SITE CHMOD 640 " + dir + "/a.txt"));
        if (scheme.equals("ftp")) {
            assertThat(sent.getException()).isNull();
        } else {
            assertThat(sent.getException()).isInstanceOfSatisfying(GenericFileOperationFailedException.class,
                    e -> assertThat(e.getCode()).isEqualTo(502))
                    .hasMessageContaining("reply to SITE CHMOD 640 " + dir + "/a.txt");
        }
    }

    /** camel-file's jailStartingDirectory (default true) keeps a header's {@code ../} inside the endpoint's path. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void jailStartingDirectoryRefusesANameOutsideTheEndpointPath(String scheme) {
        String dir = scheme + "-jail";
        assertThatThrownBy(() -> template.sendBodyAndHeader(uri(scheme, dir + "/in", ""), "escape",
                Exchange.FILE_NAME, "../escaped.txt")).isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("Cannot write file with name: " + dir + "/escaped.txt as the filename is jailed "
                        + "to the starting directory: " + dir + "/in/");
        assertThat(SERVER.file(dir + "/escaped.txt")).doesNotExist();
    }

    @Test
    @SuppressWarnings("unchecked")
    void operationHeaderSelectsGetListDeleteRenameMkdirExists() {
        write("p9/a.txt", "content-a");
        String uri = to("p9", "");
        Object exists = template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "exists",
                Exchange.FILE_NAME, "a.txt"));
        Object missing = template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "exists",
                Exchange.FILE_NAME, "nope.txt"));
        byte[] got = template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "get",
                Exchange.FILE_NAME, "a.txt"), byte[].class);
        template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "rename",
                Exchange.FILE_NAME, "a.txt", FtplibConstants.FTPLIB_RENAME_TO, "b.txt"));
        template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "mkdir",
                Exchange.FILE_NAME, "newdir/deeper"));
        Object listed = template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "list"));
        template.requestBodyAndHeaders(uri, null, Map.of(FtplibConstants.FTPLIB_OPERATION, "delete",
                Exchange.FILE_NAME, "b.txt"));

        assertThat(exists).isEqualTo(true);
        assertThat(missing).isEqualTo(false);
        assertThat(new String(got, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("content-a");
        assertThat((List<Object>) listed).containsExactlyInAnyOrder("b.txt", "newdir");
        assertThat(Files.isDirectory(SERVER.file("p9/newdir/deeper"))).isTrue();
        assertThat(SERVER.file("p9/b.txt")).doesNotExist();
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri, null, FtplibConstants.FTPLIB_OPERATION, "zap"))
                .hasRootCauseMessage("Unknown CamelFtplibOperation 'zap': use one of put, get, list, delete, rename, "
                        + "mkdir, exists");
    }
}
