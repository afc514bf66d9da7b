package org.openpayloads.store.entity;

import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the actor of the write that made it. */
public final class ActorRevisionListener implements RevisionListener {

    /** Written when a change is made outside a store write, which should not happen. */
    static final String UNKNOWN = "unknown";

    @Override
    public void newRevision(Object revisionEntity) {
        String actor = AuditActor.current();
        ((AuditRevision) revisionEntity).setActor(actor == null ? UNKNOWN : actor);
    }
}
