package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlParserTest {

    private static void assertMalformed(String soql, int column, String reason) {
        assertThatThrownBy(() -> SoqlParser.parse(soql))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SoqlException.MALFORMED_QUERY);
                    assertThat(e.getMessage()).contains("\nERROR at Row:1:Column:" + column + "\n" + reason);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT Id FROM Account                                   | SELECT Id FROM Account
            select id, name from account                             | SELECT id, name FROM account
            SELECT Id, Account.Name, Account.Owner.Name FROM Contact | SELECT Id, Account.Name, Account.Owner.Name FROM Contact
            SELECT COUNT() FROM Account                              | SELECT COUNT() FROM Account
            "SELECT count ( ) FROM Account WHERE Name = 'x'"         | "SELECT COUNT() FROM Account WHERE Name = 'x'"
            "SELECT Id FROM Account WHERE Name = 'Acme'"             | "SELECT Id FROM Account WHERE Name = 'Acme'"
            "SELECT Id FROM Account WHERE Name <> 'Acme'"            | "SELECT Id FROM Account WHERE Name != 'Acme'"
            SELECT Id FROM Opportunity WHERE Amount >= 10 AND Amount < 20.5 AND Amount <= -1 AND Amount > +2 | SELECT Id FROM Opportunity WHERE Amount >= 10 AND Amount < 20.5 AND Amount <= -1 AND Amount > +2
            SELECT Id FROM Account WHERE a = 1 OR b = 2 OR c = 3     | SELECT Id FROM Account WHERE a = 1 OR b = 2 OR c = 3
            SELECT Id FROM Account WHERE (a = 1 OR b = 2) AND c = 3  | SELECT Id FROM Account WHERE (a = 1 OR b = 2) AND c = 3
            SELECT Id FROM Account WHERE a = 1 AND (b = 2 OR (c = 3 AND d = 4)) | SELECT Id FROM Account WHERE a = 1 AND (b = 2 OR (c = 3 AND d = 4))
            SELECT Id FROM Account WHERE ((a = 1))                   | SELECT Id FROM Account WHERE a = 1
            SELECT Id FROM Account WHERE NOT a = 1                   | SELECT Id FROM Account WHERE NOT a = 1
            SELECT Id FROM Account WHERE NOT a = 1 AND b = 2         | SELECT Id FROM Account WHERE NOT a = 1 AND b = 2
            SELECT Id FROM Account WHERE NOT (a = 1 OR b = 2)        | SELECT Id FROM Account WHERE NOT (a = 1 OR b = 2)
            SELECT Id FROM Account WHERE not not a = 1               | SELECT Id FROM Account WHERE NOT NOT a = 1
            "SELECT Id FROM Account WHERE Name like 'Ac\\%%'"        | "SELECT Id FROM Account WHERE Name LIKE 'Ac\\%%'"
            "SELECT Id FROM Account WHERE Industry IN ('Tech','Retail')" | "SELECT Id FROM Account WHERE Industry IN ('Tech', 'Retail')"
            "SELECT Id FROM Account WHERE Industry not in ('Tech')"  | "SELECT Id FROM Account WHERE Industry NOT IN ('Tech')"
            SELECT Id FROM Account WHERE x IN (1, 2.5, null, true, 2024-01-01, TODAY) | SELECT Id FROM Account WHERE x IN (1, 2.5, null, true, 2024-01-01, TODAY)
            SELECT Id FROM Account WHERE Name = null AND Phone != NULL | SELECT Id FROM Account WHERE Name = null AND Phone != NULL
            SELECT Id FROM Account WHERE Active__c = TRUE OR Active__c = false | SELECT Id FROM Account WHERE Active__c = TRUE OR Active__c = false
            SELECT Id FROM Opportunity WHERE CloseDate = 2024-01-31  | SELECT Id FROM Opportunity WHERE CloseDate = 2024-01-31
            SELECT Id FROM Account WHERE CreatedDate > 2024-01-31T10:00:00+01:00 | SELECT Id FROM Account WHERE CreatedDate > 2024-01-31T10:00:00+01:00
            SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:7 OR CreatedDate = next_n_days : 3 | SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:7 OR CreatedDate = next_n_days : 3
            SELECT Id FROM Account WHERE a = TODAY OR a = YESTERDAY OR a = Tomorrow | SELECT Id FROM Account WHERE a = TODAY OR a = YESTERDAY OR a = Tomorrow
            SELECT Id FROM Account ORDER BY Name                     | SELECT Id FROM Account ORDER BY Name ASC NULLS FIRST
            SELECT Id FROM Account ORDER BY Name desc, Id            | SELECT Id FROM Account ORDER BY Name DESC NULLS LAST, Id ASC NULLS FIRST
            SELECT Id FROM Account ORDER BY Name ASC NULLS LAST, Amount DESC NULLS FIRST | SELECT Id FROM Account ORDER BY Name ASC NULLS LAST, Amount DESC NULLS FIRST
            SELECT Id FROM Account ORDER BY Account.Owner.Name       | SELECT Id FROM Account ORDER BY Account.Owner.Name ASC NULLS FIRST
            SELECT Id FROM Account LIMIT 10 OFFSET 20                | SELECT Id FROM Account LIMIT 10 OFFSET 20
            SELECT Id FROM Account OFFSET 0                          | SELECT Id FROM Account OFFSET 0
            SELECT COUNT() FROM Account LIMIT 5                      | SELECT COUNT() FROM Account LIMIT 5
            SELECT Id FROM Order ORDER BY Id                         | SELECT Id FROM Order ORDER BY Id ASC NULLS FIRST
            SELECT Id FROM Group                                     | SELECT Id FROM Group
            "SELECT Id FROM Account WHERE Name = 'SELECT * FROM x WHERE'" | "SELECT Id FROM Account WHERE Name = 'SELECT * FROM x WHERE'"
            SELECT A.B.C.D.E.F FROM Contact                          | SELECT A.B.C.D.E.F FROM Contact
            """)
    void parsesEveryConstructIntoCanonicalSoql(String soql, String canonical) {
        assertThat(SoqlParser.parse(soql).toSoql()).isEqualTo(canonical);
    }

    @Test
    void buildsTheSyntaxTree() {
        SoqlQuery query = SoqlParser.parse("SELECT Id, Account.Name\nFROM Contact WHERE LastName = 'Bluth' LIMIT 5");

        assertThat(query.fields()).containsExactly(new FieldPath(List.of("Id"), 7),
                new FieldPath(List.of("Account", "Name"), 11));
        assertThat(query.countOnly()).isFalse();
        assertThat(query.object()).isEqualTo("Contact");
        assertThat(query.objectPosition()).isEqualTo(29);
        assertThat(query.where()).contains(new Condition.Comparison(new FieldPath(List.of("LastName"), 43),
                Condition.Operator.EQUALS, new Literal(Literal.Kind.STRING, "Bluth", "'Bluth'", 54)));
        assertThat(query.orderBy()).isEmpty();
        assertThat(query.limit()).isEqualTo(OptionalInt.of(5));
        assertThat(query.offset()).isEmpty();
    }

    @Test
    void readsRelativeDatesAndNumbers() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE a IN (LAST_N_DAYS:30, -2.50)");

        Condition.InList in = (Condition.InList) query.where().orElseThrow();
        assertThat(in.values()).extracting(Literal::kind)
                .containsExactly(Literal.Kind.RELATIVE_DATE, Literal.Kind.NUMBER);
        assertThat(in.values().get(0).value()).isEqualTo(new RelativeDate(RelativeDate.Unit.LAST_N_DAYS, 30));
        assertThat(in.values().get(1).value()).isEqualTo(new java.math.BigDecimal("-2.50"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT Id FROM Account GROUP BY Name                             | 24 | GROUP BY is not supported by the embedded org
            SELECT Industry FROM Account WHERE Name != null GROUP BY Industry | 49 | GROUP BY is not supported by the embedded org
            "SELECT Id FROM Account WHERE Name = 'a' HAVING COUNT() > 1"     | 41 | HAVING is not supported by the embedded org
            SELECT Id, (SELECT Id FROM Contacts) FROM Account                | 12 | a sub-query in SELECT is not supported by the embedded org
            SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact) | 37 | a semi-join or anti-join (a sub-query in WHERE) is not supported by the embedded org
            SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) | 41 | a semi-join or anti-join (a sub-query in WHERE) is not supported by the embedded org
            SELECT Id FROM Account WHERE (SELECT Id FROM Contact)            | 31 | a sub-query in WHERE is not supported by the embedded org
            SELECT COUNT(Id) FROM Account                                    | 8  | COUNT(field) is not supported by the embedded org: use COUNT() alone
            SELECT SUM(Amount) FROM Opportunity                              | 8  | the aggregate function SUM() is not supported by the embedded org: only COUNT() is
            SELECT Id, max(Amount) FROM Opportunity                          | 12 | the aggregate function MAX() is not supported by the embedded org
            SELECT COUNT_DISTINCT(Name) FROM Account                         | 8  | the aggregate function COUNT_DISTINCT() is not supported
            SELECT FIELDS(ALL) FROM Account                                  | 8  | the function FIELDS() is not supported by the embedded org
            SELECT toLabel(Industry) FROM Account                            | 8  | the function TOLABEL() is not supported by the embedded org
            SELECT Id FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2024   | 30 | the function CALENDAR_YEAR() is not supported by the embedded org
            SELECT Id FROM Account ORDER BY MAX(Name)                        | 33 | the aggregate function MAX() is not supported
            SELECT TYPEOF What WHEN Account THEN Phone END FROM Event        | 8  | TYPEOF is not supported by the embedded org
            SELECT Id FROM Account FOR UPDATE                                | 24 | FOR UPDATE is not supported by the embedded org
            SELECT Id FROM Account LIMIT 1 FOR VIEW                          | 32 | FOR VIEW is not supported by the embedded org
            SELECT Id FROM Account WITH SECURITY_ENFORCED                    | 24 | WITH SECURITY_ENFORCED is not supported by the embedded org
            SELECT Id FROM Account USING SCOPE Mine                          | 24 | USING SCOPE is not supported by the embedded org
            SELECT Id FROM Account UPDATE VIEWSTAT                           | 24 | UPDATE VIEWSTAT is not supported by the embedded org
            SELECT Id FROM Account ALL ROWS                                  | 24 | ALL ROWS is not supported by the embedded org
            SELECT Id FROM Account a WHERE a.Name = 'x'                      | 24 | an object alias is not supported by the embedded org
            SELECT Id FROM Account WHERE Id = :accountId                     | 35 | Bind variables only allowed in Apex code
            SELECT Id FROM Account WHERE Id IN :ids                          | 36 | Bind variables only allowed in Apex code
            SELECT Id FROM Account LIMIT :n                                  | 30 | Bind variables only allowed in Apex code
            "SELECT Id FROM Account WHERE Tags__c INCLUDES ('a')"            | 38 | INCLUDES is not supported by the embedded org
            "SELECT Id FROM Account WHERE Tags__c excludes ('a')"            | 38 | EXCLUDES is not supported by the embedded org
            SELECT Id FROM Account WHERE CreatedDate = THIS_MONTH            | 44 | the date literal THIS_MONTH is not supported by the embedded org
            SELECT Id FROM Account WHERE CreatedDate > LAST_N_MONTHS:2       | 44 | the date literal LAST_N_MONTHS is not supported by the embedded org
            """)
    void rejectsUnsupportedSyntaxByName(String soql, int column, String reason) {
        assertMalformed(soql, column, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                                   | 1  | unexpected token: '<EOF>'
            SELECT                                               | 7  | unexpected token: '<EOF>', expected a field name
            SELECT FROM Account                                  | 8  | unexpected token: 'FROM'
            SELECT Id Account                                    | 11 | unexpected token: 'Account'
            SELECT Id, FROM Account                              | 12 | unexpected token: 'FROM'
            SELECT Id. FROM Account                              | 12 | unexpected token: 'FROM'
            SELECT Id FROM                                       | 15 | unexpected token: '<EOF>', expected an object name
            SELECT Id FROM Account WHERE                         | 29 | unexpected token: '<EOF>', expected a field name
            SELECT Id FROM Account WHERE NOT                     | 33 | unexpected token: '<EOF>', expected a field name
            SELECT Id FROM Account WHERE Name                    | 34 | unexpected token: '<EOF>'
            SELECT Id FROM Account WHERE Name =                  | 36 | unexpected token: '<EOF>'
            SELECT Id FROM Account WHERE a = 1 AND b = 2 OR c = 3 | 46 | unexpected token: 'OR'
            SELECT Id FROM Account WHERE a = 1 OR b = 2 AND c = 3 | 45 | unexpected token: 'AND'
            SELECT Id FROM Account WHERE (a = 1                  | 36 | unexpected token: '<EOF>'
            SELECT Id FROM Account WHERE a = 1)                  | 35 | unexpected token: ')'
            "SELECT Id FROM Account WHERE Name NOT LIKE 'a'"     | 39 | unexpected token: 'LIKE'
            SELECT Id FROM Account WHERE Name IN ()              | 39 | unexpected token: ')'
            "SELECT Id FROM Account WHERE Name IN ('a',)"        | 43 | unexpected token: ')'
            "SELECT Id FROM Account WHERE Name IN 'a'"           | 38 | unexpected token: ''a''
            "SELECT Id FROM Account WHERE Name = 'O'Brien'"      | 40 | unexpected token: 'Brien'
            SELECT * FROM Account                                | 8  | unexpected token: '*'
            SELECT Id FROM Account;                              | 23 | unexpected token: ';'
            SELECT Id FROM Account WHERE 1 = 1                   | 30 | unexpected token: '1'
            SELECT Id FROM Account WHERE Name = Acme             | 37 | unexpected token: 'Acme'
            "SELECT Id FROM Account WHERE Name == 'a'"           | 36 | unexpected token: '='
            "SELECT Id FROM Account WHERE Name = 'a' 'b'"        | 41 | unexpected token: ''b''
            SELECT Id FROM Account WHERE Name LIKE               | 39 | unexpected token: '<EOF>'
            SELECT Id FROM Account LIMIT -1                      | 30 | LIMIT needs a whole number from 0 to 2147483647, got '-1'
            SELECT Id FROM Account LIMIT 1.5                     | 30 | LIMIT needs a whole number
            SELECT Id FROM Account LIMIT 3000000000              | 30 | LIMIT needs a whole number
            SELECT Id FROM Account LIMIT                         | 29 | LIMIT needs a whole number from 0 to 2147483647, got '<EOF>'
            SELECT Id FROM Account OFFSET x                      | 31 | OFFSET needs a whole number
            SELECT Id FROM Account OFFSET 5 LIMIT 10             | 33 | unexpected token: 'LIMIT'
            "SELECT Id FROM Account LIMIT 5 WHERE Name = 'a'"    | 32 | unexpected token: 'WHERE'
            SELECT Id FROM Account ORDER Name                    | 30 | unexpected token: 'Name'
            SELECT Id FROM Account ORDER BY Name NULLS           | 43 | unexpected token: '<EOF>'
            SELECT Id FROM Account ORDER BY Name ASC DESC        | 42 | unexpected token: 'DESC'
            SELECT Id FROM Account ORDER BY Name NULLS MIDDLE    | 44 | unexpected token: 'MIDDLE'
            SELECT Id, COUNT() FROM Account                      | 12 | COUNT() must be the only element in the SELECT list
            SELECT COUNT(), Id FROM Account                      | 8  | COUNT() must be the only element in the SELECT list
            SELECT COUNT(), COUNT() FROM Account                 | 17 | COUNT() must be the only element in the SELECT list
            SELECT COUNT() FROM Account ORDER BY Name            | 29 | ORDER BY cannot be used with COUNT()
            SELECT Id FROM Account WHERE d = LAST_N_DAYS         | 45 | unexpected token: '<EOF>'
            SELECT Id FROM Account WHERE d = LAST_N_DAYS:-1      | 46 | LAST_N_DAYS needs a whole number of days, as in LAST_N_DAYS:7
            SELECT Id FROM Account WHERE d = NEXT_N_DAYS:1.5     | 46 | NEXT_N_DAYS needs a whole number of days
            SELECT A.B.C.D.E.F.G FROM Contact                    | 8  | the path A.B.C.D.E.F.G crosses 6 relationships, and a query may cross at most 5
            SELECT Id FROM Account WHERE Select = 1              | 30 | unexpected token: 'Select'
            SELECT Id FROM Account, Contact                      | 23 | unexpected token: ','
            """)
    void rejectsBadSyntaxWithTheOffendingToken(String soql, int column, String reason) {
        assertMalformed(soql, column, reason);
    }

    @Test
    void anUnescapedQuoteGetsSalesforcesMessageShape() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'O'Brien'"))
                .hasMessage("""

                        SELECT Id FROM Account WHERE Name = 'O'Brien'
                                                               ^
                        ERROR at Row:1:Column:40
                        unexpected token: 'Brien'""");
    }

    @Nested
    class Limits {

        private static String nested(int levels) {
            return "SELECT Id FROM Account WHERE " + "(".repeat(levels) + "a = 1" + ")".repeat(levels);
        }

        @ParameterizedTest(name = "{0} levels")
        @ValueSource(ints = {1, 50, SoqlParser.MAX_DEPTH - 1})
        void parsesNestingUpToTheCap(int levels) {
            assertThat(SoqlParser.parse(nested(levels)).toSoql()).endsWith("WHERE a = 1");
            assertThat(SoqlParser.parse("SELECT Id FROM Account WHERE " + "NOT ".repeat(levels) + "a = 1").where())
                    .isPresent();
        }

        @ParameterizedTest(name = "{0} levels")
        @ValueSource(ints = {SoqlParser.MAX_DEPTH, 1_000, 20_000})
        @Timeout(5)
        void rejectsDeeperNestingWithoutOverflowingTheStack(int levels) {
            assertMalformed(nested(levels), 30 + SoqlParser.MAX_DEPTH,
                    "the condition nests too deeply: at most 100 levels of parentheses and NOT");
            assertMalformed("SELECT Id FROM Account WHERE " + "NOT ".repeat(levels) + "a = 1",
                    30 + 4 * SoqlParser.MAX_DEPTH, "the condition nests too deeply");
        }

        @Test
        @Timeout(5)
        void acceptsAQueryOfExactlyTheMaximumLength() {
            String prefix = "SELECT Id FROM Account WHERE Name = '";
            String soql = prefix + "x".repeat(SoqlParser.MAX_LENGTH - prefix.length() - 1) + "'";

            assertThat(soql).hasSize(SoqlParser.MAX_LENGTH);
            assertThatCode(() -> SoqlParser.parse(soql)).doesNotThrowAnyException();
        }

        @Test
        void rejectsALongerQueryBeforeReadingIt() {
            String soql = "SELECT Id FROM Account WHERE Name = '" + "(".repeat(SoqlParser.MAX_LENGTH);

            assertThatThrownBy(() -> SoqlParser.parse(soql))
                    .isInstanceOfSatisfying(SoqlException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SoqlException.MALFORMED_QUERY))
                    .hasMessage("query is too long: 100037 characters, and the embedded org accepts at most 100000");
        }

        @Test
        @Timeout(5)
        void parsesAndCompilesAFlatChainOfThousandsOfConditions() {
            String conditions = IntStream.range(0, 3_000).mapToObj(i -> "Name = 'n" + i + "'")
                    .collect(Collectors.joining(" OR "));
            SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE " + conditions);

            CompiledQuery compiled = query.compile(TestSchema.STANDARD);

            assertThat(compiled.matches(TestRecord.of("Name", "N2999"))).isTrue();
            assertThat(compiled.matches(TestRecord.of("Name", "n3000"))).isFalse();
        }

        @Test
        @Timeout(5)
        void rejectsGarbageQuickly() {
            String garbage = Stream.generate(() -> "((( ' \\' AND OR NOT :x , . <> ")
                    .limit(3_000).collect(Collectors.joining());

            assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE " + garbage))
                    .isInstanceOf(SoqlException.class);
        }
    }

    @Nested
    class Robustness {

        private static final String[] WORDS = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER",
            "BY", "ASC", "DESC", "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "COUNT", "GROUP", "null", "true",
            "TODAY", "LAST_N_DAYS", "Id", "Name", "Account", "Contact", "Parent", "Active__c", "CreatedDate",
            "LastActivityDate", "AnnualRevenue", "(", ")", ",", ".", ":", "=", "!=", "<", ">=", "'x'", "'\\%'", "'",
            "\\", "5", "-1.5", "2024-01-01", "2024-01-01T00:00:00Z", "*", "😀"};

        /** Seeded, so a failure is reproducible: every outcome is a query or a SoqlException, nothing else. */
        @Test
        @Timeout(10)
        void randomTokenSoupNeverEscapesAsAnotherException() {
            Random random = new Random(20240131L);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder soql = new StringBuilder(random.nextInt(4) == 0 ? "" : "SELECT Id FROM Account WHERE ");
                int length = random.nextInt(25);
                for (int j = 0; j < length; j++) {
                    soql.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? "" : " ");
                }
                String text = soql.toString();
                try {
                    SoqlParser.parse(text).compile(TestSchema.STANDARD).apply(List.of(TestRecord.of("Name", "x")));
                } catch (SoqlException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("Unexpected " + e + " for: " + text, e);
                }
            }
        }
    }

    @Nested
    class Injection {

        private static final String LOOKUP = "SELECT Id FROM Account WHERE Stripe_Customer_Id__c = ";

        static Stream<String> hostileValues() {
            return SoqlStringsTest.awkwardValues();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("hostileValues")
        void aQuotedValueStaysOneStringLiteral(String value) {
            SoqlQuery query = SoqlParser.parse(LOOKUP + SoqlParser.quote(value) + " LIMIT 1");

            assertThat(query.where()).get().isInstanceOfSatisfying(Condition.Comparison.class, comparison -> {
                assertThat(comparison.field().text()).isEqualTo("Stripe_Customer_Id__c");
                assertThat(comparison.operator()).isEqualTo(Condition.Operator.EQUALS);
                assertThat(comparison.value().kind()).isEqualTo(Literal.Kind.STRING);
                assertThat(comparison.value().value()).isEqualTo(value);
            });
            assertThat(query.limit()).isEqualTo(OptionalInt.of(1));
            assertThat(query.orderBy()).isEmpty();
        }

        /**
         * What splicing a raw value into the lookup does. Most hostile values break the query; some quietly
         * change it, which no parser can notice: that is why every value must go through quote.
         */
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                O'Brien                         | MALFORMED_QUERY
                x' OR 1=1 OR Name='             | MALFORMED_QUERY
                \\                              | MALFORMED_QUERY
                a\\qb                           | MALFORMED_QUERY
                x' LIMIT 1 --                   | MALFORMED_QUERY
                x'; DELETE FROM Account; --     | MALFORMED_QUERY
                "x' OR Name != '"               | "SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'x' OR Name != ''"
                "\\' OR 1=1"                    | "SELECT Id FROM Account WHERE Stripe_Customer_Id__c = '\\' OR 1=1'"
                """)
        void anUnescapedValueBreaksOrChangesTheQuery(String value, String outcome) {
            String soql = LOOKUP + "'" + value + "'";
            if (outcome.equals("MALFORMED_QUERY")) {
                assertThatThrownBy(() -> SoqlParser.parse(soql)).isInstanceOfSatisfying(SoqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SoqlException.MALFORMED_QUERY));
            } else {
                assertThat(SoqlParser.parse(soql).toSoql()).isEqualTo(outcome);
                assertThat(SoqlParser.parse(LOOKUP + SoqlParser.quote(value)).where()).get()
                        .isInstanceOf(Condition.Comparison.class);
            }
        }
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> SoqlParser.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("soql");
        assertThatThrownBy(() -> SoqlParser.quote(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }
}
