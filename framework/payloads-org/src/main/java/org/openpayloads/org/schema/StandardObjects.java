package org.openpayloads.org.schema;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The standard objects every new org starts with, and the system fields every object has. Only the
 * common fields of each object are here: what integrations write and query most.
 */
public final class StandardObjects {

    /** An object to seed: its definition without the system fields. */
    public record Seed(String name, String label, String labelPlural, String keyPrefix, List<FieldDefinition> fields) {
    }

    static final List<String> INDUSTRIES = List.of("Agriculture", "Apparel", "Banking", "Biotechnology",
            "Chemicals", "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy",
            "Engineering", "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government",
            "Healthcare", "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit",
            "Recreation", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities",
            "Other");
    static final List<String> LEAD_SOURCES = List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List",
            "Other");
    static final List<String> RATINGS = List.of("Hot", "Warm", "Cold");

    private StandardObjects() {
    }

    public static List<Seed> seeds() {
        return List.of(account(), contact(), lead(), opportunity(), caseObject(), task(), user());
    }

    /** The fields the org keeps itself, first in every object's describe. */
    public static List<FieldDefinition> systemFields(String objectName) {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(system("Id", "Record ID", FieldType.ID, null, null));
        fields.add(system("IsDeleted", "Deleted", FieldType.BOOLEAN, null, null));
        if (!objectName.equals("User")) {
            fields.add(system("OwnerId", "Owner ID", FieldType.REFERENCE, "User", "Owner"));
        }
        fields.add(system("CreatedDate", "Created Date", FieldType.DATETIME, null, null));
        fields.add(system("CreatedById", "Created By ID", FieldType.REFERENCE, "User", "CreatedBy"));
        fields.add(system("LastModifiedDate", "Last Modified Date", FieldType.DATETIME, null, null));
        fields.add(system("LastModifiedById", "Last Modified By ID", FieldType.REFERENCE, "User", "LastModifiedBy"));
        fields.add(system("SystemModstamp", "System Modstamp", FieldType.DATETIME, null, null));
        return fields;
    }

    /** The full name that Contact, Lead and User compute from FirstName and LastName. */
    public static FieldDefinition computedName(int length) {
        return new FieldDefinition("Name", "Full Name", FieldType.STRING, length, 0, 0, false, false, false, false,
                false, true, List.of(), false, null, null, null, false);
    }

    private static Seed account() {
        List<FieldDefinition> f = new ArrayList<>();
        f.add(required(text("Name", "Account Name", 255)));
        f.add(text("AccountNumber", "Account Number", 40));
        f.add(picklist("Type", "Account Type", List.of("Prospect", "Customer - Direct", "Customer - Channel",
                "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other")));
        f.add(picklist("Industry", "Industry", INDUSTRIES));
        f.add(typed("Phone", "Account Phone", FieldType.PHONE, 40));
        f.add(typed("Fax", "Account Fax", FieldType.PHONE, 40));
        f.add(typed("Website", "Website", FieldType.URL, 255));
        address(f, "Billing", "Street");
        address(f, "Shipping", "Street");
        f.add(typed("Description", "Account Description", FieldType.TEXTAREA, 32000));
        f.add(number("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY, 18, 0));
        f.add(number("NumberOfEmployees", "Employees", FieldType.INT, 8, 0));
        f.add(picklist("Rating", "Account Rating", RATINGS));
        f.add(picklist("Ownership", "Ownership", List.of("Public", "Private", "Subsidiary", "Other")));
        f.add(text("Site", "Account Site", 80));
        f.add(text("Sic", "SIC Code", 20));
        f.add(text("TickerSymbol", "Ticker Symbol", 20));
        f.add(picklist("AccountSource", "Account Source", LEAD_SOURCES));
        f.add(reference("ParentId", "Parent Account ID", "Account", "Parent", "ChildAccounts"));
        return new Seed("Account", "Account", "Accounts", "001", f);
    }

    private static Seed contact() {
        List<FieldDefinition> f = new ArrayList<>();
        f.add(picklist("Salutation", "Salutation", List.of("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.")));
        f.add(text("FirstName", "First Name", 40));
        f.add(required(text("LastName", "Last Name", 80)));
        f.add(idLookup(typed("Email", "Email", FieldType.EMAIL, 80)));
        f.add(typed("Phone", "Business Phone", FieldType.PHONE, 40));
        f.add(typed("MobilePhone", "Mobile Phone", FieldType.PHONE, 40));
        f.add(text("Title", "Title", 128));
        f.add(text("Department", "Department", 80));
        f.add(reference("AccountId", "Account ID", "Account", "Account", "Contacts"));
        address(f, "Mailing", "Street");
        f.add(typed("Birthdate", "Birthdate", FieldType.DATE, 0));
        f.add(picklist("LeadSource", "Lead Source", LEAD_SOURCES));
        f.add(typed("HasOptedOutOfEmail", "Email Opt Out", FieldType.BOOLEAN, 0));
        f.add(typed("Description", "Contact Description", FieldType.TEXTAREA, 32000));
        return new Seed("Contact", "Contact", "Contacts", "003", f);
    }

    private static Seed lead() {
        List<FieldDefinition> f = new ArrayList<>();
        f.add(text("FirstName", "First Name", 40));
        f.add(required(text("LastName", "Last Name", 80)));
        f.add(required(text("Company", "Company", 255)));
        f.add(idLookup(typed("Email", "Email", FieldType.EMAIL, 80)));
        f.add(typed("Phone", "Phone", FieldType.PHONE, 40));
        f.add(text("Title", "Title", 128));
        f.add(required(picklist("Status", "Status", List.of("Open - Not Contacted", "Working - Contacted",
                "Closed - Converted", "Closed - Not Converted"))));
        f.add(picklist("LeadSource", "Lead Source", LEAD_SOURCES));
        f.add(picklist("Industry", "Industry", INDUSTRIES));
        f.add(picklist("Rating", "Rating", RATINGS));
        address(f, "", "Street");
        f.add(number("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY, 18, 0));
        f.add(number("NumberOfEmployees", "Employees", FieldType.INT, 8, 0));
        f.add(typed("Description", "Description", FieldType.TEXTAREA, 32000));
        return new Seed("Lead", "Lead", "Leads", "00Q", f);
    }

    private static Seed opportunity() {
        List<FieldDefinition> f = new ArrayList<>();
        f.add(required(text("Name", "Name", 120)));
        f.add(required(picklist("StageName", "Stage", List.of("Prospecting", "Qualification", "Needs Analysis",
                "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
                "Negotiation/Review", "Closed Won", "Closed Lost"))));
        f.add(required(typed("CloseDate", "Close Date", FieldType.DATE, 0)));
        f.add(number("Amount", "Amount", FieldType.CURRENCY, 18, 2));
        f.add(number("Probability", "Probability (%)", FieldType.PERCENT, 3, 0));
        f.add(reference("AccountId", "Account ID", "Account", "Account", "Opportunities"));
        f.add(reference("ContactId", "Contact ID", "Contact", "Contact", "Opportunities"));
        f.add(picklist("Type", "Opportunity Type", List.of("Existing Customer - Upgrade",
                "Existing Customer - Replacement", "Existing Customer - Downgrade", "New Customer")));
        f.add(picklist("LeadSource", "Lead Source", LEAD_SOURCES));
        f.add(text("NextStep", "Next Step", 255));
        f.add(typed("Description", "Description", FieldType.TEXTAREA, 32000));
        return new Seed("Opportunity", "Opportunity", "Opportunities", "006", f);
    }

    private static Seed caseObject() {
        List<FieldDefinition> f = new ArrayList<>();
        f.add(text("Subject", "Subject", 255));
        f.add(typed("Description", "Description", FieldType.TEXTAREA, 32000));
        f.add(picklist("Status", "Status", List.of("New", "Working", "Escalated", "Closed")));
        f.add(picklist("Priority", "Priority", List.of("High", "Medium", "Low")));
        f.add(picklist("Origin", "Case Origin", List.of("Phone", "Email", "Web")));
        f.add(picklist("Type", "Case Type", List.of("Question", "Problem", "Feature Request")));
        f.add(picklist("Reason", "Case Reason", List.of("Installation", "Equipment Complexity", "Performance",
                "Breakdown", "Equipment Design", "Feedback", "Other")));
        f.add(reference("AccountId", "Account ID", "Account", "Account", "Cases"));
        f.add(reference("ContactId", "Contact ID", "Contact", "Contact", "Cases"));
        f.add(typed("SuppliedEmail", "Web Email", FieldType.EMAIL, 80));
        f.add(text("SuppliedName", "Web Name", 80));
        return new Seed("Case", "Case", "Cases", "500", f);
    }

    private static Seed task() {
        List<FieldDefinition> f = new ArrayList<>();
        f.add(text("Subject", "Subject", 255));
        f.add(picklist("Status", "Status", List.of("Not Started", "In Progress", "Completed",
                "Waiting on someone else", "Deferred")));
        f.add(picklist("Priority", "Priority", List.of("High", "Normal", "Low")));
        // Polymorphic in Salesforce; here WhatId points at Accounts and WhoId at Contacts.
        f.add(reference("WhatId", "Related To ID", "Account", "What", "Tasks"));
        f.add(reference("WhoId", "Name ID", "Contact", "Who", "Tasks"));
        f.add(typed("ActivityDate", "Due Date Only", FieldType.DATE, 0));
        f.add(typed("Description", "Description", FieldType.TEXTAREA, 32000));
        return new Seed("Task", "Task", "Tasks", "00T", f);
    }

    private static Seed user() {
        List<FieldDefinition> f = new ArrayList<>();
        FieldDefinition username = required(text("Username", "Username", 80));
        f.add(new FieldDefinition(username.name(), username.label(), username.type(), username.length(), 0, 0, true,
                true, false, true, false, false, List.of(), false, null, null, null, false));
        f.add(required(idLookup(typed("Email", "Email", FieldType.EMAIL, 128))));
        f.add(text("FirstName", "First Name", 40));
        f.add(required(text("LastName", "Last Name", 80)));
        f.add(text("Alias", "Alias", 8));
        f.add(text("Title", "Title", 80));
        f.add(typed("IsActive", "Active", FieldType.BOOLEAN, 0));
        return new Seed("User", "User", "Users", "005", f);
    }

    private static void address(List<FieldDefinition> f, String prefix, String street) {
        f.add(typed(prefix + street, (prefix + " " + street).trim(), FieldType.TEXTAREA, 255));
        f.add(text(prefix + "City", (prefix + " City").trim(), 40));
        f.add(text(prefix + "State", (prefix + " State/Province").trim(), 80));
        f.add(text(prefix + "PostalCode", (prefix + " Zip/Postal Code").trim(), 20));
        f.add(text(prefix + "Country", (prefix + " Country").trim(), 80));
    }

    private static FieldDefinition text(String name, String label, int length) {
        return typed(name, label, FieldType.STRING, length);
    }

    private static FieldDefinition typed(String name, String label, FieldType type, int length) {
        return new FieldDefinition(name, label, type, length, 0, 0, false, false, false, false, false, false,
                List.of(), false, null, null, null, false);
    }

    private static FieldDefinition number(String name, String label, FieldType type, int precision, int scale) {
        return new FieldDefinition(name, label, type, 0, precision, scale, false, false, false, false, false, false,
                List.of(), false, null, null, null, false);
    }

    private static FieldDefinition picklist(String name, String label, List<String> values) {
        // Standard picklists are unrestricted, as in Salesforce: other values are stored as given.
        return new FieldDefinition(name, label, FieldType.PICKLIST, 40, 0, 0, false, false, false, false, false,
                false, values, false, null, null, null, false);
    }

    private static FieldDefinition reference(String name, String label, String to, String relationship,
                                             String children) {
        return new FieldDefinition(name, label, FieldType.REFERENCE, 18, 0, 0, false, false, false, false, false,
                false, List.of(), false, to, relationship, children, false);
    }

    private static FieldDefinition required(FieldDefinition f) {
        return new FieldDefinition(f.name(), f.label(), f.type(), f.length(), f.precision(), f.scale(), true,
                f.unique(), f.externalId(), f.idLookup(), f.custom(), f.system(), f.picklistValues(),
                f.restrictedPicklist(), f.referenceTo(), f.relationshipName(), f.childRelationshipName(),
                f.cascadeDelete());
    }

    private static FieldDefinition idLookup(FieldDefinition f) {
        return new FieldDefinition(f.name(), f.label(), f.type(), f.length(), f.precision(), f.scale(), f.required(),
                f.unique(), f.externalId(), true, f.custom(), f.system(), f.picklistValues(), f.restrictedPicklist(),
                f.referenceTo(), f.relationshipName(), f.childRelationshipName(), f.cascadeDelete());
    }

    private static FieldDefinition system(String name, String label, FieldType type, @Nullable String to,
                                          @Nullable String relationship) {
        return new FieldDefinition(name, label, type, type == FieldType.ID || to != null ? 18 : 0, 0, 0, false,
                false, false, name.equals("Id"), false, true, List.of(), false, to, relationship, null, false);
    }
}
