package org.openpayloads.bench.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The baseline: the same charge-to-Account mapping written by hand with plain Jackson, doing the checks the
 * engine does for these fields (text lengths, the currency's minor unit, the date's year range, the value map and
 * the picklist's values, the URL's shape) and giving the same field map. No describe, no plan, no expression:
 * every rule is code, and the lengths are constants. Booleans are taken only as JSON booleans, as Stripe sends
 * them. Thread-safe.
 */
final class HandWrittenChargeMapper {

    /** Stripe's zero- and three-decimal currencies, where they differ from ISO 4217; ISK stays in hundredths. */
    private static final Set<String> ZERO_DECIMALS = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    private static final Set<String> THREE_DECIMALS = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    private static final Set<String> BRANDS = Set.copyOf(ChargeToAccount.BRAND_PICKLIST);
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63}(:\\d{1,5})?([/?#]\\S*)?");
    private static final int FIRST_YEAR = 1700;
    private static final int LAST_YEAR = 4000;

    private final ObjectMapper json = new ObjectMapper();

    /** Parses the event and maps it. */
    Map<String, Object> map(byte[] event) {
        try {
            return map(json.readTree(event));
        } catch (IOException e) {
            throw new UncheckedIOException("The charge event is not valid JSON", e);
        }
    }

    /** The Account fields of a parsed charge.succeeded event; a null value leaves its field out. */
    Map<String, Object> map(JsonNode event) {
        JsonNode charge = event.path("data").path("object");
        JsonNode billing = charge.path("billing_details");
        JsonNode card = charge.path("payment_method_details").path("card");
        Map<String, Object> fields = new LinkedHashMap<>();
        String customer = text(charge.get("customer"));
        put(fields, ChargeToAccount.EXTERNAL_ID, fit("Stripe_Customer_Id__c", customer, 255));
        put(fields, "Name", fit("Name", coalesce(text(billing.get("name")), customer), 255));
        put(fields, "Description", fit("Description", text(charge.get("description")), 32_000));
        String currency = text(charge.get("currency"));
        put(fields, "Last_Charge_Amount__c", amount(charge.get("amount"), currency));
        put(fields, "Last_Charge_Date__c", date(charge.get("created")));
        put(fields, "Last_Charge_Currency__c", fit("Last_Charge_Currency__c",
                currency == null ? null : currency.toUpperCase(Locale.ROOT), 3));
        put(fields, "Card_Brand__c", brand(text(card.get("brand"))));
        put(fields, "Last_Receipt_Url__c", url(text(charge.get("receipt_url"))));
        put(fields, "Last_Receipt_Number__c", fit("Last_Receipt_Number__c",
                coalesce(text(charge.get("statement_descriptor")), text(charge.get("receipt_number"))), 40));
        put(fields, "BillingCountry", fit("BillingCountry",
                coalesce(text(billing.path("address").get("country")), text(card.get("country"))), 80));
        put(fields, "Livemode__c", bool("Livemode__c", charge.get("livemode")));
        put(fields, "Last_Charge_Paid__c", bool("Last_Charge_Paid__c", charge.get("paid")));
        return fields;
    }

    private static void put(Map<String, Object> fields, String field, @Nullable Object value) {
        if (value != null) {
            fields.put(field, value);
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        throw new IllegalArgumentException("Expected a text, number or boolean, got " + node.getNodeType());
    }

    private static @Nullable String coalesce(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }

    private static @Nullable String fit(String field, @Nullable String text, int max) {
        if (text != null && text.length() > max) {
            throw invalid(field, text, "at most " + max + " characters, got " + text.length());
        }
        return text;
    }

    private static @Nullable BigDecimal amount(@Nullable JsonNode amount, @Nullable String currency) {
        if (amount == null || amount.isNull()) {
            return null;
        }
        if (!amount.isNumber() || currency == null) {
            throw invalid("Last_Charge_Amount__c", String.valueOf(amount), "an amount with its currency");
        }
        int decimals = decimals(currency);
        return amount.canConvertToLong() && amount.isIntegralNumber()
                ? BigDecimal.valueOf(amount.longValue(), decimals)
                : amount.decimalValue().movePointLeft(decimals);
    }

    private static int decimals(String currency) {
        String code = currency.strip().toUpperCase(Locale.ROOT);
        if (ZERO_DECIMALS.contains(code)) {
            return 0;
        }
        if (THREE_DECIMALS.contains(code)) {
            return 3;
        }
        if (code.equals("ISK")) {
            return 2;
        }
        int digits;
        try {
            digits = Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw invalid("Last_Charge_Amount__c", currency, "an ISO 4217 currency code such as USD");
        }
        if (digits < 0) {
            throw invalid("Last_Charge_Amount__c", currency, "a currency with a minor unit");
        }
        return digits;
    }

    /** Epoch seconds to the day in UTC, as Salesforce's yyyy-MM-dd. */
    private static @Nullable String date(@Nullable JsonNode created) {
        if (created == null || created.isNull()) {
            return null;
        }
        if (!created.isIntegralNumber() || !created.canConvertToLong()) {
            throw invalid("Last_Charge_Date__c", created.asText(), "epoch seconds");
        }
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(created.longValue()), ZoneOffset.UTC);
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw invalid("Last_Charge_Date__c", created.asText(), "a date between the years 1700 and 4000");
        }
        return day.toString();
    }

    private static String brand(@Nullable String brand) {
        String value = brand == null ? ChargeToAccount.OTHER_BRAND
                : ChargeToAccount.BRANDS.getOrDefault(brand, ChargeToAccount.OTHER_BRAND);
        if (!BRANDS.contains(value)) {
            throw invalid("Card_Brand__c", value, "one of " + BRANDS);
        }
        return value;
    }

    private static @Nullable String url(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = text.strip();
        if (!isHttpUrl(url) && !DOMAIN.matcher(url).matches()) {
            throw invalid("Last_Receipt_Url__c", url, "an http(s) URL or a domain name such as example.com");
        }
        return fit("Last_Receipt_Url__c", url, 255);
    }

    /**
     * What a careful hand-written mapper checks, without a URI parse: an http(s) scheme, then a host of letters,
     * digits, dots and hyphens, then nothing that is not allowed in a URL's path or query.
     */
    private static boolean isHttpUrl(String text) {
        int start = text.regionMatches(true, 0, "https://", 0, 8) ? 8
                : text.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (start < 0 || start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
                    || c == '|' || c == '}' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Boolean bool(String field, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw invalid(field, node.asText(), "true or false");
    }

    private static IllegalArgumentException invalid(String field, String value, String expected) {
        return new IllegalArgumentException("Invalid value '" + value + "' for target field '" + field
                + "' of Account: expected " + expected);
    }
}
