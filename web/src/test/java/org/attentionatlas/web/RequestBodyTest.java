package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/run bodies that are not what the API takes get a 4xx that says why, never a 500. */
class RequestBodyTest {

    @Test
    void aBodyThatIsNotJsonIs400NamingTheProblem() throws Exception {
        JsonNode error = refused(400, "hello there".getBytes(StandardCharsets.UTF_8));
        assertTrue(error.asText().startsWith("the body is not JSON: Unrecognized token 'hello'")
                && error.asText().contains("(line 1, column ") && error.asText().endsWith("{\"model\": NAME, \"text\": TEXT}"),
                error.asText());
        assertTrue(refused(400, "{\"model\": \"minilm-l6\", \"text\": \"x\"".getBytes(StandardCharsets.UTF_8))
                .asText().startsWith("the body is not JSON: Unexpected end-of-input"));
        assertTrue(refused(400, "{\"model\": \"minilm-l6\"} trailing".getBytes(StandardCharsets.UTF_8))
                .asText().startsWith("the body is not JSON: "));
        assertEquals("the body must be a JSON object {\"model\": NAME, \"text\": TEXT}",
                refused(400, "[1, 2]".getBytes(StandardCharsets.UTF_8)).asText());
        assertEquals("the body must be a JSON object {\"model\": NAME, \"text\": TEXT}",
                refused(400, new byte[0]).asText());
    }

    @Test
    void aTextThatIsNotAStringIs400NotItsDigits() throws Exception {
        assertEquals("'text' must be a JSON string, not 123",
                refused(400, "{\"model\": \"minilm-l6\", \"text\": 123}".getBytes(StandardCharsets.UTF_8)).asText());
        assertEquals("'model' must be a JSON string, not [\"minilm-l6\"]",
                refused(400, "{\"model\": [\"minilm-l6\"], \"text\": \"hi\"}".getBytes(StandardCharsets.UTF_8)).asText());
    }

    @Test
    void invalidUtf8Is400NamingTheByteOffsetAsTheCommandLineDoes() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = "{\"model\": \"minilm-l6\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8);
        body.write(head);
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        body.write("\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("the body is not valid UTF-8 (byte offset " + head.length + ")",
                refused(400, body.toByteArray()).asText());
    }

    @Test
    void aFiftyMegabyteBodyIs413NamingTheLimit() throws Exception {
        byte[] huge = new byte[50 << 20];
        Arrays.fill(huge, (byte) 'a');
        JsonNode error = refused(413, huge);
        assertEquals("the body has " + huge.length + " bytes; the limit is 65536 bytes (texts are limited to 5000 "
                + "characters)", error.asText());
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutAtTheLimit() throws Exception {
        byte[] big = new byte[InputLimits.MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = TestServer.HTTP.send(request()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(TestServer.json(r).get("error").asText().startsWith("the body is larger than 65536 bytes; the limit"),
                r.body());
    }

    @Test
    void aWellFormedBodyStillRuns() throws Exception {
        HttpResponse<String> r = TestServer.HTTP.send(request()
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"minilm-l6\", \"text\": \"Café au lait.\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Café au lait.", TestServer.json(r).get("text").asText());
    }

    private static JsonNode refused(int status, byte[] body) throws Exception {
        HttpResponse<String> r = TestServer.HTTP.send(request().POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        return TestServer.json(r).get("error");
    }

    private static HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/run")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json");
    }
}
