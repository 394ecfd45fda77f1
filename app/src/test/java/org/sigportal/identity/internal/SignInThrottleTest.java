package org.sigportal.identity.internal;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    private final SignInThrottle throttle = new SignInThrottle(10, 30, Duration.ofMinutes(15), 5,
            Duration.ofSeconds(1), time);

    @Test
    void failuresAreFirstAllowedThenSlowedThenRefusedUntilTheBucketRefills() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check("10.0.0.1", "li.na")).isInstanceOf(SignInThrottle.Allow.class);
            throttle.failed("10.0.0.1", "li.na");
        }
        for (int i = 5; i < 10; i++) {
            assertThat(throttle.check("10.0.0.1", "li.na")).isInstanceOf(SignInThrottle.Slow.class);
            throttle.failed("10.0.0.1", "li.na");
        }
        assertThat(throttle.check("10.0.0.1", "LI.NA")).isInstanceOfSatisfying(SignInThrottle.Refuse.class,
                r -> assertThat(r.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
        // Other accounts from the same address are still allowed.
        assertThat(throttle.check("10.0.0.1", "wang.fang")).isInstanceOf(SignInThrottle.Allow.class);

        time.nanos += TimeUnit.MINUTES.toNanos(15);
        assertThat(throttle.check("10.0.0.1", "li.na")).isInstanceOf(SignInThrottle.Allow.class);
    }

    @Test
    void oneAddressTryingManyAccountsIsRefusedToo() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.0.0.2", "user" + i);
        }
        assertThat(throttle.check("10.0.0.2", "fresh-account")).isInstanceOf(SignInThrottle.Refuse.class);
        assertThat(throttle.check("10.0.0.3", "fresh-account")).isInstanceOf(SignInThrottle.Allow.class);
    }

    @Test
    void aSuccessfulSignInForgetsTheAccountsFailures() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("10.0.0.4", "alice");
        }
        throttle.succeeded("alice");
        assertThat(throttle.check("10.0.0.9", "alice")).isInstanceOf(SignInThrottle.Allow.class);
    }
}
