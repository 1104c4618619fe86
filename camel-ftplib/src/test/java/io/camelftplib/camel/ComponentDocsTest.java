package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the documentation in step with the catalogs: the options tables of
 * {@code src/main/docs/<scheme>-component.adoc} (in the blocks of their own, beside the blocks Camel's tooling fills
 * with its includes) are the ones rendered here from the generated catalog (a stale page
 * fails, and the page as it should be is written to {@code target/docs} to copy over), and the README's table of
 * {@code ftp:}/{@code ftps:} options names every option of Camel's catalogs.
 */
class ComponentDocsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"ftplib", "ftplibs"})
    void componentPageHasTheOptionsTablesOfTheCatalog(String scheme) throws Exception {
        JsonObject catalog = catalog("META-INF/io/camelftplib/camel/" + scheme + ".json");
        Path page = MODULE.resolve("src/main/docs/" + scheme + "-component.adoc");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String expected = replaceBlock(replaceBlock(text, "catalog component options",
                table("The " + scheme + " component supports these options.",
                        (JsonObject) catalog.get("componentProperties"))),
                "catalog endpoint options", table("The " + scheme + " endpoint is configured using URI syntax `"
                        + ((JsonObject) catalog.get("component")).getString("syntax") + "` with these path and query "
                        + "parameters.", (JsonObject) catalog.get("properties")));
        if (!expected.equals(text)) {
            Path fresh = MODULE.resolve("target/docs/" + scheme + "-component.adoc");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, expected, StandardCharsets.UTF_8);
        }
        assertThat(text).as("%s is stale against the catalog: copy %s over it", page,
                MODULE.resolve("target/docs/" + scheme + "-component.adoc")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftps"})
    void readmeTableNamesEveryOptionOfCamelsFtp(String camelScheme) throws Exception {
        JsonObject properties = (JsonObject) catalog("META-INF/org/apache/camel/component/file/remote/"
                + camelScheme + ".json").get("properties");
        String readme = Files.readString(MODULE.resolve("../README.adoc"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("=== Every `ftp:`/`ftps:` option"));
        section = section.substring(0, section.indexOf("\n|===\n", section.indexOf("|===") + 4));
        TreeSet<String> missing = new TreeSet<>();
        for (String name : properties.keySet()) {
            boolean parameter = "parameter".equals(((JsonObject) properties.get(name)).getString("kind"));
            if (parameter && !section.contains("`" + name + "`")) {
                missing.add(name);
            }
        }
        assertThat(missing).as("ftp: options missing from the README's option table").isEmpty();
    }

    private static String table(String intro, JsonObject options) {
        StringBuilder out = new StringBuilder(intro)
                .append("\n\n[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n")
                .append("|===\n| Name | Description | Default | Type\n");
        for (String name : options.keySet()) {
            JsonObject option = (JsonObject) options.get(name);
            Object defaultValue = option.get("defaultValue");
            out.append("| *").append(name).append("* (").append(option.getString("group")).append(") | ")
                    .append(cell(option.getString("description")))
                    .append(option.get("enum") != null ? " Values: " + cell(String.join(", ",
                            option.getCollection("enum").stream().map(Object::toString).toList())) + "." : "")
                    .append(" | ").append(defaultValue == null ? "" : cell(defaultValue.toString()))
                    .append(" | ").append(cell(option.getString("javaType"))).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }

    private static String replaceBlock(String text, String block, String content) {
        String start = "// " + block + ": START\n";
        String end = "// " + block + ": END";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("the page has the marker %s", start.strip()).isNotNegative();
        assertThat(to).as("the page has the marker %s", end).isGreaterThan(from);
        return text.substring(0, from + start.length()) + content + text.substring(to);
    }

    private static JsonObject catalog(String resource) throws IOException {
        try (InputStream in = ComponentDocsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new JsonObject());
        }
    }
}
