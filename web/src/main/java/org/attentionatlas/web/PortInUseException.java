package org.attentionatlas.web;

/** The server's port is taken by another process: bad input the command line reports in one line (exit code 2). */
public final class PortInUseException extends IllegalArgumentException {

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is in use", cause);
    }
}
