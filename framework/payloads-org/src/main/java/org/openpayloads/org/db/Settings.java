package org.openpayloads.org.db;

import java.util.Optional;
import java.util.function.Supplier;

/** Org-wide values by name, in {@code org_setting}. */
public final class Settings implements SettingStore {

    private final TxRunner tx;

    public Settings(TxRunner tx) {
        this.tx = tx;
    }

    @Override
    public Optional<String> get(String name) {
        return tx.read(session -> Optional.ofNullable(session.find(SettingEntity.class, name)).map(s -> s.value));
    }

    @Override
    public void put(String name, String value) {
        tx.write(session -> {
            SettingEntity setting = session.find(SettingEntity.class, name);
            if (setting == null) {
                setting = new SettingEntity();
                setting.name = name;
                setting.value = value;
                session.persist(setting);
            } else {
                setting.value = value;
            }
            return null;
        });
    }

    /** The value, made by {@code initial} and stored the first time it is asked for. */
    public String getOrCreate(String name, Supplier<String> initial) {
        return get(name).orElseGet(() -> {
            String value = initial.get();
            put(name, value);
            return value;
        });
    }
}
