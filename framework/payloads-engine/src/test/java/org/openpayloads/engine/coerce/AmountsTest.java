package org.openpayloads.engine.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} minor units of {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1000  | JPY | 1000
            1999  | USD | 19.99
            1999  | usd | 19.99
            1999  | KWD | 1.999
            1999  | BHD | 1.999
            5     | EUR | 0.05
            -250  | GBP | -2.50
            500   | MGA | 500
            500   | UGX | 500
            500   | XOF | 500
            12300 | ISK | 123.00
            """)
    void dividesByTheCurrencysMinorUnit(long amount, String currency, String expected) {
        assertThat(Amounts.fromMinorUnits(amount, currency)).isEqualTo(new BigDecimal(expected));
        assertThat(Amounts.fromMinorUnits(BigDecimal.valueOf(amount), currency)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void refusesAnUnknownCurrency() {
        assertThatThrownBy(() -> Amounts.fromMinorUnits(100, "XYZ"))
                .isInstanceOf(CoercionException.class)
                .hasMessage("Unknown currency 'XYZ': expected an ISO 4217 code such as USD");
    }

    @Test
    void refusesACurrencyWithoutMinorUnits() {
        assertThatThrownBy(() -> Amounts.fromMinorUnits(100, "XAU"))
                .isInstanceOf(CoercionException.class)
                .hasMessage("Currency 'XAU' has no minor unit: expected a currency such as USD");
    }
}
