package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Evaluation: which records a compiled query matches, in which order, and how many. */
class CompiledQueryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-15T12:00:00Z"), ZoneOffset.UTC);

    private static final TestRecord ACME = TestRecord.of("Id", "001000000000001AAA", "Name", "Acme",
            "Industry", "Technology", "AnnualRevenue", new BigDecimal("1000000"), "NumberOfEmployees",
            new BigDecimal("50"), "Active__c", true, "CreatedDate", OffsetDateTime.parse("2024-01-10T09:00:00Z"),
            "LastActivityDate", LocalDate.of(2024, 1, 31), "Stripe_Customer_Id__c", "cus_123",
            "Score__c", new BigDecimal("4.5"));
    private static final TestRecord GLOBEX = TestRecord.of("Id", "001000000000002AAA", "Name", "Globex",
            "Industry", "Retail", "AnnualRevenue", new BigDecimal("500"), "NumberOfEmployees", new BigDecimal("5"),
            "Active__c", false, "CreatedDate", OffsetDateTime.parse("2024-01-15T23:30:00Z"),
            "LastActivityDate", LocalDate.of(2024, 2, 1), "Stripe_Customer_Id__c", "cus_456")
            .parent("Parent", ACME);
    private static final TestRecord INITECH = TestRecord.of("Id", "001000000000003AAA", "Name", "Initech",
            "CreatedDate", OffsetDateTime.parse("2023-12-31T23:59:59Z"),
            "Stripe_Customer_Id__c", "x' OR Name != '").parent("Parent", GLOBEX);
    private static final TestRecord HOOLI = TestRecord.of("Id", "001000000000004AAA", "Name", "hooli",
            "Industry", "technology", "AnnualRevenue", 2_000_000, "Active__c", true,
            "CreatedDate", OffsetDateTime.parse("2024-01-15T00:30:00+01:00"),
            "LastActivityDate", LocalDate.of(2024, 1, 15), "Stripe_Customer_Id__c", "50%_off\\path\nline");
    private static final List<TestRecord> ACCOUNTS = List.of(ACME, GLOBEX, INITECH, HOOLI);

    private static CompiledQuery compile(String soql) {
        return SoqlParser.parse(soql).compile(TestSchema.STANDARD, CLOCK);
    }

    private static String run(String soql, List<TestRecord> records) {
        return compile(soql).apply(records).stream().map(TestRecord::label).collect(Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", textBlock = """
            "Name = 'acme'"                                  | Acme
            "Name != 'Acme'"                                 | Globex, Initech, hooli
            "Name <> 'ACME'"                                 | Globex, Initech, hooli
            "Industry = 'TECHNOLOGY'"                        | Acme, hooli
            "Industry != 'Technology'"                       | Globex
            Industry = null                                  | Initech
            Industry != null                                 | Acme, Globex, hooli
            AnnualRevenue > 1000                             | Acme, hooli
            AnnualRevenue >= 1000000.0                       | Acme, hooli
            AnnualRevenue < 1000000                          | Globex
            AnnualRevenue <= 500                             | Globex
            AnnualRevenue = 2000000.00                       | hooli
            NumberOfEmployees = 50                           | Acme
            Score__c > 4                                     | Acme
            Score__c < -1                                    | ""
            Active__c = true                                 | Acme, hooli
            Active__c = false                                | Globex, Initech
            Active__c = null                                 | Globex, Initech
            Active__c != null                                | Acme, hooli
            Active__c != true                                | Globex, Initech
            "Name LIKE 'a%'"                                 | Acme
            "Name LIKE '%O%'"                                | Globex, hooli
            "Name LIKE '_lobex'"                             | Globex
            "Industry LIKE 'tech%'"                          | Acme, hooli
            "Industry IN ('retail', 'Nope')"                 | Globex
            "Industry NOT IN ('Retail')"                     | Acme, hooli
            "Industry IN ('Retail', null)"                   | Globex, Initech
            "Industry NOT IN ('Retail', null)"               | Acme, hooli
            "NOT Industry = 'Retail'"                        | Acme, Initech, hooli
            "Name = 'Acme' OR Name = 'Globex'"               | Acme, Globex
            "Industry = 'Technology' AND Active__c = true AND AnnualRevenue > 1500000" | hooli
            "(Industry = 'Retail' OR Industry = null) AND NOT Name LIKE 'I%'" | Globex
            "NOT (Name = 'Acme' OR Name = 'Globex')"         | Initech, hooli
            "Parent.Name = 'Acme'"                           | Globex
            "Parent.Parent.Name = 'ACME'"                    | Initech
            Parent.Name = null                               | Acme, hooli
            Parent.Name != null                              | Globex, Initech
            "Account.Name = 'Acme'"                          | Acme
            CreatedDate > 2024-01-12T00:00:00Z               | Globex, hooli
            CreatedDate = 2024-01-10T10:00:00+01:00          | Acme
            CreatedDate < 2024-01-01T00:00:00Z               | Initech
            LastActivityDate = 2024-01-31                    | Acme
            LastActivityDate >= 2024-01-31                   | Acme, Globex
            LastActivityDate < 2024-01-31                    | hooli
            "Id = '001000000000001'"                         | Acme
            "Id = '001000000000001aaa'"                      | Acme
            "Id IN ('001000000000002AAA', '001000000000001AAA')" | Acme, Globex
            "Stripe_Customer_Id__c = 'x\\' OR Name != \\''"  | Initech
            "Stripe_Customer_Id__c = '50%_off\\\\path\\nline'" | hooli
            "Stripe_Customer_Id__c = '50%'"                  | ""
            Website = null                                   | Acme, Globex, Initech, hooli
            """)
    void filtersLikeSalesforce(String where, String expected) {
        assertThat(run("SELECT Id FROM Account WHERE " + where, ACCOUNTS)).isEqualTo(expected);
    }

    @Nested
    class RelativeDates {

        private final List<TestRecord> days = Stream.of(-10, -7, -1, 0, 1, 3, 4)
                .map(offset -> TestRecord.of("Name", "d" + (offset > 0 ? "+" : "") + offset,
                        "LastActivityDate", LocalDate.of(2024, 1, 15).plusDays(offset)))
                .collect(Collectors.toList());

        {
            days.add(TestRecord.of("Name", "none"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", textBlock = """
                = TODAY                  | d0
                = YESTERDAY              | d-1
                = TOMORROW               | d+1
                < TODAY                  | d-10, d-7, d-1
                <= TODAY                 | d-10, d-7, d-1, d0
                > TODAY                  | d+1, d+3, d+4
                >= TOMORROW              | d+1, d+3, d+4
                != TODAY                 | d-10, d-7, d-1, d+1, d+3, d+4
                = LAST_N_DAYS:7          | d-7, d-1, d0
                = LAST_N_DAYS:0          | d0
                < LAST_N_DAYS:7          | d-10
                > LAST_N_DAYS:7          | d+1, d+3, d+4
                = NEXT_N_DAYS:3          | d+1, d+3
                > NEXT_N_DAYS:3          | d+4
                >= NEXT_N_DAYS:3         | d+1, d+3, d+4
                < NEXT_N_DAYS:3          | d-10, d-7, d-1, d0
                = NEXT_N_DAYS:0          | ""
                IN (YESTERDAY, TOMORROW) | d-1, d+1
                NOT IN (TODAY)           | d-10, d-7, d-1, d+1, d+3, d+4
                """)
        void evaluateDateFieldsAgainstTheClock(String condition, String expected) {
            assertThat(run("SELECT Id FROM Account WHERE LastActivityDate " + condition, days)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', textBlock = """
                UTC          | = TODAY     | 23:59 Paris, 00:00 Paris the day after
                UTC          | = YESTERDAY | 23:59 Paris the day before, 00:00 Paris
                Europe/Paris | = TODAY     | 00:00 Paris, 23:59 Paris
                Europe/Paris | = YESTERDAY | 23:59 Paris the day before
                Europe/Paris | > TODAY     | 00:00 Paris the day after
                Europe/Paris | <= TODAY    | 23:59 Paris the day before, 00:00 Paris, 23:59 Paris
                """)
        void evaluateDateTimesAsDaysInTheClocksZone(ZoneId zone, String condition, String expected) {
            List<TestRecord> instants = List.of(
                    TestRecord.of("Name", "23:59 Paris the day before", "CreatedDate",
                            OffsetDateTime.parse("2024-01-14T22:59:59Z")),
                    TestRecord.of("Name", "00:00 Paris", "CreatedDate", OffsetDateTime.parse("2024-01-15T00:00:00+01:00")),
                    TestRecord.of("Name", "23:59 Paris", "CreatedDate", OffsetDateTime.parse("2024-01-15T22:59:59Z")),
                    TestRecord.of("Name", "00:00 Paris the day after", "CreatedDate",
                            OffsetDateTime.parse("2024-01-15T23:00:00Z")));

            List<TestRecord> matched = SoqlParser.parse("SELECT Id FROM Account WHERE CreatedDate " + condition)
                    .compile(TestSchema.STANDARD, CLOCK.withZone(zone)).apply(instants);

            assertThat(matched.stream().map(TestRecord::label).collect(Collectors.joining(", "))).isEqualTo(expected);
        }

        @Test
        void defaultToUtcNow() {
            TestRecord today = TestRecord.of("Name", "today", "LastActivityDate", LocalDate.now(ZoneOffset.UTC));

            CompiledQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE LastActivityDate = LAST_N_DAYS:1")
                    .compile(TestSchema.STANDARD);

            assertThat(query.matches(today)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ""                                           | Acme, Globex, Initech, hooli
            AnnualRevenue                                | Initech, Globex, Acme, hooli
            AnnualRevenue ASC                            | Initech, Globex, Acme, hooli
            AnnualRevenue DESC                           | hooli, Acme, Globex, Initech
            AnnualRevenue ASC NULLS LAST                 | Globex, Acme, hooli, Initech
            AnnualRevenue DESC NULLS FIRST               | Initech, hooli, Acme, Globex
            Name                                         | Acme, Globex, hooli, Initech
            Name DESC                                    | Initech, hooli, Globex, Acme
            Industry NULLS LAST, Name DESC               | Globex, hooli, Acme, Initech
            Active__c, Name                              | Globex, Initech, Acme, hooli
            Parent.Name NULLS LAST, Name                 | Globex, Initech, Acme, hooli
            Parent.Name, Name DESC                       | hooli, Acme, Globex, Initech
            CreatedDate                                  | Initech, Acme, hooli, Globex
            LastActivityDate DESC                        | Globex, Acme, hooli, Initech
            """)
    void ordersWithNullsWhereAsked(String orderBy, String expected) {
        String soql = "SELECT Id FROM Account" + (orderBy.equals("\"\"") ? "" : " ORDER BY " + orderBy);

        assertThat(run(soql, ACCOUNTS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", textBlock = """
            LIMIT 2                | Acme, Globex
            OFFSET 1               | Globex, hooli, Initech
            LIMIT 2 OFFSET 1       | Globex, hooli
            LIMIT 2 OFFSET 3       | Initech
            OFFSET 4               | ""
            OFFSET 2147483647      | ""
            LIMIT 0                | ""
            LIMIT 2147483647 OFFSET 2 | hooli, Initech
            """)
    void pagesAfterOrdering(String paging, String expected) {
        assertThat(run("SELECT Id FROM Account ORDER BY Name " + paging, ACCOUNTS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT COUNT() FROM Account                           | 4
            SELECT COUNT() FROM Account WHERE Industry != null    | 3
            SELECT COUNT() FROM Account WHERE Industry != null LIMIT 2 | 2
            SELECT COUNT() FROM Account WHERE Name = null         | 0
            """)
    void countsMatches(String soql, int expected) {
        CompiledQuery query = compile(soql);

        assertThat(query.countOnly()).isTrue();
        assertThat(query.apply(ACCOUNTS)).hasSize(expected);
    }

    static Stream<String> hostileValues() {
        return SoqlStringsTest.awkwardValues();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileValues")
    void anEscapedLookupMatchesOnlyTheExactValue(String value) {
        List<TestRecord> customers = SoqlStringsTest.awkwardValues()
                .flatMap(v -> Stream.of(v, v + "x", "x" + v))
                .distinct()
                .map(v -> TestRecord.of("Id", v, "Stripe_Customer_Id__c", v))
                .collect(Collectors.toList());

        List<TestRecord> matched = compile("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = "
                + SoqlParser.quote(value)).apply(customers);

        assertThat(matched).extracting(record -> record.value("Stripe_Customer_Id__c")).containsExactly(value);
    }

    @Test
    void readsMissingParentsAsNull() {
        TestRecord orphan = TestRecord.of("Name", "orphan");
        CompiledQuery query = compile("SELECT Id, Account.Parent.Name FROM Contact"
                + " WHERE Account.Parent.Name = null AND Account.Parent.Industry != 'x'");

        assertThat(query.matches(orphan)).isFalse();
        assertThat(compile("SELECT Id FROM Contact WHERE Account.Parent.Name = null").matches(orphan)).isTrue();
    }

    @Test
    void acceptsAnyNumberTypeForNumericFields() {
        assertThat(compile("SELECT Id FROM Account WHERE NumberOfEmployees = 7 AND Score__c = 2.5")
                .matches(TestRecord.of("NumberOfEmployees", 7, "Score__c", 2.5d))).isTrue();
    }

    @Test
    void failsFastOnARecordValueOfTheWrongType() {
        CompiledQuery query = compile("SELECT Id FROM Account WHERE Name = 'x'");

        assertThatThrownBy(() -> query.matches(TestRecord.of("Name", 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Field 'Name' holds a java.lang.Integer (5), but a string field holds a java.lang.String");
    }

    @Test
    void matchesEveryRecordWithoutWhere() {
        CompiledQuery query = compile("SELECT Id FROM Account");

        assertThat(query.equalityHints()).isEmpty();
        assertThat(ACCOUNTS).allMatch(query::matches);
        assertThat(query.ordering().compare(ACME, HOOLI)).isZero();
    }
}
