package org.openpayloads.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.config.ConfigDef.Validator;

class ConfigDefTest {

    private final ConfigDef def = new ConfigDef()
            .define("username", Type.STRING, Required.YES, "login", "the user to log in as")
            .define("password", Type.SECRET, Required.YES, "login", "the user's password")
            .define("timeoutSeconds", Type.INT, "30", Validator.NONE, "http", "request timeout")
            .define("tokenUrl", Type.URL, Required.NO, "login", "where tokens come from")
            .define("flow", Type.STRING, "PASSWORD", Validator.oneOf("PASSWORD", "JWT"), "login", "the flow");

    @Test
    void collectsEveryProblemNotOnlyTheFirst() {
        var errors = def.validate(Map.of("timeoutSeconds", "soon", "tokenUrl", "not a url", "flow", "MAGIC",
                "colour", "red"));

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("username", "password", "timeoutSeconds", "tokenUrl", "flow", "colour");
        assertThat(errors).filteredOn(e -> e.field().equals("timeoutSeconds"))
                .singleElement().extracting(FieldError::message).asString().contains("'soon'", "whole number");
        assertThat(errors).filteredOn(e -> e.field().equals("flow"))
                .singleElement().extracting(FieldError::message).asString().contains("JWT, PASSWORD");
    }

    @Test
    void blankCountsAsMissing() {
        assertThat(def.validate(Map.of("username", " ", "password", "pw")))
                .extracting(FieldError::field).containsExactly("username");
    }

    @Test
    void neverEchoesASecret() {
        ConfigDef numericSecret = new ConfigDef().define("pin", Type.SECRET, Required.YES, "g", "a pin");
        assertThat(numericSecret.validate(Map.of("pin", "1234"))).isEmpty();
        ConfigDef secretUrl = new ConfigDef()
                .define("hook", Type.SECRET, "x", v -> v.startsWith("https") ? java.util.Optional.empty()
                        : java.util.Optional.of("expected https"), "g", "a hook");
        assertThat(secretUrl.validate(Map.of("hook", "http://s3cr3t"))).extracting(FieldError::message)
                .noneMatch(m -> m.contains("s3cr3t"));
    }

    @Test
    void parseFillsDefaults() {
        Map<String, String> parsed = def.parse(Map.of("username", "ann", "password", "pw"));
        assertThat(parsed).containsEntry("timeoutSeconds", "30").containsEntry("flow", "PASSWORD")
                .doesNotContainKey("tokenUrl");
    }

    @Test
    void parseThrowsWithAllErrors() {
        assertThatThrownBy(() -> def.parse(Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).hasSize(2));
    }

    @Test
    void refusesConflictingDeclarations() {
        assertThatThrownBy(() -> def.define("username", Type.STRING, Required.NO, "g", "again"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'username' is already defined");
        assertThatThrownBy(() -> new ConfigDef.Key("x", Type.STRING, Required.YES, "d", Validator.NONE, "g", "doc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot have a default ('d')");
    }

    @Test
    void betweenChecksARange() {
        ConfigDef sizes = new ConfigDef()
                .define("batchSize", Type.INT, "200", Validator.between(1, 200), "batching", "records per request");
        assertThat(sizes.validate(Map.of("batchSize", "201"))).extracting(FieldError::message)
                .containsExactly("value '201' is out of range; expected 1 to 200");
        assertThat(sizes.validate(Map.of("batchSize", "1"))).isEmpty();
        assertThat(Validator.between(1, 2).check("x")).contains("value 'x' is not a whole number; expected 1 to 2");
        assertThatThrownBy(() -> Validator.between(2, 1)).hasMessage("range was 2 to 1; expected min <= max");
    }

    @Test
    void hidesASecretThatAValidatorEchoes() {
        ConfigDef def = new ConfigDef().define("pin", Type.SECRET, "0000", Validator.between(1000, 9999), "g", "a pin");
        assertThat(def.validate(Map.of("pin", "123456"))).extracting(FieldError::message)
                .containsExactly("value '[hidden]' is out of range; expected 1000 to 9999");
    }

    @Test
    void acceptsOnlyAbsoluteHttpUrls() {
        assertThat(ConfigDef.isHttpUrl("https://login.salesforce.com")).isTrue();
        assertThat(ConfigDef.isHttpUrl("ftp://x")).isFalse();
        assertThat(ConfigDef.isHttpUrl("/relative")).isFalse();
    }
}
