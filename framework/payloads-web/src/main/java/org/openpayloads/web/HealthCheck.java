package org.openpayloads.web;

/** One thing {@code GET /health} reports on, such as the database. */
public interface HealthCheck {

    /** The name the health answer shows, for example {@code database}. */
    String name();

    /** Whether it works now. Should answer quickly; a check that throws counts as down. */
    boolean isUp();
}
