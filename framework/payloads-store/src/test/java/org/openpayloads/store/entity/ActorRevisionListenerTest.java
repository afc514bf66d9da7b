package org.openpayloads.store.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActorRevisionListenerTest {

    private final ActorRevisionListener listener = new ActorRevisionListener();

    @AfterEach
    void clear() {
        AuditActor.clear();
    }

    @Test
    void stampsTheRevisionWithTheCurrentActor() {
        AuditActor.set("alice");
        AuditRevision revision = new AuditRevision();

        listener.newRevision(revision);

        assertThat(revision.getActor()).isEqualTo("alice");
    }

    @Test
    void aChangeOutsideAStoreWriteIsStampedUnknown() {
        AuditRevision revision = new AuditRevision();

        listener.newRevision(revision);

        assertThat(revision.getActor()).isEqualTo("unknown");
    }

    @Test
    void theActorBelongsToOneThread() throws Exception {
        AuditActor.set("main-thread");
        String[] seen = new String[1];
        Thread other = new Thread(() -> seen[0] = AuditActor.current());
        other.start();
        other.join();

        assertThat(seen[0]).isNull();
        assertThat(AuditActor.current()).isEqualTo("main-thread");
    }
}
