package org.openpayloads.testkit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.connector.HttpTransport;
import org.openpayloads.api.connector.RecordConnector;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordWrite;

/**
 * A peer that misbehaves in one way, and collects every text a connector produced while talking to it:
 * its requests' {@code toString}, its warnings, and its exceptions.
 */
final class BadPeer implements HttpTransport, ConnectorListener {

    enum Behaviour {
        REFUSES("answers 401 to everything"),
        ECHOES("echoes each request back in a 400 error"),
        FAILS("answers 500 to everything"),
        UNREACHABLE("cannot be reached");

        final String description;

        Behaviour(String description) {
            this.description = description;
        }
    }

    private final Behaviour behaviour;
    private final List<String> texts = Collections.synchronizedList(new ArrayList<>());

    BadPeer(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Connects, writes, looks up and describes; returns every text produced on the way. */
    List<String> exercise(RecordConnector connector, Map<String, String> config) {
        try (RecordClient client = connector.connect(new ConnectorContext(Clock.systemUTC(), this, this), config)) {
            texts.add(client.toString());
            attempt(() -> client.write(RecordWrite.insert("ContractObject", Map.of("Name", "x"))));
            attempt(() -> client.findId("ContractObject", "Name", "x"));
            attempt(() -> client.describe("ContractObject"));
        } catch (RuntimeException e) {
            collect(e);
        }
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    @Override
    public CompletableFuture<HttpResult> send(HttpCall call) {
        texts.add(call.toString());
        return switch (behaviour) {
            case REFUSES -> answer(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
            case ECHOES -> answer(400, echo(call));
            case FAILS -> answer(500, "[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]");
            case UNREACHABLE -> CompletableFuture.failedFuture(new IOException("Connection refused: " + call.uri()));
        };
    }

    @Override
    public void limitUsage(String connection, long used, long max) {
        texts.add(connection);
    }

    @Override
    public void warn(String message) {
        texts.add(message);
    }

    private void attempt(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            collect(e);
        }
    }

    private void collect(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            texts.add(t.toString());
            if (t instanceof ConfigException config) {
                config.errors().stream().map(FieldError::message).forEach(texts::add);
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
    }

    /** The request, decoded, in every error field a peer might use, as a careless server would echo it. */
    private static String echo(HttpCall call) {
        String request = URLDecoder.decode(new String(call.body(), StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                + " " + call.uri() + " " + call.headers();
        String quoted = quote(request);
        return "{\"error\":\"invalid_grant\",\"error_description\":" + quoted + ",\"errorCode\":\"INVALID_FIELD\","
                + "\"message\":" + quoted + "}";
    }

    private static CompletableFuture<HttpResult> answer(int status, String json) {
        return CompletableFuture.completedFuture(new HttpResult(status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
