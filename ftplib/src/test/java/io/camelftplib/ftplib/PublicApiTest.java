package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.Test;

/**
 * The engine's public surface, as ftplib's {@code __all__}: exactly the API types are public, everything else is
 * package-private and final.
 */
class PublicApiTest {

    /**
     * The public types of {@code io.camelftplib.ftplib}. When a type joins the API, add its simple
     * name here: this list is the reviewed public API, so nothing joins it by accident.
     */
    private static final Set<String> PUBLIC_TYPES = Set.of(
            "Ftp",
            "FtpException", "FtpReplyException", "FtpTempException", "FtpPermException", "FtpProtoException",
            "FtpReplies", "MlsdEntry", "HostPort", "DataConnection", "Netrc", "Netrc$Entry", "IOConsumer", "FtpTls",
            "RetrieveStream", "StoreStream", "ExpectedSize", "TransferType", "FtpIncompleteTransferException",
            "FtpLine", "PortRange", "ListingRecords", "ListingRecords$Status", "ListingRecords$ListingRecord",
            "FtpProxy", "FtpProxy$Type", "FtpProxyException");

    /** Mirrors test_ftplib.MiscTestCase.test__all__: the exported names are exactly the API. */
    @Test
    void publicTypesAreExactlyTheApi() throws IOException {
        assertThat(publicTypes()).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
    }

    /** Only ftplib's API is public, so internal classes are package-private and final (or sealed, for a base). */
    @Test
    void internalClassesArePackagePrivateAndFinal() throws IOException {
        List<Class<?>> internal = packageClasses().stream()
                .filter(c -> !Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()
                        && c.getEnclosingClass() == null)
                .collect(Collectors.toList());
        assertThat(internal).extracting(Class::getSimpleName)
                .contains("ControlChannel", "LineReader", "DataConnector", "WireLog", "MlsdLine", "BinaryLines",
                        "Conversation", "DataChannel", "DataSettings", "Transfers", "OpenTransfer", "TransferCheck");
        assertThat(internal).allSatisfy(c -> assertThat(Modifier.isFinal(c.getModifiers()) || c.isSealed())
                .as("%s is final or sealed", c.getName()).isTrue());
    }

    /** Mirrors test_ftplib.TestFTPClass.test_all_errors: IOException plays all_errors and catches every kind. */
    @Test
    void ioExceptionCatchesEveryFtplibError() {
        List<Class<?>> allErrors = List.of(FtpReplyException.class, FtpTempException.class, FtpPermException.class,
                FtpProtoException.class, FtpException.class, EOFException.class, SocketTimeoutException.class,
                SSLException.class, MalformedInputException.class);
        assertThat(allErrors).allSatisfy(c -> assertThat(IOException.class).isAssignableFrom(c));
        assertThat(List.of(FtpReplyException.class, FtpTempException.class, FtpPermException.class,
                FtpProtoException.class)).allSatisfy(c -> assertThat(c.getSuperclass()).isEqualTo(FtpException.class));
    }

    private static Set<String> publicTypes() throws IOException {
        return packageClasses().stream()
                .filter(c -> Modifier.isPublic(c.getModifiers()))
                .map(c -> c.getName().substring(c.getPackageName().length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Loads every class file of the engine's package, from its classes directory or its jar. */
    private static List<Class<?>> packageClasses() throws IOException {
        Path location;
        try {
            location = Path.of(Ftp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the engine's classes", e);
        }
        String packagePath = Ftp.class.getPackageName().replace('.', '/');
        if (Files.isDirectory(location)) {
            return classesIn(location.resolve(packagePath));
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classesIn(jar.getPath(packagePath));
        }
    }

    private static List<Class<?>> classesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .map(n -> load(Ftp.class.getPackageName() + "." + n.substring(0, n.length() - 6)))
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Ftp.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class file without class: " + name, e);
        }
    }
}
