package org.openpayloads.engine.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.engine.model.TooLong;

class CoercerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "$.data.object.amount";
    private static final List<String> STAGES = List.of("Prospect", "Customer - Direct", "Other");

    private final Coercer coercer = new Coercer();

    /** Input and output are JSON: the input as a parsed body gives it, the output as the request would carry it. */
    @ParameterizedTest(name = "{0} field takes {1} as {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            string          | "abc"                             | "abc"
            string          | 42                                | "42"
            string          | 12.5                              | "12.5"
            string          | true                              | "true"
            string          | "  "                              | "  "
            textarea        | "a\\nb"                           | "a\\nb"
            encryptedstring | "s3cret"                          | "s3cret"
            combobox        | "anything"                        | "anything"
            boolean         | true                              | true
            boolean         | "TRUE"                            | true
            boolean         | "False"                           | false
            boolean         | "yes"                             | true
            boolean         | " No "                            | false
            boolean         | "1"                               | true
            boolean         | "0"                               | false
            boolean         | 1                                 | true
            boolean         | 0                                 | false
            boolean         | "  "                              | null
            int             | 42                                | 42
            int             | "42"                              | 42
            int             | "42.0"                            | 42
            int             | " -7 "                            | -7
            int             | -2147483648                       | -2147483648
            int             | "1e2"                             | 100
            long            | 9007199254740993                  | 9007199254740993
            double          | 12.5                              | 12.5
            double          | "12.50"                           | 12.50
            double          | "-.5"                             | -0.5
            currency        | 1999                              | 1999
            currency        | "19.99"                           | 19.99
            percent         | "7.5"                             | 7.5
            percent         | "  "                              | null
            date            | "2024-02-29"                      | "2024-02-29"
            date            | "2024-01-15T23:30:00Z"            | "2024-01-15"
            date            | "2024-01-15T23:30:00-05:00"       | "2024-01-16"
            date            | 1700000000                        | "2023-11-14"
            date            | ""                                | null
            datetime        | "2024-01-15T10:00:00Z"            | "2024-01-15T10:00:00.000Z"
            datetime        | "2024-01-15t10:00:00z"            | "2024-01-15T10:00:00.000Z"
            datetime        | "2024-01-15T10:00:00.123+01:00"   | "2024-01-15T09:00:00.123Z"
            datetime        | "2024-01-15T10:00:00+0100"        | "2024-01-15T09:00:00.000Z"
            datetime        | "2024-01-15T10:00:00"             | "2024-01-15T10:00:00.000Z"
            datetime        | "2024-01-15"                      | "2024-01-15T00:00:00.000Z"
            datetime        | 1700000000                        | "2023-11-14T22:13:20.000Z"
            datetime        | 1700000000.5                      | "2023-11-14T22:13:20.500Z"
            time            | "13:30:00"                        | "13:30:00.000Z"
            time            | "13:30:00.5Z"                     | "13:30:00.500Z"
            email           | " ada@example.co.uk "             | "ada@example.co.uk"
            email           | ""                                | null
            phone           | "+1 (415) 555-0100 x12"           | "+1 (415) 555-0100 x12"
            phone           | "020.7946.0958"                   | "020.7946.0958"
            url             | "https://example.com/a?b=c"       | "https://example.com/a?b=c"
            url             | "HTTP://EXAMPLE.COM"              | "HTTP://EXAMPLE.COM"
            url             | "example.com"                     | "example.com"
            url             | "www.example.co.uk/pricing"       | "www.example.co.uk/pricing"
            id              | "001000000000001"                 | "001000000000001"
            reference       | "001000000000001AAA"              | "001000000000001AAA"
            picklist        | "Prospect"                        | "Prospect"
            picklist        | "prospect"                        | "Prospect"
            picklist        | "CUSTOMER - DIRECT"               | "Customer - Direct"
            picklist        | " Other "                         | "Other"
            picklist        | "  "                              | null
            multipicklist   | "prospect; Other"                 | "Prospect;Other"
            multipicklist   | ["other", "Prospect"]             | "Other;Prospect"
            multipicklist   | "Other;other;"                    | "Other"
            multipicklist   | "  "                              | null
            multipicklist   | []                                | null
            base64          | "aGk="                            | "aGk="
            anytype         | "  "                              | "  "
            anytype         | 42                                | 42
            string          | null                              | null
            int             | null                              | null
            """)
    void coercesGoodValues(String type, String input, String output) throws JsonProcessingException {
        Object result = coercer.coerce(JSON.readTree(input), field(type), context(ZoneId.of("UTC")));

        assertThat(JSON.writeValueAsString(result)).isEqualTo(output);
    }

    @ParameterizedTest(name = "{0} field refuses {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            string        | {"a":1}                   | text
            string        | [1,2]                     | text
            boolean       | "maybe"                   | true or false (or yes/no, 1/0)
            boolean       | 2                         | true or false (or yes/no, 1/0)
            boolean       | {"a":true}                | true or false (or yes/no, 1/0)
            int           | "42.5"                    | a whole number
            int           | 42.5                      | a whole number
            int           | "abc"                     | a whole number
            int           | "1,000"                   | a whole number
            int           | true                      | a whole number
            int           | 2147483648                | a whole number between -2147483648 and 2147483647
            long          | 9223372036854775808       | a whole number between -9223372036854775808 and 9223372036854775807
            double        | "1,000"                   | a number
            double        | "NaN"                     | a number
            double        | "Infinity"                | a number
            double        | "0x10"                    | a number
            double        | "1e99999"                 | a number
            currency      | true                      | a number
            percent       | [1]                       | a number
            date          | "2024-02-30"              | a date (yyyy-MM-dd, an ISO-8601 date-time or epoch seconds)
            date          | "15/01/2024"              | a date (yyyy-MM-dd, an ISO-8601 date-time or epoch seconds)
            date          | "20240115"                | a date (yyyy-MM-dd, an ISO-8601 date-time or epoch seconds)
            date          | true                      | a date (yyyy-MM-dd, an ISO-8601 date-time or epoch seconds)
            date          | 1700000000000             | a date between the years 1700 and 4000 (a number is read as epoch seconds)
            datetime      | "2024-01-15 10:00:00"     | an ISO-8601 date-time (with an offset, or local to UTC) or epoch seconds
            datetime      | "yesterday"               | an ISO-8601 date-time (with an offset, or local to UTC) or epoch seconds
            datetime      | {"ts":1}                  | an ISO-8601 date-time (with an offset, or local to UTC) or epoch seconds
            datetime      | "1600-01-01T00:00:00Z"    | a date between the years 1700 and 4000 (a number is read as epoch seconds)
            time          | "25:00:00"                | a time (HH:mm:ss or HH:mm:ss.SSS, optionally ending in Z)
            time          | "13:30"                   | a time (HH:mm:ss or HH:mm:ss.SSS, optionally ending in Z)
            time          | 1330                      | a time (HH:mm:ss or HH:mm:ss.SSS, optionally ending in Z)
            email         | "ada@example"             | an email address
            email         | "ada@@example.com"        | an email address
            email         | "ada lovelace@example.com"| an email address
            email         | "ada@example..com"        | an email address
            phone         | "12"                      | a phone number (digits, spaces and + - ( ) . x, with at least 3 digits)
            phone         | "call me"                 | a phone number (digits, spaces and + - ( ) . x, with at least 3 digits)
            url           | "ftp://example.com"       | an http(s) URL or a domain name such as example.com
            url           | "javascript:alert(1)"     | an http(s) URL or a domain name such as example.com
            url           | "not a url"               | an http(s) URL or a domain name such as example.com
            url           | "localhost"               | an http(s) URL or a domain name such as example.com
            id            | "001000000000001A"        | a 15- or 18-character Salesforce id
            reference     | "001-00000000001"         | a 15- or 18-character Salesforce id
            picklist      | "Partner"                 | one of 'Prospect', 'Customer - Direct', 'Other'
            picklist      | {"v":"Other"}             | one of 'Prospect', 'Customer - Direct', 'Other'
            multipicklist | "Prospect;Partner"        | one of 'Prospect', 'Customer - Direct', 'Other'
            base64        | {"a":1}                   | a text, number or boolean
            """)
    void refusesBadValues(String type, String input, String expected) throws JsonProcessingException {
        JsonNode value = JSON.readTree(input);

        assertThatThrownBy(() -> coercer.coerce(value, field(type), context(ZoneId.of("UTC"))))
                .isInstanceOf(CoercionException.class)
                .isInstanceOf(MappingException.class)
                .hasMessageEndingWith(": expected " + expected + " (element " + PATH + ")");
    }

    @Test
    void messageNamesTheElementTheFieldTheValueAndTheExpectedType() {
        FieldDescription revenue = field("AnnualRevenue", "currency", 0, List.of());

        assertThatThrownBy(() -> coercer.coerce("abc", revenue, context(ZoneId.of("UTC"))))
                .hasMessage("Invalid value 'abc' for target field 'AnnualRevenue' of Account: expected a number "
                        + "(element $.data.object.amount)");
    }

    @Test
    void refusesTextWithANulCharacterWhichNoOrgStores() {
        FieldDescription name = field("Name", "string", 255, List.of());

        assertThatThrownBy(() -> coercer.coerce("cus_\u0000x", name, context(ZoneId.of("UTC"))))
                .isInstanceOf(CoercionException.class)
                .hasMessageContaining("for target field 'Name' of Account: expected text without NUL characters");
    }

    @Test
    void messageLeavesOutAnUnknownElement() {
        CoercionContext noPath = new CoercionContext("Contact", null, TooLong.FAIL, ZoneId.of("UTC"));

        assertThatThrownBy(() -> coercer.coerce("x", field("HasOptedOutOfEmail", "boolean", 0, List.of()), noPath))
                .hasMessage("Invalid value 'x' for target field 'HasOptedOutOfEmail' of Contact: "
                        + "expected true or false (or yes/no, 1/0)");
    }

    @Test
    void messageNamesTheBadItemOfAMultiPicklist() {
        assertThatThrownBy(() -> coercer.coerce("Other;Partner", field("multipicklist"), context(ZoneId.of("UTC"))))
                .hasMessage("Invalid value 'Partner' for target field 'Field' of Account: expected one of 'Prospect', "
                        + "'Customer - Direct', 'Other' (element $.data.object.amount)");
    }

    @Test
    void messageHidesTheValueOfAnEncryptedField() {
        FieldDescription ssn = field("SSN__c", "encryptedstring", 4, List.of());

        assertThatThrownBy(() -> coercer.coerce("123-45-6789", ssn, context(ZoneId.of("UTC"))))
                .hasMessage("Invalid value [hidden] for target field 'SSN__c' of Account: expected at most 4 "
                        + "characters, got 11 (element $.data.object.amount)");
    }

    @Test
    void messageShortensALongValue() throws JsonProcessingException {
        JsonNode big = JSON.readTree("{\"items\":[" + "1,".repeat(100) + "1]}");

        assertThatThrownBy(() -> coercer.coerce(big, field("int"), context(ZoneId.of("UTC"))))
                .hasMessageStartingWith("Invalid value '{\"items\":[1,1,")
                .hasMessageContaining("…' for target field");
    }

    @ParameterizedTest(name = "{0} in a field of {1} becomes {2}")
    @CsvSource(delimiter = '|', textBlock = """
            abcdefg    | 5  | abcde
            abcde      | 5  | abcde
            ab😀cd     | 3  | ab
            ab😀cd     | 4  | ab😀
            😀😀😀     | 5  | 😀😀
            ab😀cd     | 6  | ab😀cd
            abcdefg    | 0  | abcdefg
            """)
    void truncatesLongTextsAtCodePoints(String text, int length, String expected) {
        CoercionContext truncate = new CoercionContext("Account", PATH, TooLong.TRUNCATE, ZoneId.of("UTC"));

        assertThat(coercer.coerce(text, field("Name", "string", length, List.of()), truncate)).isEqualTo(expected);
    }

    @Test
    void failsOnALongTextWhenAskedTo() {
        assertThatThrownBy(() -> coercer.coerce("abcdefg", field("Name", "string", 5, List.of()), context(ZoneId.of("UTC"))))
                .hasMessage("Invalid value 'abcdefg' for target field 'Name' of Account: expected at most 5 characters, "
                        + "got 7 (element $.data.object.amount)");
    }

    @Test
    void neverTruncatesAnEmailSinceTheRestWouldBeWrong() {
        CoercionContext truncate = new CoercionContext("Account", PATH, TooLong.TRUNCATE, ZoneId.of("UTC"));

        assertThatThrownBy(() -> coercer.coerce("ada@example.com", field("Email", "email", 10, List.of()), truncate))
                .hasMessageContaining("expected at most 10 characters, got 15");
    }

    @ParameterizedTest(name = "{0} {1} in {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            datetime | 2024-01-15T10:00:00    | America/New_York | 2024-01-15T15:00:00.000Z
            datetime | 2024-07-15T10:00:00    | America/New_York | 2024-07-15T14:00:00.000Z
            datetime | 2024-01-15             | America/New_York | 2024-01-15T05:00:00.000Z
            datetime | 2024-01-15T10:00:00Z   | America/New_York | 2024-01-15T10:00:00.000Z
            datetime | 2024-01-15T10:00:00    | Asia/Tokyo       | 2024-01-15T01:00:00.000Z
            date     | 2024-01-15T02:00:00Z   | America/New_York | 2024-01-14
            date     | 2024-01-15T20:00:00Z   | Asia/Tokyo       | 2024-01-16
            date     | 2024-01-15T02:00:00    | America/New_York | 2024-01-15
            """)
    void readsTimesInTheContextZone(String type, String text, String zone, String expected) {
        assertThat(coercer.coerce(text, field(type), context(ZoneId.of(zone)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "epoch {0} as a {1} in {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1700000000 | datetime | America/New_York | 2023-11-14T22:13:20.000Z
            1700000000 | date     | America/New_York | 2023-11-14
            1700000000 | date     | Asia/Tokyo       | 2023-11-15
            0          | datetime | Asia/Tokyo       | 1970-01-01T00:00:00.000Z
            -1         | datetime | UTC              | 1969-12-31T23:59:59.000Z
            """)
    void readsNumbersAsEpochSeconds(long seconds, String type, String zone, String expected) {
        assertThat(coercer.coerce(seconds, field(type), context(ZoneId.of(zone)))).isEqualTo(expected);
    }

    @Test
    void readsANumericTextAsTextNotAsEpochSeconds() {
        assertThatThrownBy(() -> coercer.coerce("1700000000", field("datetime"), context(ZoneId.of("UTC"))))
                .isInstanceOf(CoercionException.class);
    }

    @Test
    void takesPlainJavaValues() {
        CoercionContext utc = context(ZoneId.of("UTC"));

        assertThat(coercer.coerce(42, field("int"), utc)).isEqualTo(42L);
        assertThat(coercer.coerce(new BigDecimal("3E+2"), field("string"), utc)).isEqualTo("300");
        assertThat(coercer.coerce(new BigDecimal("3E+2"), field("currency"), utc)).isEqualTo(new BigDecimal("300"));
        assertThat(coercer.coerce(0.1f, field("double"), utc)).isEqualTo(new BigDecimal("0.1"));
        assertThat(coercer.coerce(Boolean.TRUE, field("string"), utc)).isEqualTo("true");
        assertThat(coercer.coerce(LocalDate.of(2024, 1, 15), field("date"), utc)).isEqualTo("2024-01-15");
        assertThat(coercer.coerce(Instant.ofEpochSecond(1_700_000_000), field("datetime"), utc))
                .isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(coercer.coerce(OffsetDateTime.parse("2024-01-15T10:00:00+02:00"), field("datetime"), utc))
                .isEqualTo("2024-01-15T08:00:00.000Z");
        assertThat(coercer.coerce(LocalTime.of(9, 5), field("time"), utc)).isEqualTo("09:05:00.000Z");
        assertThat(coercer.coerce(List.of("other", "Prospect"), field("multipicklist"), utc)).isEqualTo("Other;Prospect");
    }

    @Test
    void refusesPlainJavaValuesOfNoScalarShape() {
        CoercionContext utc = context(ZoneId.of("UTC"));

        assertThatThrownBy(() -> coercer.coerce(Double.NaN, field("double"), utc))
                .hasMessageStartingWith("Invalid value 'NaN'");
        assertThatThrownBy(() -> coercer.coerce(List.of("a"), field("string"), utc))
                .hasMessageContaining("expected text");
        assertThatThrownBy(() -> coercer.coerce(Map.of("a", 1), field("int"), utc))
                .hasMessageContaining("expected a whole number");
    }

    @Test
    void givesNullForNullAndMissingValues() {
        CoercionContext utc = context(ZoneId.of("UTC"));

        assertThat(coercer.coerce(null, field("string"), utc)).isNull();
        assertThat(coercer.coerce(NullNode.getInstance(), field("boolean"), utc)).isNull();
        assertThat(coercer.coerce(MissingNode.getInstance(), field("datetime"), utc)).isNull();
    }

    private static CoercionContext context(ZoneId zone) {
        return new CoercionContext("Account", PATH, TooLong.FAIL, zone);
    }

    private static FieldDescription field(String type) {
        return field("Field", type, 0, type.endsWith("picklist") ? STAGES : List.of());
    }

    private static FieldDescription field(String name, String type, int length, List<String> picklistValues) {
        return new FieldDescription(name, type, length, true, true, true, false, false, picklistValues, List.of());
    }
}
