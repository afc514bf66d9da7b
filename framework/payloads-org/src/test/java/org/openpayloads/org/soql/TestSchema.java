package org.openpayloads.org.soql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small Salesforce-like schema for tests: Account (with a Parent account), Contact (with Account, a custom
 * Customer__r and ReportsTo) and Opportunity (with Account). Names match ignoring case, as the org's will.
 */
final class TestSchema implements SchemaView {

    static final TestSchema STANDARD = new TestSchema()
            .object("Account", new String[][] {
                {"Id", "id"}, {"Name", "string"}, {"Industry", "picklist"}, {"AnnualRevenue", "currency"},
                {"NumberOfEmployees", "int"}, {"Active__c", "boolean"}, {"CreatedDate", "datetime"},
                {"LastActivityDate", "date"}, {"Stripe_Customer_Id__c", "string"}, {"Description", "textarea"},
                {"Website", "url"}, {"Phone", "phone"}, {"Score__c", "double"}, {"ParentId", "reference"},
                {"BillingAddress", "address"}},
                    new String[][] {{"Parent", "Account", "ParentId"}})
            .object("Contact", new String[][] {
                {"Id", "id"}, {"FirstName", "string"}, {"LastName", "string"}, {"Email", "email"},
                {"AccountId", "reference"}, {"Birthdate", "date"}, {"Customer__c", "reference"},
                {"ReportsToId", "reference"}, {"DoNotCall", "boolean"}, {"CreatedDate", "datetime"}},
                    new String[][] {{"Account", "Account", "AccountId"}, {"Customer__r", "Account", "Customer__c"},
                        {"ReportsTo", "Contact", "ReportsToId"}})
            .object("Opportunity", new String[][] {
                {"Id", "id"}, {"Name", "string"}, {"Amount", "currency"}, {"Probability", "percent"},
                {"CloseDate", "date"}, {"StageName", "picklist"}, {"IsWon", "boolean"}, {"AccountId", "reference"},
                {"CreatedDate", "datetime"}},
                    new String[][] {{"Account", "Account", "AccountId"}});

    private record Field(String name, String type) implements FieldView {
    }

    private record Relationship(String name, String targetObject, String field) implements RelationshipView {
    }

    private record TestObject(String name, Map<String, FieldView> fields, Map<String, RelationshipView> relationships)
            implements ObjectView {

        @Override
        public Optional<FieldView> field(String name) {
            return Optional.ofNullable(fields.get(key(name)));
        }

        @Override
        public Optional<RelationshipView> relationship(String relationshipName) {
            return Optional.ofNullable(relationships.get(key(relationshipName)));
        }
    }

    private final Map<String, ObjectView> objects = new LinkedHashMap<>();

    private TestSchema object(String name, String[][] fields, String[][] relationships) {
        Map<String, FieldView> fieldViews = new LinkedHashMap<>();
        for (String[] field : fields) {
            fieldViews.put(key(field[0]), new Field(field[0], field[1]));
        }
        Map<String, RelationshipView> relationshipViews = new LinkedHashMap<>();
        for (String[] relationship : relationships) {
            relationshipViews.put(key(relationship[0]),
                    new Relationship(relationship[0], relationship[1], relationship[2]));
        }
        objects.put(key(name), new TestObject(name, fieldViews, relationshipViews));
        return this;
    }

    @Override
    public Optional<ObjectView> object(String name) {
        return Optional.ofNullable(objects.get(key(name)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
