package org.openpayloads.org.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A connected app: a client id and the hash of its secret. */
@Entity
@Table(name = "org_connected_app")
public class ConnectedAppEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_connected_app_seq")
    @SequenceGenerator(name = "org_connected_app_seq", sequenceName = "org_connected_app_seq", allocationSize = 50)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name = "";

    @Column(name = "client_id", nullable = false, length = 100)
    public String clientId = "";

    @Column(name = "secret_hash", nullable = false, length = 200)
    public String secretHash = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.EPOCH;
}
