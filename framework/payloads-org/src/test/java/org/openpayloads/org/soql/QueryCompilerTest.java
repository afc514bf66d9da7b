package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compilation: name resolution, type checks and what a {@link CompiledQuery} reports before it runs. */
class QueryCompilerTest {

    private static CompiledQuery compile(String soql) {
        return SoqlParser.parse(soql).compile(TestSchema.STANDARD);
    }

    private static void assertRejected(String soql, String errorCode, int column, String reason) {
        assertThatThrownBy(() -> compile(soql)).isInstanceOfSatisfying(SoqlException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(errorCode);
            assertThat(e.getMessage()).contains("\nERROR at Row:1:Column:" + column + "\n" + reason);
        });
    }

    @Test
    void rejectsAnUnknownObjectWithSalesforcesMessage() {
        assertThatThrownBy(() -> compile("SELECT Id FROM Foo"))
                .isInstanceOfSatisfying(SoqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SoqlException.INVALID_TYPE))
                .hasMessage("\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is"
                        + " not supported. If you are attempting to use a custom object, be sure to append the '__c'"
                        + " after the entity name. Please reference your WSDL or the describe call for the"
                        + " appropriate names.");
    }

    @Test
    void rejectsAnUnknownFieldWithSalesforcesMessage() {
        assertThatThrownBy(() -> compile("SELECT Id, Nope FROM Account"))
                .isInstanceOfSatisfying(SoqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SoqlException.INVALID_FIELD))
                .hasMessage("\nSELECT Id, Nope FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column"
                        + " 'Nope' on entity 'Account'. If you are attempting to use a custom field, be sure to append"
                        + " the '__c' after the custom field name. Please reference your WSDL or the describe call"
                        + " for the appropriate names.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT Account.Nope FROM Contact                   | 8  | No such column 'Nope' on entity 'Account'. If you are attempting to use a custom field
            SELECT Account.Parent.Nope FROM Contact            | 8  | No such column 'Nope' on entity 'Account'.
            SELECT Account FROM Contact                        | 8  | No such column 'Account' on entity 'Contact'.
            SELECT Acount.Name FROM Contact                    | 8  | Didn't understand relationship 'Acount' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.
            SELECT AccountId.Name FROM Contact                 | 8  | Didn't understand relationship 'AccountId' in field path.
            SELECT Customer__c.Name FROM Contact               | 8  | Didn't understand relationship 'Customer__c' in field path.
            "SELECT Id FROM Contact WHERE Account.Nope = 'x'"  | 30 | No such column 'Nope' on entity 'Account'.
            SELECT Id FROM Contact ORDER BY Nope.Name          | 33 | Didn't understand relationship 'Nope' in field path.
            SELECT Id, Name, name FROM Account                 | 18 | duplicate field selected: Name
            SELECT Account.Name, account.NAME FROM Contact     | 22 | duplicate field selected: Name
            SELECT Id, Account.Id FROM Account                 | 12 | duplicate field selected: Id
            """)
    void rejectsUnknownNames(String soql, int column, String reason) {
        assertRejected(soql, SoqlException.INVALID_FIELD, column, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "WHERE Active__c = 'true'"             | 30 | value of filter criterion for field 'Active__c' must be of type boolean and should not be enclosed in quotes
            WHERE Active__c = TODAY                | 30 | value of filter criterion for field 'Active__c' must be of type boolean and should not be enclosed in quotes
            WHERE Name = 5                         | 30 | value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes
            WHERE Name = true                      | 30 | value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes
            WHERE Name = TODAY                     | 30 | value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes
            WHERE Industry = 2024-01-01            | 30 | value of filter criterion for field 'Industry' must be of type string and should be enclosed in quotes
            "WHERE NumberOfEmployees = '5'"        | 30 | value of filter criterion for field 'NumberOfEmployees' must be of type integer and should not be enclosed in quotes
            WHERE NumberOfEmployees = 1.5          | 30 | value of filter criterion for field 'NumberOfEmployees' must be of type integer
            "WHERE AnnualRevenue = '1'"            | 30 | value of filter criterion for field 'AnnualRevenue' must be of type double and should not be enclosed in quotes
            "WHERE LastActivityDate = '2024-01-01'" | 30 | value of filter criterion for field 'LastActivityDate' must be of type date and should not be enclosed in quotes
            WHERE LastActivityDate = 2024-01-01T00:00:00Z | 30 | value of filter criterion for field 'LastActivityDate' must be of type date
            WHERE CreatedDate = 2024-01-01         | 30 | value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes
            WHERE ParentId = 5                     | 30 | value of filter criterion for field 'ParentId' must be of type id and should be enclosed in quotes
            "WHERE Industry IN ('a', 5)"           | 30 | value of filter criterion for field 'Industry' must be of type string
            "WHERE Parent.Active__c = 'yes'"       | 30 | value of filter criterion for field 'Parent.Active__c' must be of type boolean
            WHERE Name LIKE 5                      | 30 | value of filter criterion for field 'Name' must be of type string
            WHERE Name LIKE null                   | 30 | value of filter criterion for field 'Name' must be of type string
            "WHERE AnnualRevenue LIKE '1%'"        | 30 | invalid operator on field 'AnnualRevenue': LIKE works on string fields, and 'AnnualRevenue' is of type currency
            "WHERE Id LIKE '001%'"                 | 30 | invalid operator on field 'Id': LIKE works on string fields, and 'Id' is of type id
            WHERE Active__c > false                | 30 | invalid operator on boolean field 'Active__c': use = or !=
            WHERE Active__c <= null                | 30 | invalid operator on boolean field 'Active__c': use = or !=
            "WHERE BillingAddress = 'x'"           | 30 | field 'BillingAddress' can not be filtered in a query call: the embedded org does not filter on address fields
            ORDER BY BillingAddress                | 33 | field 'BillingAddress' can not be sorted in a query call: the embedded org does not sort on address fields
            """)
    void checksTypes(String clause, int column, String reason) {
        assertRejected("SELECT Id FROM Account " + clause, SoqlException.INVALID_FIELD, column, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            AnnualRevenue > null   | 46 | null can only be compared with = or !=, not >
            Name LIKE 'a' OR LastActivityDate <= NULL | 67 | null can only be compared with = or !=, not <=
            """)
    void comparesNullOnlyForEquality(String where, int column, String reason) {
        assertRejected("SELECT Id FROM Account WHERE " + where, SoqlException.MALFORMED_QUERY, column, reason);
    }

    @Test
    void resolvesNamesIgnoringCaseAndReportsThemCanonically() {
        CompiledQuery query = compile("select id, lastname, account.name, ACCOUNT.PARENT.name,"
                + " customer__R.stripe_customer_id__c from CONTACT");

        assertThat(query.object()).isEqualTo("Contact");
        assertThat(query.countOnly()).isFalse();
        assertThat(query.selectedPaths()).containsExactly("Id", "LastName", "Account.Name", "Account.Parent.Name",
                "Customer__r.Stripe_Customer_Id__c");
        assertThat(query.relationshipsUsed()).containsExactlyInAnyOrder("Account", "Account.Parent", "Customer__r");
    }

    @Test
    void acceptsTheQueriedObjectsNameAsAPathPrefix() {
        CompiledQuery query = compile("SELECT Account.Name, Id FROM Account WHERE Account.Industry = 'x'");

        assertThat(query.selectedPaths()).containsExactly("Name", "Id");
        assertThat(query.relationshipsUsed()).isEmpty();
    }

    @Test
    void followsFiveLevelsOfParents() {
        CompiledQuery query = compile("SELECT Account.Parent.Parent.Parent.Parent.Name FROM Contact");

        assertThat(query.selectedPaths()).containsExactly("Account.Parent.Parent.Parent.Parent.Name");
        assertThat(query.relationshipsUsed()).hasSize(5).contains("Account.Parent.Parent.Parent.Parent");
    }

    @Test
    void reportsRelationshipsThatOnlyFiltersAndOrderingUse() {
        CompiledQuery query = compile("SELECT Id FROM Contact WHERE ReportsTo.Account.Name = 'x'"
                + " ORDER BY Customer__r.Name LIMIT 3 OFFSET 6");

        assertThat(query.relationshipsUsed()).containsExactlyInAnyOrder("ReportsTo", "ReportsTo.Account",
                "Customer__r");
        assertThat(query.limit()).hasValue(3);
        assertThat(query.offset()).hasValue(6);
    }

    @Test
    void compilesCountOnly() {
        CompiledQuery query = compile("SELECT COUNT() FROM opportunity WHERE Account.Name != null");

        assertThat(query.countOnly()).isTrue();
        assertThat(query.object()).isEqualTo("Opportunity");
        assertThat(query.selectedPaths()).isEmpty();
        assertThat(query.relationshipsUsed()).containsExactly("Account");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", textBlock = """
            "Name = 'Acme'"                                                 | Name=Acme
            "name = 'Acme' AND AnnualRevenue = 10.50 AND Industry != 'x'"   | Name=Acme, AnnualRevenue=10.50
            "(Name = 'a' AND Industry = 'b')"                               | Name=a, Industry=b
            "Name = 'Acme' OR Industry = 'Tech'"                            | ""
            "NOT Name = 'a'"                                                | ""
            "Name IN ('a')"                                                 | ""
            "Parent.Name = 'x'"                                             | ""
            "Account.Name = 'x'"                                            | Name=x
            Active__c = true                                                | ""
            Name = null                                                     | ""
            LastActivityDate = TODAY                                        | ""
            LastActivityDate = 2024-01-31 AND CreatedDate = 2024-01-31T10:00:00+01:00 | LastActivityDate=2024-01-31, CreatedDate=2024-01-31T10:00+01:00
            "Id = '001000000000001AAA'"                                     | Id=001000000000001AAA
            "Id = '001000000000001'"                                        | ""
            "Stripe_Customer_Id__c = 'x\\' OR Name != \\''"                 | Stripe_Customer_Id__c=x' OR Name != '
            """)
    void hintsAtTopLevelEqualities(String where, String expected) {
        CompiledQuery query = compile("SELECT Id FROM Account WHERE " + where);

        assertThat(query.equalityHints().stream().map(hint -> hint.field() + "=" + hint.value())
                .collect(Collectors.joining(", "))).isEqualTo(expected);
    }

    @Test
    void hintsCarryTheFieldsJavaType() {
        CompiledQuery query = compile("SELECT Id FROM Account WHERE AnnualRevenue = 10 AND NumberOfEmployees = 3");

        assertThat(query.equalityHints()).containsExactly(new EqualityHint("AnnualRevenue", new BigDecimal("10")),
                new EqualityHint("NumberOfEmployees", new BigDecimal("3")));
    }
}
