package org.sigportal.cluster.internal.demo;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * A watch with a selector the CRUD server cannot match itself: the server watches everything of the kind, and
 * this passes on what matches, the way an API server does: an object that comes to match is ADDED, one that stops
 * matching is DELETED.
 */
final class FilteredWatch extends WebSocketListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketListener delegate;
    private final ObjectSelector selector;
    private final Set<String> visible = new HashSet<>();
    private volatile @Nullable Filtering socket;

    FilteredWatch(WebSocketListener delegate, ObjectSelector selector) {
        this.delegate = delegate;
        this.selector = selector;
    }

    private WebSocket wrap(WebSocket target) {
        Filtering s = socket;
        if (s == null || s.target != target) {
            s = new Filtering(target);
            socket = s;
        }
        return s;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        delegate.onBeforeAccept(wrap(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        delegate.onOpen(wrap(webSocket), response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        delegate.onMessage(wrap(webSocket), text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        delegate.onMessage(wrap(webSocket), bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        delegate.onMessage(wrap(webSocket), bytes);
    }

    @Override
    public void onPing(WebSocket webSocket, byte[] bytes) {
        delegate.onPing(wrap(webSocket), bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        delegate.onClosing(wrap(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        delegate.onClosed(wrap(webSocket), code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        delegate.onFailure(wrap(webSocket), t, response);
    }

    /** The event to send instead of {@code text}, or null to send nothing. */
    synchronized @Nullable String filter(String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (RuntimeException e) {
            return text;
        }
        JsonNode object = event.path("object");
        String type = event.path("type").asString();
        if (!object.isObject() || !(type.equals("ADDED") || type.equals("MODIFIED") || type.equals("DELETED"))) {
            return text;
        }
        String key = object.path("metadata").path("namespace").asString() + "/"
                + object.path("metadata").path("name").asString();
        boolean matches = !type.equals("DELETED") && selector.test(object);
        boolean seen = visible.contains(key);
        String send;
        if (matches) {
            visible.add(key);
            send = seen ? "MODIFIED" : "ADDED";
        } else if (seen) {
            visible.remove(key);
            send = "DELETED";
        } else {
            return null;
        }
        if (send.equals(type)) {
            return text;
        }
        ((ObjectNode) event).put("type", send);
        return JSON.writeValueAsString(event);
    }

    private final class Filtering implements WebSocket {
        private final WebSocket target;

        Filtering(WebSocket target) {
            this.target = target;
        }

        @Override
        public RecordedRequest request() {
            return target.request();
        }

        @Override
        public boolean send(String text) {
            String filtered = filter(text);
            return filtered == null || target.send(filtered);
        }

        @Override
        public boolean send(byte[] bytes) {
            return target.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return target.close(code, reason);
        }
    }
}
