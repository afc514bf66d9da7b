package org.openpayloads.org.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One org-wide value by name. */
@Entity
@Table(name = "org_setting")
public class SettingEntity {

    @Id
    @Column(name = "name", nullable = false, length = 80)
    public String name = "";

    @Column(name = "setting_value", nullable = false, length = 4000)
    public String value = "";
}
