package org.openpayloads.engine.coerce;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amounts given in a currency's minor unit, as Stripe gives them: 1999 USD cents is 19.99.
 *
 * <p>The number of decimals is the ISO 4217 exponent from {@link Currency}, except where Stripe differs: Stripe's
 * zero-decimal currencies (MGA has 2 in ISO 4217, 0 at Stripe), its three-decimal ones, and ISK, which Stripe still
 * counts in hundredths for backward compatibility although ISO 4217 gives it 0.
 */
public final class Amounts {

    private static final Map<String, Integer> STRIPE_DECIMALS = stripeDecimals();
    /**
     * Known codes as written, such as {@code usd}: three letters in any case, so at most eight spellings of each
     * of the few hundred ISO codes are ever kept.
     */
    private static final Map<String, Integer> KNOWN = new ConcurrentHashMap<>();

    private Amounts() {
    }

    public static BigDecimal fromMinorUnits(long amount, String currency) {
        return BigDecimal.valueOf(amount, decimals(currency));
    }

    public static BigDecimal fromMinorUnits(BigDecimal amount, String currency) {
        return amount.movePointLeft(decimals(currency));
    }

    /**
     * The number of decimals of a currency, by its ISO 4217 code in any case ({@code usd} as Stripe writes it).
     *
     * @throws CoercionException for an unknown code, or one without minor units (gold, XAU)
     */
    public static int decimals(String currency) {
        Integer known = KNOWN.get(currency);
        if (known != null) {
            return known;
        }
        int decimals = lookUp(currency);
        if (currency.length() == 3 && currency.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            KNOWN.put(currency, decimals);
        }
        return decimals;
    }

    private static int lookUp(String currency) {
        String code = currency.strip().toUpperCase(Locale.ROOT);
        Integer stripe = STRIPE_DECIMALS.get(code);
        if (stripe != null) {
            return stripe;
        }
        int digits;
        try {
            digits = Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new CoercionException("Unknown currency '" + currency + "': expected an ISO 4217 code such as USD");
        }
        if (digits < 0) {
            throw new CoercionException("Currency '" + currency + "' has no minor unit: expected a currency such as USD");
        }
        return digits;
    }

    private static Map<String, Integer> stripeDecimals() {
        Map<String, Integer> decimals = new HashMap<>();
        for (String code : new String[] {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX",
                "VND", "VUV", "XAF", "XOF", "XPF"}) {
            decimals.put(code, 0);
        }
        for (String code : new String[] {"BHD", "JOD", "KWD", "OMR", "TND"}) {
            decimals.put(code, 3);
        }
        decimals.put("ISK", 2);
        return Map.copyOf(decimals);
    }
}
