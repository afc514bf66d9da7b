package org.openpayloads.org.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The password hash of a User record. */
@Entity
@Table(name = "org_user_password")
public class UserPasswordEntity {

    @Id
    @Column(name = "user_id", nullable = false, length = 18)
    public String userId = "";

    @Column(name = "password_hash", nullable = false, length = 200)
    public String passwordHash = "";
}
