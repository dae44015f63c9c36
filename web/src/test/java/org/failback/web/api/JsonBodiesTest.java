package org.failback.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    enum Colour {
        RED,
        GREEN,
        BLUE
    }

    @Test
    void integerFieldRefusesFractionsTextAndValuesOutOfRange() {
        for (String value : new String[] {"1.5", "\"10\"", "0", "86401", "1e20", "true", "null"}) {
            ApiException refused = assertThrows(
                    ApiException.class,
                    () -> JsonBodies.integer(body("{\"n\": " + value + "}"), "n", 1, 86_400),
                    value);
            assertEquals(400, refused.status());
            assertEquals("BAD_REQUEST", refused.code());
        }
        assertEquals(86_400, JsonBodies.integer(body("{\"n\": 86400}"), "n", 1, 86_400));
        assertEquals(
                10, JsonBodies.integer(body("{\"n\": 1.0E1}"), "n", 1, 86_400), "an integral number in exponent form");
    }

    @Test
    void missingOptionalIntegerTakesTheDefault() {
        assertEquals(120, JsonBodies.integer(body("{}"), "n", 1, 86_400, 120));
    }

    @Test
    void wrongEnumValueNamesTheValuesThatAreAllowed() {
        ApiException refused = assertThrows(
                ApiException.class,
                () -> JsonBodies.enumValue(body("{\"c\": \"PURPLE\"}"), "c", EnumSet.of(Colour.RED, Colour.BLUE)));
        assertTrue(refused.getMessage().contains("RED, BLUE"), refused.getMessage());
        assertEquals(Colour.BLUE, JsonBodies.enumValue(body("{\"c\": \"BLUE\"}"), "c", EnumSet.allOf(Colour.class)));
        assertThrows(
                ApiException.class,
                () -> JsonBodies.enumValue(body("{\"c\": \"blue\"}"), "c", EnumSet.allOf(Colour.class)),
                "enum values are case-sensitive as the API contract spells them");
    }

    @Test
    void bodyMustBeAnObject() {
        assertThrows(ApiException.class, () -> JsonBodies.object(null));
        assertThrows(ApiException.class, () -> JsonBodies.object(JsonValue.NULL));
        assertThrows(
                ApiException.class,
                () -> JsonBodies.object(
                        Json.createReader(new StringReader("[1]")).readValue()));
    }

    private static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
