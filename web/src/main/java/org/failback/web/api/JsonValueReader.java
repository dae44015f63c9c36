package org.failback.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies typed as JSON-P values are parsed here, strictly: the server's Jackson provider would otherwise
 * claim them and fail. An empty body is JSON null, so optional bodies stay optional.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonValueReader implements MessageBodyReader<JsonValue> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(
            Class<JsonValue> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        PushbackInputStream body = new PushbackInputStream(entity, 1);
        int first = body.read();
        if (first < 0) {
            return type.isAssignableFrom(JsonValue.class) ? JsonValue.NULL : null;
        }
        body.unread(first);
        try (JsonReader reader = Json.createReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
            JsonValue value = reader.readValue();
            if (!type.isInstance(value)) {
                throw ApiException.badRequest("request body must be a JSON "
                        + type.getSimpleName().replace("Json", "").toLowerCase());
            }
            return value;
        } catch (JsonException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage());
        }
    }
}
