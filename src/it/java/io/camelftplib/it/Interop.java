package io.camelftplib.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks an IT as a row of the README's interoperability table: {@link InteropReport} records its result per
 * server and mode, read from the invocation's display name ({@code "server | mode"}).
 */
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.METHOD)
@interface Interop {

    /** The feature, as the table names it. */
    String value();
}
