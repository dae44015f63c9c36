package org.failback.web.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Parses one JSON value from a request body under limits checked while the tokens stream in, before any value is
 * built: nesting depth, string length, number length and exponent (a 5,000-digit number or {@code 1e999999999} would
 * otherwise cost a BigInteger of that size), duplicate keys and anything after the value are refused, and the bytes
 * must be UTF-8 (RFC 8259). Every refusal is a 400 {@link ApiException}; nothing recurses, so 10,000 opening brackets
 * are one refusal at the 33rd.
 */
public final class StrictJson {

    /**
     * Looked up once: {@code Json.createParser} and the other {@code Json} factories look the provider up through the
     * service loader at every call, which under load was 6 % of a client request's CPU (bench/README.md).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MAX_DEPTH = 32;
    public static final int MAX_STRING = 4_096;
    public static final int MAX_NUMBER = 40;
    private static final int MAX_EXPONENT = 100;

    private StrictJson() {}

    public static JsonValue parse(InputStream body) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(body, utf8);
                JsonParser parser = JSON.createParser(reader)) {
            if (!parser.hasNext()) {
                throw ApiException.badRequest("malformed JSON: no value");
            }
            JsonValue value = read(parser);
            if (parser.hasNext()) {
                throw ApiException.badRequest("malformed JSON: data after the JSON value");
            }
            return value;
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException cause) {
                throw refusal(cause);
            }
            throw ApiException.badRequest("malformed JSON: " + withoutClassNames(e.getMessage()));
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /** One open container: its builder, and for an object the keys seen and the key waiting for its value. */
    private static final class Open {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> keys = new HashSet<>();
        String key;

        Open(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    private static JsonValue read(JsonParser parser) {
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            JsonParser.Event event = parser.next();
            JsonValue done = null;
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw ApiException.badRequest("JSON nested deeper than " + MAX_DEPTH + " levels");
                    }
                    open.push(
                            event == JsonParser.Event.START_OBJECT
                                    ? new Open(JSON.createObjectBuilder(), null)
                                    : new Open(null, JSON.createArrayBuilder()));
                }
                case KEY_NAME -> {
                    String key = checkedString(parser);
                    Open object = open.peek();
                    if (!object.keys.add(key)) {
                        throw ApiException.badRequest("duplicate JSON key '" + ApiException.shortened(key) + "'");
                    }
                    object.key = key;
                }
                case END_OBJECT, END_ARRAY -> done = open.pop().build();
                case VALUE_STRING -> done = JSON.createValue(checkedString(parser));
                case VALUE_NUMBER -> done = JSON.createValue(checkedNumber(parser.getString()));
                case VALUE_TRUE -> done = JsonValue.TRUE;
                case VALUE_FALSE -> done = JsonValue.FALSE;
                case VALUE_NULL -> done = JsonValue.NULL;
            }
            if (done != null) {
                if (open.isEmpty()) {
                    return done;
                }
                open.peek().add(done);
            }
        }
    }

    private static String checkedString(JsonParser parser) {
        String text = parser.getString();
        if (text.length() > MAX_STRING) {
            throw ApiException.badRequest("JSON string longer than " + MAX_STRING + " characters");
        }
        return text;
    }

    static BigDecimal checkedNumber(String text) {
        if (text.length() > MAX_NUMBER) {
            throw ApiException.badRequest("JSON number longer than " + MAX_NUMBER + " characters");
        }
        BigDecimal number = new BigDecimal(text);
        if (Math.abs((long) number.scale()) > MAX_EXPONENT) {
            throw ApiException.badRequest("JSON number out of range");
        }
        return number;
    }

    private static ApiException refusal(IOException cause) {
        if (cause instanceof BodyTooLargeException tooLarge) {
            return tooLarge.refusal();
        }
        if (cause instanceof CharacterCodingException) {
            return ApiException.badRequest("the body is not UTF-8");
        }
        return ApiException.badRequest("the request body could not be read");
    }

    /** Parser messages name the token and the position; keep them, without any class name a library might add. */
    private static String withoutClassNames(String message) {
        return message == null ? "" : ApiError.scrub(message);
    }
}
