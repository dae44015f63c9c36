package org.failback.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void readsAnObjectWithNestedValues() {
        JsonObject body = (JsonObject) parse("{\"a\": [1, 2.5, \"x\", true, null, {\"b\": false}]}");
        assertEquals(6, body.getJsonArray("a").size());
        assertEquals(JsonValue.FALSE, body.getJsonArray("a").getJsonObject(5).get("b"));
    }

    @Test
    void tenThousandOpeningBracketsAreRefusedAtTheDepthLimit() {
        assertRefused("[".repeat(10_000), "nested deeper than 32");
        assertEquals(
                JsonValue.ValueType.ARRAY,
                parse("[".repeat(32) + "]".repeat(32)).getValueType());
    }

    @Test
    void hugeNumbersAreRefusedBeforeTheyBecomeBigIntegers() {
        assertRefused("{\"n\": " + "9".repeat(5_000) + "}", "number longer");
        assertRefused("{\"n\": 1e999999999}", "out of range");
        assertRefused("{\"n\": 1e-999999999}", "out of range");
    }

    @Test
    void longStringsDuplicateKeysAndTrailingDataAreRefused() {
        assertRefused("{\"s\": \"" + "a".repeat(10_000) + "\"}", "longer than");
        assertRefused("{\"a\": 1, \"a\": 2}", "duplicate JSON key");
        assertRefused("{\"a\": 1} garbage", "malformed JSON");
        assertRefused("{\"a\": 1}{}", "malformed JSON");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "{\"s\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ApiException refused =
                assertThrows(ApiException.class, () -> StrictJson.parse(new ByteArrayInputStream(latin1)));
        assertEquals(400, refused.status());
    }

    private static JsonValue parse(String text) {
        return StrictJson.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(String text, String reason) {
        ApiException refused = assertThrows(ApiException.class, () -> parse(text));
        assertEquals(400, refused.status());
        assertEquals("BAD_REQUEST", refused.code());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
