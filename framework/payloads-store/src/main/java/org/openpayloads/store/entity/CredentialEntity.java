package org.openpayloads.store.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.Length;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialType;

/**
 * A credential: plain attributes, and secrets held only as ciphertext. Envers audits the attributes but
 * never the secrets, so that no history table keeps an old secret.
 */
@Entity
@Table(name = "credential")
@Audited
public class CredentialEntity extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credential_seq")
    @SequenceGenerator(name = "credential_seq", sequenceName = "credential_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "integration_id", nullable = false)
    private IntegrationEntity integration;

    @Column(name = "api_name", nullable = false, length = 80)
    private String apiName = "";

    @Column(name = "label", nullable = false)
    private String label = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 40)
    private CredentialType type = CredentialType.CUSTOM;

    @ElementCollection
    @CollectionTable(name = "credential_attribute", joinColumns = @JoinColumn(name = "credential_id"))
    @MapKeyColumn(name = "name", length = 80)
    @Column(name = "attr_value", nullable = false, length = 4000)
    private Map<String, String> attributes = new HashMap<>();

    @NotAudited
    @ElementCollection
    @CollectionTable(name = "credential_secret", joinColumns = @JoinColumn(name = "credential_id"))
    @MapKeyColumn(name = "name", length = 80)
    @Column(name = "ciphertext", nullable = false, length = Length.LONG32)
    private Map<String, String> secrets = new HashMap<>();

    /** For Hibernate, which sets every field, the association included. */
    protected CredentialEntity() {
    }

    public CredentialEntity(IntegrationEntity integration) {
        this.integration = integration;
    }

    public void apply(String newApiName, String newLabel, CredentialType newType, Map<String, String> newAttributes) {
        apiName = newApiName;
        label = newLabel;
        type = newType;
        // Changed in place: Hibernate then writes only the entries that differ.
        attributes.keySet().retainAll(newAttributes.keySet());
        attributes.putAll(newAttributes);
    }

    public CredentialType getType() {
        return type;
    }

    public String getApiName() {
        return apiName;
    }

    public Map<String, String> getAttributes() {
        return Map.copyOf(attributes);
    }

    /** Secret name → ciphertext. */
    public Map<String, String> getSecrets() {
        return Map.copyOf(secrets);
    }

    public void putSecret(String name, String ciphertext) {
        secrets.put(name, ciphertext);
    }

    public void removeSecrets(Set<String> names) {
        secrets.keySet().removeAll(names);
    }

    /** Drops every secret but those named, as when the credential's type changes. */
    public void retainSecrets(Set<String> names) {
        secrets.keySet().retainAll(names);
    }

    public Credential toRecord(Map<String, String> maskedSecrets) {
        return new Credential(apiName, label, type, attributes, maskedSecrets, audit());
    }

    public @Nullable Long getId() {
        return id;
    }
}
