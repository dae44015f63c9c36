package org.failback.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads request bodies field by field. Bodies arrive as JSON-P values rather than bound objects because binding is
 * lenient where the API must not be: it would turn {@code "10"} or {@code 1.5} into an integer.
 */
public final class JsonBodies {

    private JsonBodies() {}

    /** The request body (read by {@link JsonValueReader}, an empty body being JSON null), which must be one object. */
    public static JsonObject object(JsonValue body) {
        if (body == null || body.getValueType() == JsonValue.ValueType.NULL) {
            throw ApiException.badRequest("a JSON object body is required");
        }
        if (!(body instanceof JsonObject object)) {
            throw ApiException.badRequest("the body must be a JSON object, not "
                    + body.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    /**
     * The request body, one object with no field but those named: a misspelt optional field would otherwise be
     * ignored and the request carried out without it.
     */
    public static JsonObject object(JsonValue body, String... fields) {
        JsonObject object = object(body);
        List<String> allowed = List.of(fields);
        for (String given : object.keySet()) {
            if (!allowed.contains(given)) {
                throw ApiException.badRequest(
                        "unknown field '" + (given.length() > 40 ? given.substring(0, 40) + "…" : given)
                                + "'; allowed: " + String.join(", ", fields));
            }
        }
        return object;
    }

    public static int integer(JsonObject body, String field, int min, int max) {
        JsonValue value = required(body, field);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiException.badRequest(field + " must be an integer from " + min + " to " + max + ", not " + value);
        }
        long candidate;
        try {
            candidate = number.bigIntegerValueExact().longValueExact();
        } catch (ArithmeticException e) {
            candidate = Long.MAX_VALUE;
        }
        if (candidate < min || candidate > max) {
            throw ApiException.badRequest(field + " must be an integer from " + min + " to " + max + ", not " + value);
        }
        return (int) candidate;
    }

    public static int integer(JsonObject body, String field, int min, int max, int defaultValue) {
        return isAbsent(body, field) ? defaultValue : integer(body, field, min, max);
    }

    public static boolean bool(JsonObject body, String field, boolean defaultValue) {
        if (isAbsent(body, field)) {
            return defaultValue;
        }
        JsonValue value = body.get(field);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw ApiException.badRequest(field + " must be true or false, not " + value);
        }
        return value == JsonValue.TRUE;
    }

    public static String string(JsonObject body, String field) {
        JsonValue value = required(body, field);
        if (!(value instanceof JsonString text)) {
            throw ApiException.badRequest(field + " must be a string, not " + value);
        }
        return text.getString();
    }

    public static String string(JsonObject body, String field, String defaultValue) {
        return isAbsent(body, field) ? defaultValue : string(body, field);
    }

    /** An enum field limited to {@code allowed}; a wrong value is answered with the values that are allowed. */
    public static <E extends Enum<E>> E enumValue(JsonObject body, String field, Set<E> allowed) {
        return enumValue(string(body, field), field, allowed);
    }

    public static <E extends Enum<E>> E enumValue(String text, String field, Set<E> allowed) {
        for (E candidate : allowed) {
            if (candidate.name().equals(text)) {
                return candidate;
            }
        }
        String values = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        throw ApiException.badRequest(field + " must be one of " + values + ", not '" + abbreviate(text) + "'");
    }

    public static <E extends Enum<E>> E enumValue(String text, String field, Class<E> type) {
        return enumValue(text, field, EnumSet.allOf(type));
    }

    public static <E extends Enum<E>> Set<E> allExcept(Class<E> type, E excluded) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e != excluded)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }

    private static JsonValue required(JsonObject body, String field) {
        if (isAbsent(body, field)) {
            throw ApiException.badRequest("field '" + field + "' is required");
        }
        return body.get(field);
    }

    private static boolean isAbsent(JsonObject body, String field) {
        return !body.containsKey(field) || body.isNull(field);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
