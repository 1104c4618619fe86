package io.camelftplib.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option in a component's generated catalog JSON has a Spring Boot property with the same default, listed in
 * the configuration metadata the IDE reads: an option added to the component without a property fails here.
 */
class CatalogCoverageTest {

    @ParameterizedTest
    @ValueSource(strings = {"ftplib", "ftplibs"})
    void everyComponentOptionHasAPropertyWithItsDefault(String scheme) throws Exception {
        JsonObject options = read("META-INF/io/camelftplib/camel/" + scheme + ".json")
                .getMap("componentProperties");
        Map<String, JsonObject> properties = metadataProperties();
        assertThat(options).isNotEmpty();
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String property = "camel.component." + scheme + "." + kebab(option.getKey());
            assertThat(properties).as("property for the %s option %s", scheme, option.getKey()).containsKey(property);
            JsonObject catalog = (JsonObject) option.getValue();
            JsonObject metadata = properties.get(property);
            assertThat(metadata.getString("description")).as("description of %s", property).isNotBlank();
            if (catalog.containsKey("defaultValue")) {
                assertThat(String.valueOf(metadata.get("defaultValue"))).as("default of %s", property)
                        .isEqualTo(String.valueOf(catalog.get("defaultValue")));
            }
        }
    }

    private static Map<String, JsonObject> metadataProperties() throws IOException, DeserializationException {
        Map<String, JsonObject> byName = new HashMap<>();
        JsonArray properties = read("META-INF/spring-configuration-metadata.json").getCollection("properties");
        for (Object property : properties) {
            JsonObject p = (JsonObject) property;
            byName.put(p.getString("name"), p);
        }
        return byName;
    }

    private static JsonObject read(String resource) throws IOException, DeserializationException {
        try (InputStream in = CatalogCoverageTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return (JsonObject) Jsoner.deserialize(reader);
            }
        }
    }

    private static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
