package org.attentionatlas.web;

import org.attentionatlas.engine.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServeCommandTest {

    @Test
    void aPortInUseIsOneLineAndExitCode2(@TempDir Path results) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.engine().execute(new ServeCommand(), new String[] {"--port", String.valueOf(port),
                    "--results", results.toString()}, new PrintStream(out, true), new PrintStream(err, true));
            assertEquals(Cli.BAD_INPUT, code);
            assertEquals("error: port " + port + " on 127.0.0.1 is in use\n", err.toString(StandardCharsets.UTF_8));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        }
    }
}
