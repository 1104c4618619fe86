package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: no source, pom, script or document may point a reader at something the
 * repository does not hold, such as a numbered rule of an outside list, an issue number of a tracker, or a numbered
 * section of an outside document. Each such reference must say the reason itself; the hardening rules are listed by
 * name in {@code docs/security.adoc}.
 *
 * <p>It lives in the component because every build, including {@code mvn -pl camel-ftplib -am test}, runs the
 * component's tests, while the engine's test classpath is kept to what the engine needs and the starter is built
 * on another JUnit line. It walks the files of the checkout itself, so it needs no git and behaves the same on a
 * fresh clone and in a worktree; build output ({@code target}) and version-control and IDE directories are skipped,
 * and so are binary files.
 */
class SelfContainedRepositoryTest {

    /** Directories that hold no sources of the repository. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".idea", ".vscode", ".settings",
            "node_modules");

    /** Files above this size are data, not prose. */
    private static final long LARGEST_TEXT_FILE = 4L * 1024 * 1024;

    /** One kind of reference to an outside document, and what to write instead. */
    private record Rule(Pattern pattern, String instead) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\bH\\d{1,2}\\b"),
                    "cites a rule code of a list the repository does not have: name the rule and say what it"
                            + " protects against (docs/security.adoc lists the rules by name)"),
            new Rule(Pattern.compile("\\b[Cc]ontract\\s+(?:section\\s+)?\\d"),
                    "cites a numbered part of a contract the repository does not have: say the rule and its reason"
                            + " (docs/security.adoc lists the hardening rules by name)"),
            new Rule(Pattern.compile("\\b[Ii]ssue\\s*#?\\d"),
                    "cites an issue number a reader of the repository cannot look up: say the reason itself"),
            new Rule(Pattern.compile("(?<!\\bRFC \\d{3,4},? )\\b[Ss]ection\\s+\\d|§\\s*\\d"),
                    "cites a numbered section of a document the repository does not have: say the reason itself"
                            + " (a section of a public RFC is fine, written as \"RFC 959 section 4.1.1\")"),
            new Rule(Pattern.compile("\\b[Ss]tyle guide\\b"),
                    "cites a guide the repository does not have: say the reason for the rule itself"));

    @Test
    void noFileCitesADocumentTheRepositoryDoesNotHave() throws IOException {
        Path root = repositoryRoot();
        List<String> findings = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && attrs.size() <= LARGEST_TEXT_FILE) {
                    text(file).ifPresent(text -> findings.addAll(check(root.relativize(file), text)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(findings).as("references to documents the repository does not have, in %s", root).isEmpty();
    }

    /** The rules find each kind of reference, and leave alone what looks alike but is not one. */
    @Test
    void theRulesTellAReferenceFromWhatLooksAlike() {
        Path file = Path.of("Example.java");
        for (String reference : List.of("see contract H" + "19", "the H" + "2 rule", "(H" + "28)", "contract " + "4.4",
                "as asked in issue " + "#7", "Issue " + "5's first bar", "per sec" + "tion 4.1 of the spec",
                "see " + "§" + "4.4", "the style " + "guide says")) {
            assertThat(check(file, reference)).as(reference).hasSize(1);
        }
        for (String alike : List.of("RFC 4217 section 9 allows only PBSZ 0", "RFC 3659, section 7.2", "H2O",
                "SHA256", "CAMEL-24487", "HTTP/2", "issues a command", "an issue with the server",
                "the contract of close()")) {
            assertThat(check(file, alike)).as(alike).isEmpty();
        }
    }

    /** The failure names the file, the line and what to write instead. */
    @Test
    void aFindingNamesTheFileTheLineAndWhatToWriteInstead() {
        assertThat(check(Path.of("docs", "x.adoc"), "first line\nsee issue " + "#7 for why"))
                .containsExactly("docs" + java.io.File.separator + "x.adoc:2: \"see issue " + "#7 for why\" "
                        + "cites an issue number a reader of the repository cannot look up: say the reason itself");
    }

    private static List<String> check(Path file, String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(lines[i]);
                if (m.find()) {
                    findings.add(file + ":" + (i + 1) + ": \"" + lines[i].strip() + "\" " + rule.instead());
                }
            }
        }
        return findings;
    }

    /** The file's text, or empty for a binary file (NUL bytes, or not UTF-8). */
    private static Optional<String> text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The checkout's top directory: the module's working directory or a parent, holding the parent pom and modules. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("ftplib/pom.xml"))
                    && Files.isRegularFile(dir.resolve("camel-ftplib/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with pom.xml, ftplib/ and camel-ftplib/ above "
                + Path.of("").toAbsolutePath() + ": run the test from a module of the repository");
    }
}
