package io.camelftplib.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs an IT once per argument pair of its class's static {@code cases()} method (a server, then a mode or TLS
 * version), named {@code "server | mode"} as {@link InteropReport} reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.METHOD)
@ParameterizedTest(name = "{0} | {1}")
@MethodSource("cases")
@interface AcrossServers {
}
