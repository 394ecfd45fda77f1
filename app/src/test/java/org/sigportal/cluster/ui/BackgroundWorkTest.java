package org.sigportal.cluster.ui;

import org.junit.jupiter.api.Test;
import org.sigportal.base.PortalException;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What ends a drain or a bulk operation in the background always reaches its dialog, with a readable message. */
class BackgroundWorkTest {

    private final List<Object> done = new ArrayList<>();
    private final List<Throwable> failed = new ArrayList<>();

    @Test
    void aResultIsHandedOn() {
        BackgroundWork.run(() -> "report", done::add, failed::add);
        assertThat(done).containsExactly("report");
        assertThat(failed).isEmpty();
    }

    @Test
    void anUnexpectedExceptionEndsTheWorkWithAReferenceNotASpinner() {
        IllegalStateException boom = new IllegalStateException("informer closed");
        BackgroundWork.run(() -> {
            throw boom;
        }, done::add, failed::add);
        assertThat(done).isEmpty();
        assertThat(failed).containsExactly(boom);
        BackgroundWork.Message message = BackgroundWork.failure(boom, "nodes.error.drain-failed");
        assertThat(message.key()).isEqualTo("nodes.error.drain-failed");
        assertThat(message.arguments()).singleElement().asString().hasSize(8);
    }

    @Test
    void aRefusalKeepsItsOwnReasonAndMissingRightsSaySo() {
        PortalException refused = new PortalException("nodes.error.not-found", "lifsea-node-01");
        BackgroundWork.run(() -> {
            throw refused;
        }, done::add, failed::add);
        assertThat(failed).containsExactly(refused);
        BackgroundWork.Message message = BackgroundWork.failure(refused, "nodes.error.drain-failed");
        assertThat(message.key()).isEqualTo("nodes.error.not-found");
        assertThat(message.arguments()).containsExactly("lifsea-node-01");
        assertThat(BackgroundWork.failure(new AccessDeniedException("no"), "nodes.error.drain-failed").key())
                .isEqualTo("error.access-denied");
    }

    @Test
    void anErrorIsReportedAndThenGoesOnUp() {
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> BackgroundWork.run(() -> {
            throw error;
        }, done::add, failed::add)).isSameAs(error);
        assertThat(failed).containsExactly(error);
    }
}
