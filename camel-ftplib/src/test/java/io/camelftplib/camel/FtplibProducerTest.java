package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class FtplibProducerTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

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

    @Test
    void fileNameOptionAndOverruleHeaderChooseTheName() {
        template.sendBody(to("p2", "fileName=${header.x}.csv"), "a");
        template.sendBodyAndHeaders(to("p2", ""), "b",
                Map.of(Exchange.OVERRULE_FILE_NAME, "over.txt", Exchange.FILE_NAME, "header.txt"));
        template.sendBodyAndHeader(to("p2", "fileName=${header.x}.csv"), "c", "x", "named");
        assertThat(read(SERVER.file("p2/over.txt"))).isEqualTo("b");
        assertThat(read(SERVER.file("p2/named.csv"))).isEqualTo("c");
        assertThat(SERVER.file("p2/header.txt")).doesNotExist();
    }

    @Test
    void tempPrefixRenamesIntoPlaceAfterTheUpload() {
        template.sendBodyAndHeader(to("p3", "tempPrefix=.part-"), "data", Exchange.FILE_NAME, "t.txt");
        assertThat(read(SERVER.file("p3/t.txt"))).isEqualTo("data");
        assertThat(SERVER.file("p3/.part-t.txt")).doesNotExist();
    }

    @Test
    void fileExistFailIgnoreAppendMoveAndTryRename() {
        write("p4/f.txt", "old");
        assertThatThrownBy(() -> template.sendBodyAndHeader(to("p4", "fileExist=Fail"), "new", Exchange.FILE_NAME,
                "f.txt")).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(GenericFileOperationFailedException.class)
                .hasRootCauseMessage("File already exist: p4/f.txt. Cannot write new file.");
        template.sendBodyAndHeader(to("p4", "fileExist=Ignore"), "new", Exchange.FILE_NAME, "f.txt");
        assertThat(read(SERVER.file("p4/f.txt"))).isEqualTo("old");
        template.sendBodyAndHeader(to("p4", "fileExist=Append"), "+more", Exchange.FILE_NAME, "f.txt");
        assertThat(read(SERVER.file("p4/f.txt"))).isEqualTo("old+more");
        template.sendBodyAndHeader(to("p4", "fileExist=Move&moveExisting=backup"), "newest", Exchange.FILE_NAME,
                "f.txt");
        assertThat(read(SERVER.file("p4/f.txt"))).isEqualTo("newest");
        assertThat(read(SERVER.file("p4/backup/f.txt"))).isEqualTo("old+more");
        template.sendBodyAndHeader(to("p4", "fileExist=TryRename&tempPrefix=.t-"), "renamed", Exchange.FILE_NAME,
                "g.txt");
        assertThat(read(SERVER.file("p4/g.txt"))).isEqualTo("renamed");
    }

    @Test
    void doneFileIsWrittenAfterTheFile() {
        template.sendBodyAndHeader(to("p5", "doneFileName=${file:name}.done"), "x", Exchange.FILE_NAME, "d.txt");
        assertThat(read(SERVER.file("p5/d.txt"))).isEqualTo("x");
        assertThat(SERVER.file("p5/d.txt.done")).exists().isEmptyFile();
    }

    @Test
    void nullBodyFailsUnlessAllowed() {
        assertThatThrownBy(() -> template.sendBodyAndHeader(to("p6", ""), null, Exchange.FILE_NAME, "n.txt"))
                .hasRootCauseMessage("Cannot write null body to file: p6/n.txt");
        template.sendBodyAndHeader(to("p6", "allowNullBody=true"), null, Exchange.FILE_NAME, "n.txt");
        assertThat(SERVER.file("p6/n.txt")).exists().isEmptyFile();
    }

    @Test
    void autoCreateFalseDoesNotCreateDirectories() {
        assertThatThrownBy(() -> template.sendBodyAndHeader(to("p7/missing", "autoCreate=false"), "x",
                Exchange.FILE_NAME, "a.txt")).hasRootCauseInstanceOf(io.camelftplib.ftplib.FtpPermException.class);
        assertThat(SERVER.file("p7")).doesNotExist();
    }

    @Test
    void chmodSendsSiteChmodAfterTheUpload() {
        // Apache FtpServer knows no SITE CHMOD: its refusal proves the command was sent after the upload
        assertThatThrownBy(() -> template.sendBodyAndHeader(to("p8", "chmod=640"), "x", Exchange.FILE_NAME, "c.txt"))
                .rootCause().hasMessageContaining("reply to SITE CHMOD 640 p8/c.txt");
        assertThat(read(SERVER.file("p8/c.txt"))).isEqualTo("x");
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
