package org.openpayloads.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.engine.model.ContentType;

/**
 * Parses an inbound body into one Jackson tree, whatever its format, so that element paths such as
 * {@code $.data.object.id} work the same way on JSON, form-encoded, XML and text bodies.
 *
 * <ul>
 *   <li>JSON: as is.
 *   <li>Form: bracket notation nests ({@code address[city]=Paris}, {@code items[0][price]=p_1},
 *       {@code expand[]=a}); a repeated key is an array; every value is a string.
 *   <li>XML: {@code <order id="7"><item>a</item></order>} is
 *       {@code {"order":{"@id":"7","item":"a"}}}; DTDs and entities are refused.
 *   <li>Text: {@code {"text": body}}.
 * </ul>
 *
 * <p>The charset is the Content-Type header's {@code charset=} parameter, else UTF-8 (for XML, else the
 * XML declaration's). The tree is new on each call; callers must treat it as immutable. Thread-safe.
 */
public final class BodyParser {

    private final JsonBodies json;
    private final FormBodies form;
    private final XmlBodies xml;

    public BodyParser(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        this.json = new JsonBodies(limits);
        this.form = new FormBodies(limits);
        this.xml = new XmlBodies(limits);
    }

    /**
     * @param contentTypeHeader the request's Content-Type header, read only for its charset
     * @throws MappingException when the body is not valid for {@code type}, its charset is unknown or
     *     malformed, or it exceeds the limits
     */
    public JsonNode parse(ContentType type, byte[] body, @Nullable String contentTypeHeader) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        return switch (type) {
            case JSON -> json.parse(body, Charsets.orUtf8(contentTypeHeader));
            case FORM_URL_ENCODED -> form.parse(body, Charsets.orUtf8(contentTypeHeader));
            case XML -> xml.parse(body, Charsets.ofHeader(contentTypeHeader));
            case TEXT -> JsonNodeFactory.instance.objectNode()
                    .put("text", Charsets.decode(body, Charsets.orUtf8(contentTypeHeader), "The text body"));
        };
    }
}
