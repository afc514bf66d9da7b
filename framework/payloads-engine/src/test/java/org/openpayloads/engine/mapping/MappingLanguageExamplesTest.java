package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.*;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.expr.*;

class MappingLanguageExamplesTest {
    @Test
    void scratch() throws Exception {
        for (Functions.Doc d : Functions.docs()) {
            System.out.println("| `" + d.signature() + "` | " + d.arity() + " | " + d.description() + " |");
        }
        JsonNode root = StripeOrg.chargeSucceeded();
        EvaluationContext ctx = new EvaluationContext() {
            public Object read(String path) { return ElementReader.compile(path).read(root, null); }
            public Clock clock() { return Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC); }
            public ZoneId zone() { return ZoneOffset.UTC; }
        };
        ObjectMapper json = new ObjectMapper();
        for (String e : new String[] {
            "coalesce($.data.object.billing_details.name, $.data.object.customer)",
            "concat('Charge ', $.data.object.id, ' of ', $.data.object.amount)",
            "formatDate(unixToDatetime($.data.object.created), 'dd.MM.yyyy HH:mm', 'Europe/Paris')",
            "formatDate(unixToDatetime($.data.object.created), 'd MMM yyyy')",
            "formatNumber(1234.5, '#,##0.00')",
            "if($.data.object.livemode, 'live', 'test')",
            "isBlank($.data.object.billing_details.email)",
            "join(split('a,b,c', ','), ' / ')",
            "length($.data.object.payment_method_details.card.last4)",
            "lower($.data.object.payment_method_details.card.country)",
            "minorToDecimal($.data.object.amount, $.data.object.currency)",
            "now()", "parseDate('29/10/2012', 'dd/MM/yyyy')",
            "replace($.data.object.receipt_number, '-', '')",
            "split($.data.object.description, ': ')",
            "substring($.data.object.customer, 4)", "today()", "trim('  Ada  ')",
            "unixToDatetime($.data.object.created)", "upper($.data.object.currency)",
            "$.data.object.paid == true", "1 == 1.0", "'1' == 1", "$.data.object.amount > 100 && $.data.object.currency == 'usd'",
            "$.data.object.billing_details.name == null", "!$.data.object.livemode", "$.data.object.nothing > 1",
            "$.data.object.payment_method_details.card.exp_year < 2020 || $.data.object.refunded",
            "true || false && false", "'2012-10-29' < '2013-01-01'",
            "concat(upper($.data.object.currency), ' ', formatNumber(minorToDecimal($.data.object.amount, $.data.object.currency), '#,##0.00'))",
            "parseDate('2012-10-29T23:30:00-05:00', \"yyyy-MM-dd'T'HH:mm:ssXXX\")",
            "minorToDecimal(1000, 'jpy')", "minorToDecimal(1999, 'KWD')",
            "$.data.object.refunds.data", "length($.data.object.refunds.data)", "$.data.object.metadata",
            "formatDate('2012-10-29', 'EEEE')",
        }) {
            try {
                Object r = Expressions.compile(e).evaluate(ctx);
                System.out.println("EXPR " + e + " => " + json.writeValueAsString(r));
            } catch (RuntimeException ex) { System.out.println("EXPR " + e + " !! " + ex.getMessage()); }
        }
        for (String e : new String[] {"1 < 'a'", "if('yes', 1, 2)", "upper($.data.object.metadata)", "$.a = 1", "concatt('a')", "1 == 2 == 3", "minorToDecimal($.data.object.amount, 'XYZ')", "$.data.object.amount && true"}) {
            try { Object r = Expressions.compile(e).evaluate(ctx); System.out.println("ERR " + e + " => " + r); }
            catch (RuntimeException ex) { System.out.println("ERR " + e + " !! " + ex.getClass().getSimpleName() + ": " + ex.getMessage()); }
        }
    }
}
