package org.failback.web.api;

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
import java.util.Locale;

/**
 * Request bodies typed as JSON-P values are parsed here, strictly ({@link StrictJson}): the server's Jackson provider
 * would otherwise claim them and fail. An empty body is JSON null, so optional bodies stay optional. A declared charset
 * other than UTF-8 is refused rather than decoded as if it were UTF-8.
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
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw ApiException.badRequest("JSON bodies are UTF-8, not '" + ApiException.shortened(charset) + "'");
        }
        PushbackInputStream body = new PushbackInputStream(entity, 1);
        int first = body.read();
        if (first < 0) {
            return type.isAssignableFrom(JsonValue.class) ? JsonValue.NULL : null;
        }
        body.unread(first);
        JsonValue value = StrictJson.parse(body);
        if (!type.isInstance(value)) {
            throw ApiException.badRequest("request body must be a JSON "
                    + type.getSimpleName().replace("Json", "").toLowerCase(Locale.ROOT));
        }
        return value;
    }
}
