package org.openpayloads.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;

/**
 * XML bodies, through the JDK's StAX with DTDs and entities refused. The root element becomes the
 * top-level field; child elements become fields (repeated ones an array), attributes fields named
 * {@code @name}, and the text of an element that also has fields {@code #text}. Names are local names:
 * namespace prefixes are dropped.
 */
final class XmlBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int DECLARATION_LENGTH = 200;
    private static final Pattern ENCODING = Pattern.compile(
            "(?:\\xEF\\xBB\\xBF)?<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private final ParseLimits limits;

    XmlBodies(ParseLimits limits) {
        this.limits = limits;
    }

    /** A new factory per body: the JDK's factory reuses readers, so sharing one is not thread-safe. */
    private static XMLInputFactory secureFactory() {
        // The JDK's own implementation, whose security properties we know, whatever is on the classpath.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** Parses {@code body}; with no charset, the XML declaration's encoding or else UTF-8 applies. */
    ObjectNode parse(byte[] body, Optional<Charset> charset) {
        // Decoding here, not in StAX, gives one clear error for bad bytes (StAX also prints to stderr).
        String text = Charsets.decode(body, charset.orElseGet(() -> declaredCharset(body)), "The XML body");
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(new StringReader(text));
            return read(reader);
        } catch (XMLStreamException e) {
            throw new MappingException("Invalid XML" + where(e.getLocation()) + ": " + reason(e), e);
        } catch (MappingException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK's StAX reports a few kinds of malformed input unchecked.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MappingException("Invalid XML: " + reason, e);
        } finally {
            close(reader);
        }
    }

    private ObjectNode read(XMLStreamReader reader) throws XMLStreamException {
        Deque<Frame> open = new ArrayDeque<>();
        ObjectNode root = NODES.objectNode();
        int fields = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new MappingException(
                        "XML with a DOCTYPE is refused: DTDs and entities are disabled" + where(reader.getLocation()));
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new MappingException("The XML entity '"
                        + Texts.shorten(reader.getLocalName()) + "' is refused" + where(reader.getLocation())
                        + ": only the predefined entities such as &amp; are allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= limits.maxDepth()) {
                        throw new MappingException(
                                "The XML body is nested deeper than " + limits.maxDepth() + " levels");
                    }
                    fields += 1 + reader.getAttributeCount();
                    if (fields > limits.maxFields()) {
                        throw new MappingException("The XML body has more than " + limits.maxFields()
                                + " elements and attributes");
                    }
                    Frame frame = new Frame(reader.getLocalName());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        frame.fields.put("@" + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    open.push(frame);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Frame done = open.pop();
                    add(open.isEmpty() ? root : open.peek().fields, done.name, done.value());
                }
                default -> {
                    // Comments, processing instructions and the document's start and end carry no data.
                }
            }
        }
        if (root.isEmpty()) {
            throw new MappingException("The XML body is empty; expected a root element such as <order>...</order>");
        }
        return root;
    }

    /** The encoding an XML declaration names, else UTF-8; UTF-16 is recognized by its byte order mark. */
    private static Charset declaredCharset(byte[] body) {
        if (body.length >= 2 && (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF
                || body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        String start = new String(body, 0, Math.min(body.length, DECLARATION_LENGTH), StandardCharsets.ISO_8859_1);
        Matcher declaration = ENCODING.matcher(start);
        return declaration.lookingAt() ? Charsets.forName(declaration.group(1)) : StandardCharsets.UTF_8;
    }

    private static void add(ObjectNode parent, String name, JsonNode value) {
        JsonNode existing = parent.get(name);
        if (existing == null) {
            parent.set(name, value);
        } else if (existing.isArray()) {
            // Only repetition makes arrays here, so an array is the earlier siblings of this one.
            ((ArrayNode) existing).add(value);
        } else {
            parent.set(name, NODES.arrayNode().add(existing).add(value));
        }
    }

    private static String where(@Nullable Location location) {
        return location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String reason(XMLStreamException e) {
        Throwable nested = e.getNestedException();
        String message = nested != null && nested.getMessage() != null ? nested.getMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int detail = message.lastIndexOf("\nMessage: ");
        return detail < 0 ? message.strip() : message.substring(detail + "\nMessage: ".length()).strip();
    }

    private static void close(@Nullable XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing to release: the input is in memory.
            }
        }
    }

    private static final class Frame {
        final String name;
        final ObjectNode fields = NODES.objectNode();
        final StringBuilder text = new StringBuilder();

        Frame(String name) {
            this.name = name;
        }

        JsonNode value() {
            if (fields.isEmpty()) {
                return NODES.textNode(text.toString());
            }
            String content = text.toString().strip();
            if (!content.isEmpty()) {
                fields.put("#text", content);
            }
            return fields;
        }
    }
}
