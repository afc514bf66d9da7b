package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private static final String ACCOUNT_ID = "001000000000000001";

    /** A clock for the cache that moves only when told to. */
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final LookupCache cache = new LookupCache(Duration.ofMinutes(5), 100, ticker);

    private static LookupCache.Key accountByCustomer(Object customer) {
        return LookupCache.Key.of("Account", "Stripe_Customer_Id__c", customer, "Id");
    }

    @Test
    void keepsWhatALookupFound() {
        LookupCache.Key key = accountByCustomer("cus_1");

        cache.put(key, cache.generation("Account"), ACCOUNT_ID);

        assertThat(cache.get(key)).contains(ACCOUNT_ID);
        assertThat(cache.get(accountByCustomer("cus_2"))).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void keepsNothingWhenNothingWasFound() {
        cache.put(accountByCustomer("cus_1"), cache.generation("Account"), null);

        assertThat(cache.get(accountByCustomer("cus_1"))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void asksTheSameQuestionWhateverTheCaseOfNamesAndTheTypeOfTheValue() {
        cache.put(LookupCache.Key.of("Account", "AccountNumber", new BigDecimal("42"), "Id"), 0, ACCOUNT_ID);

        assertThat(cache.get(LookupCache.Key.of("account", "ACCOUNTNUMBER", "42", "id"))).contains(ACCOUNT_ID);
        assertThat(cache.get(LookupCache.Key.of("Account", "AccountNumber", "42", "Name"))).isEmpty();
    }

    @Test
    void aWriteToTheObjectDropsItsAnswersOnly() {
        cache.put(accountByCustomer("cus_1"), 0, ACCOUNT_ID);
        LookupCache.Key contact = LookupCache.Key.of("Contact", "Email", "ada@example.com", "Id");
        cache.put(contact, 0, "003000000000000001");

        cache.invalidate("ACCOUNT");

        assertThat(cache.get(accountByCustomer("cus_1"))).isEmpty();
        assertThat(cache.get(contact)).contains("003000000000000001");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.generation("account")).isEqualTo(1);
    }

    @Test
    void anAnswerReadBeforeAWriteIsNotKeptAfterIt() {
        long before = cache.generation("Account");
        cache.invalidate("Account"); // another job wrote an Account while this one was querying

        cache.put(accountByCustomer("cus_1"), before, ACCOUNT_ID);

        assertThat(cache.get(accountByCustomer("cus_1"))).isEmpty();
        cache.put(accountByCustomer("cus_1"), cache.generation("Account"), ACCOUNT_ID);
        assertThat(cache.get(accountByCustomer("cus_1"))).contains(ACCOUNT_ID);
    }

    @Test
    void forgetsAnAnswerWhenItsTimeToLiveHasPassed() {
        cache.put(accountByCustomer("cus_1"), 0, ACCOUNT_ID);

        nanos.addAndGet(Duration.ofMinutes(5).minusSeconds(1).toNanos());
        assertThat(cache.get(accountByCustomer("cus_1"))).contains(ACCOUNT_ID);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get(accountByCustomer("cus_1"))).isEmpty();
    }

    @Test
    void keepsAtMostItsMaximumSize() {
        LookupCache small = new LookupCache(Duration.ofMinutes(5), 2, ticker);
        for (int i = 0; i < 50; i++) {
            small.put(accountByCustomer("cus_" + i), 0, ACCOUNT_ID);
        }

        assertThat(small.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void aDisabledCacheKeepsNothing() {
        for (LookupCache off : new LookupCache[] {LookupCache.disabled(), new LookupCache(Duration.ZERO, 100),
                new LookupCache(Duration.ofMinutes(5), 0)}) {
            off.put(accountByCustomer("cus_1"), 0, ACCOUNT_ID);

            assertThat(off.get(accountByCustomer("cus_1"))).isEmpty();
            assertThat(off.size()).isZero();
        }
    }

    @Test
    void refusesANegativeTimeToLiveOrSize() {
        assertThatThrownBy(() -> new LookupCache(Duration.ofSeconds(-1), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeToLive was PT-1S; expected zero or more");
        assertThatThrownBy(() -> new LookupCache(Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximumSize was -1; expected zero or more");
    }
}
