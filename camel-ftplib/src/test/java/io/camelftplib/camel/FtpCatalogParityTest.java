package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint option of Camel's {@code ftp:} and {@code ftps:}, read from the catalog of the camel-ftp jar on
 * the test classpath, is either accepted by {@code ftplib:}/{@code ftplibs:} (endpoint creation with a sample value
 * succeeds, and the option is in ftplib:'s catalog or mapped onto one of its options) or refused with a message
 * naming the option and its replacement from {@link CamelFtpOptions}. An option a new Camel version adds to
 * ftp: makes this test fail until ftplib: takes a stand on it.
 */
class FtpCatalogParityTest {

    /** Values that the type alone does not give a valid sample of. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("charset", "UTF-8"), Map.entry("chmod", "640"), Map.entry("execProt", "P"),
            Map.entry("execPbsz", "0"), Map.entry("activePortRange", "60000-60100"),
            Map.entry("sortBy", "file:name"), Map.entry("filterDirectory", "${file:size} > 0"),
            Map.entry("filterFile", "${file:size} > 0"), Map.entry("checksumFileAlgorithm", "SHA_256"),
            Map.entry("maximumReconnectAttempts", "2"), Map.entry("ftpClient.", "dataTimeout=12000"),
            Map.entry("ftpClientConfig.", "serverLanguageCode=de"), Map.entry("scheduler.", "pool=1"),
            Map.entry("ftpClient.keyStore.", "file=client.p12"), Map.entry("ftpClient.trustStore.", "file=ca.p12"));

    static Stream<Arguments> ftpOptions() throws IOException {
        return Stream.concat(options("ftp", "ftplib"), options("ftps", "ftplibs"));
    }

    private static Stream<Arguments> options(String camelScheme, String scheme) throws IOException {
        JsonObject camel = catalog("META-INF/org/apache/camel/component/file/remote/" + camelScheme + ".json");
        JsonObject ours = catalog("META-INF/io/camelftplib/camel/" + scheme + ".json");
        List<Arguments> arguments = new ArrayList<>();
        JsonObject properties = (JsonObject) camel.get("properties");
        JsonObject ourProperties = (JsonObject) ours.get("properties");
        for (String name : properties.keySet()) {
            JsonObject property = (JsonObject) properties.get(name);
            if ("parameter".equals(property.getString("kind"))) {
                arguments.add(Arguments.of(camelScheme, scheme, name, property, ourProperties.containsKey(name)));
            }
        }
        return arguments.stream();
    }

    private static JsonObject catalog(String resource) throws IOException {
        try (InputStream in = FtpCatalogParityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new JsonObject());
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("ftpOptions")
    void everyOptionOfCamelsFtpIsAcceptedOrRefusedNamingItsReplacement(String camelScheme, String scheme,
                                                                      String name, JsonObject property,
                                                                      boolean inOurCatalog) throws Exception {
        String prefix = property.getString("prefix");
        String parameter = prefix != null ? prefix + SAMPLES.get(prefix) : name + "=" + sample(name, property);
        String written = parameter.substring(0, parameter.indexOf('='));
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("sample", sampleBean(property));
            try {
                context.getEndpoint(scheme + "://alice@localhost/in?" + parameter);
            } catch (RuntimeException e) {
                String replacement = CamelFtpOptions.replacementOf(written) != null
                        ? CamelFtpOptions.replacementOf(written) : CamelFtpOptions.replacementOf(name);
                assertThat(replacement).as("the rule for %s, which failed with: %s", written, messages(e))
                        .isNotNull();
                assertThat(messages(e)).contains(written).contains(replacement);
                return;
            }
            CamelFtpOptions.Rule rule = CamelFtpOptions.RULES.get(written);
            if (!inOurCatalog && (rule == null || rule.refusal() != null && rule.onlyValue() == null)) {
                fail(written + " was accepted but is neither an option of " + scheme + ": nor mapped onto one");
            }
        }
    }

    private static String sample(String name, JsonObject property) {
        if (SAMPLES.containsKey(name)) {
            return SAMPLES.get(name);
        }
        Object defaultValue = property.get("defaultValue");
        return switch (property.getString("type")) {
            case "boolean" -> String.valueOf(!Boolean.TRUE.equals(defaultValue));
            case "enum" -> defaultValue != null ? defaultValue.toString()
                    : property.getCollection("enum").iterator().next().toString();
            case "integer", "number", "duration" -> defaultValue != null ? defaultValue.toString() : "1000";
            case "object" -> defaultValue != null ? defaultValue.toString() : "#sample";
            default -> defaultValue != null ? defaultValue.toString() : "x";
        };
    }

    /**
     * A bean of the option's type: for an interface a proxy whose lifecycle calls (start, stop, close: no result) do
     * nothing and whose other methods refuse to run, as only endpoint creation is tried; else a new instance.
     */
    private static Object sampleBean(JsonObject property) throws ReflectiveOperationException {
        String javaType = property.getString("javaType").replaceAll("<.*", "");
        if (!"object".equals(property.getString("type")) || javaType.equals("java.lang.Object")
                || javaType.equals("java.util.Map")) {
            return "unused";
        }
        Class<?> type = Class.forName(javaType);
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                if (method.getReturnType() == void.class) {
                    return null;
                }
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "sample " + type.getSimpleName();
                    };
                }
                throw new UnsupportedOperationException("a sample bean for endpoint creation only");
            });
        }
        return type.getConstructor().newInstance();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
