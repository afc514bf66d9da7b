package org.openpayloads.engine.config;

import java.util.List;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.CredentialChange;

/**
 * A rule of the server's own on credentials, checked when one is saved, beside the checks of its type:
 * for example that a sandbox server takes no live payment keys.
 */
@FunctionalInterface
public interface CredentialPolicy {

    /** No rule. */
    CredentialPolicy NONE = credential -> List.of();

    /**
     * Every problem with {@code credential}, by field ({@code attributes.loginUrl}, {@code secrets.secretKey});
     * never quoting a secret.
     */
    List<FieldError> check(CredentialChange credential);
}
