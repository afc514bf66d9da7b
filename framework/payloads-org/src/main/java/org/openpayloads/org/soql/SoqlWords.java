package org.openpayloads.org.soql;

import java.util.Set;

/** The words that mean something to the parser, upper-case. */
final class SoqlWords {

    /** Words that cannot name a field or an object. */
    static final Set<String> RESERVED = Set.of("AND", "ASC", "DESC", "EXCLUDES", "FIRST", "FROM", "GROUP",
            "HAVING", "IN", "INCLUDES", "LAST", "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "OR", "SELECT", "WHERE",
            "WITH");
    /** Salesforce has objects named Group and Order, so an object name may be any word but these. */
    static final Set<String> OBJECT_RESERVED = Set.of("AND", "ASC", "DESC", "FROM", "IN", "LIKE", "LIMIT",
            "NOT", "NULL", "OR", "SELECT", "WHERE", "WITH", "OFFSET");
    static final Set<String> AGGREGATES = Set.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX");
    /** Salesforce date literals beyond the five that the embedded org evaluates. */
    static final Set<String> OTHER_DATE_LITERALS = Set.of("LAST_WEEK", "THIS_WEEK", "NEXT_WEEK",
            "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "LAST_90_DAYS", "NEXT_90_DAYS", "THIS_QUARTER", "LAST_QUARTER",
            "NEXT_QUARTER", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR", "THIS_FISCAL_QUARTER", "LAST_FISCAL_QUARTER",
            "NEXT_FISCAL_QUARTER", "THIS_FISCAL_YEAR", "LAST_FISCAL_YEAR", "NEXT_FISCAL_YEAR", "N_DAYS_AGO",
            "NEXT_N_WEEKS", "LAST_N_WEEKS", "N_WEEKS_AGO", "NEXT_N_MONTHS", "LAST_N_MONTHS", "N_MONTHS_AGO",
            "NEXT_N_QUARTERS", "LAST_N_QUARTERS", "N_QUARTERS_AGO", "NEXT_N_YEARS", "LAST_N_YEARS", "N_YEARS_AGO",
            "NEXT_N_FISCAL_QUARTERS", "LAST_N_FISCAL_QUARTERS", "N_FISCAL_QUARTERS_AGO", "NEXT_N_FISCAL_YEARS",
            "LAST_N_FISCAL_YEARS", "N_FISCAL_YEARS_AGO");

    /** Words that may follow the object name. */
    static final Set<String> CLAUSES = Set.of("WHERE", "ORDER", "LIMIT", "OFFSET", "GROUP", "HAVING", "USING",
            "WITH", "FOR", "UPDATE", "ALL");

    private SoqlWords() {
    }
}
