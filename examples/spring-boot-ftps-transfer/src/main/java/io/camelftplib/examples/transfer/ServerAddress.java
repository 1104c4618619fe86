package io.camelftplib.examples.transfer;

/**
 * Where the routes connect: the embedded server or the one configured under {@code demo.server.*}.
 *
 * @param host      host name or address, as the certificate names it
 * @param port      port (explicit FTPS)
 * @param username  user
 * @param password  password (never logged)
 * @param directory remote directory
 */
record ServerAddress(String host, int port, String username, String password, String directory) {

    /**
     * Returns the endpoint URI, with the password passed RAW so any character works.
     *
     * @return e.g. {@code ftplibs://demo@127.0.0.1:2121/transfer?password=RAW(...)}
     */
    String uri() {
        return "ftplibs://" + username + "@" + host + ":" + port + "/" + directory + "?password=RAW(" + password
                + ")";
    }

    @Override
    public String toString() {
        return "ftplibs://" + username + "@" + host + ":" + port + "/" + directory;
    }
}
