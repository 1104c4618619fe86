package io.camelftplib.examples.transfer;

import io.camelftplib.examples.support.TransferLog;
import org.apache.camel.builder.RouteBuilder;

/**
 * The two routes of the demo: {@code upload} sends each inbox file to the FTPS server (under a temporary name, so
 * the poller never sees half a file), {@code download} polls the server and writes each file into the outbox,
 * moving the server copy to {@code .done} once it is safely written. TLS comes from the SSL bundle named by
 * {@code camel.component.ftplibs.ssl-bundle}.
 */
final class TransferRoutes extends RouteBuilder {

    private final DemoProperties demo;
    private final ServerAddress server;
    private final Completion completion;

    TransferRoutes(DemoProperties demo, ServerAddress server, Completion completion) {
        this.demo = demo;
        this.server = server;
        this.completion = completion;
    }

    @Override
    public void configure() {
        TransferLog uploads = new TransferLog("Uploaded");
        TransferLog downloads = new TransferLog("Downloaded");
        // noStreamCaching: the endpoint reads the body while it transfers, so the progress lines count bytes on
        // the wire; a cached body would be read into memory first
        from("file:" + demo.getInbox().toAbsolutePath() + "?move=.uploaded").routeId("upload").noStreamCaching()
                .process(uploads::start)
                .to(server.uri() + "&tempPrefix=.part-")
                .process(uploads::done);
        // readLock=changed: take a file only once its size and time stopped changing (another client may still
        // be writing it); move=.done keeps the server copy, out of the way, once the route succeeded
        from(server.uri() + "&move=.done&readLock=changed&readLockCheckInterval=500&delay=500").routeId("download")
                .noStreamCaching()
                .process(downloads::start)
                .to("file:" + demo.getOutbox().toAbsolutePath())
                .process(downloads::done)
                .process(exchange -> completion.arrived(exchange.getIn().getHeader("CamelFileName", String.class)));
    }
}
