package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named value the store keeps about itself, such as the master key check. */
@Entity
@Table(name = "store_setting")
public class SettingEntity {

    @Id
    @Column(name = "name", nullable = false, length = 100)
    private String name = "";

    @Column(name = "setting_value", nullable = false, length = 4000)
    private String value = "";

    /** For Hibernate. */
    protected SettingEntity() {
    }

    public SettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getValue() {
        return value;
    }
}
