package org.sigportal.cluster.internal.demo;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/** Answers the way an API server words them. */
final class Responses {

    private Responses() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse status(int code, String reason, String message) {
        return json(code, Serialization.asJson(new StatusBuilder().withNewMetadata().endMetadata()
                .withStatus("Failure").withReason(reason).withMessage(message).withCode(code).build()));
    }

    static MockResponse success(int code) {
        return json(code, Serialization.asJson(new StatusBuilder().withNewMetadata().endMetadata()
                .withStatus("Success").withCode(code).build()));
    }
}
