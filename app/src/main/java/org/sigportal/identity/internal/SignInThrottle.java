package org.sigportal.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * Failed local sign-ins, counted per account and per client address in token buckets (Bucket4j) that refill
 * over the window. While few failures are left the next attempt is slowed down; when none are left sign-in is
 * refused until the bucket refills. Buckets live in a bounded cache, so a flood of names cannot exhaust memory.
 */
@Component
class SignInThrottle {

    sealed interface Decision permits Allow, Slow, Refuse {
    }

    record Allow() implements Decision {
    }

    record Slow(Duration delay) implements Decision {
    }

    record Refuse(Duration retryAfter) implements Decision {
    }

    private final int accountFailures;
    private final int clientFailures;
    private final Duration window;
    private final int slowAfter;
    private final Duration slowDown;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    @Autowired
    SignInThrottle(@Value("${portal.sign-in.max-failures-per-account:10}") int accountFailures,
                   @Value("${portal.sign-in.max-failures-per-client:50}") int clientFailures,
                   @Value("${portal.sign-in.failure-window:15m}") Duration window,
                   @Value("${portal.sign-in.slow-after:5}") int slowAfter,
                   @Value("${portal.sign-in.slow-down:1s}") Duration slowDown) {
        this(accountFailures, clientFailures, window, slowAfter, slowDown, TimeMeter.SYSTEM_MILLISECONDS);
    }

    SignInThrottle(int accountFailures, int clientFailures, Duration window, int slowAfter, Duration slowDown,
                   TimeMeter time) {
        this.accountFailures = accountFailures;
        this.clientFailures = clientFailures;
        this.window = window;
        this.slowAfter = slowAfter;
        this.slowDown = slowDown;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
    }

    Decision check(String client, String username) {
        Bucket account = bucket(accountKey(username), accountFailures);
        Bucket address = bucket(clientKey(client), clientFailures);
        long accountLeft = account.getAvailableTokens();
        long clientLeft = address.getAvailableTokens();
        if (accountLeft <= 0 || clientLeft <= 0) {
            long wait = Math.max(accountLeft <= 0 ? account.estimateAbilityToConsume(1).getNanosToWaitForRefill() : 0,
                    clientLeft <= 0 ? address.estimateAbilityToConsume(1).getNanosToWaitForRefill() : 0);
            return new Refuse(Duration.ofNanos(wait));
        }
        if (accountFailures - accountLeft >= slowAfter || clientFailures - clientLeft >= slowAfter * 5L) {
            return new Slow(slowDown);
        }
        return new Allow();
    }

    void failed(String client, String username) {
        bucket(accountKey(username), accountFailures).tryConsume(1);
        bucket(clientKey(client), clientFailures).tryConsume(1);
    }

    void succeeded(String username) {
        buckets.invalidate(accountKey(username));
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .withCustomTimePrecision(time)
                .build());
    }

    private static String accountKey(String username) {
        return "account:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
