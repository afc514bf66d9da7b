package org.openpayloads.org.db;

import java.util.Optional;

/** Where org-wide values are kept by name. */
public interface SettingStore {

    Optional<String> get(String name);

    void put(String name, String value);
}
