package org.openpayloads.engine.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertThat(PollSettings.DEFAULTS).isEqualTo(new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                100, 20));
    }

    @Test
    void aTickIsTenMillisecondsOrMore() {
        assertThat(new PollSettings(Duration.ofMillis(10), Duration.ofMillis(30), 1, 1).tick())
                .isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(() -> new PollSettings(Duration.ofMillis(9), Duration.ofSeconds(30), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tick was PT0.009S; expected 10 ms or more");
        assertThatThrownBy(() -> new PollSettings(Duration.ofSeconds(-1), Duration.ofSeconds(30), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tick was PT-1S");
    }

    @Test
    void aLeaseLastsAtLeastThreeTicksSoThatARenewalIsNeverLate() {
        assertThat(new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(3), 1, 1).lease())
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> new PollSettings(Duration.ofSeconds(1), Duration.ofMillis(2_999), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease was PT2.999S; expected at least three ticks (PT1S each), so that a renewal is "
                        + "never late");
    }

    @Test
    void aPollTakesOneItemOrMoreAndARunOnePollOrMore() {
        assertThatThrownBy(() -> new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxItemsPerPoll and maxPollsPerRun were 0 and 20; expected 1 or more");
        assertThatThrownBy(() -> new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 100, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxItemsPerPoll and maxPollsPerRun were 100 and -1; expected 1 or more");
    }

    @Test
    void refusesMissingDurations() {
        assertThatThrownBy(() -> new PollSettings(null, Duration.ofSeconds(30), 1, 1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PollSettings(Duration.ofSeconds(1), null, 1, 1))
                .isInstanceOf(NullPointerException.class);
    }
}
