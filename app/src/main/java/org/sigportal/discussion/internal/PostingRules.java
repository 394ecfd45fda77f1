package org.sigportal.discussion.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.sigportal.base.PortalException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps spam out: each member may post only so often (token buckets per member, in memory), and an account younger
 * than a minimum age may not post links unless it holds a role beyond member.
 */
@Component
public class PostingRules {

    /** A Markdown link or autolink, or a bare web address. */
    private static final Pattern LINK = Pattern.compile("(?i)(\\]\\s*\\(|<https?:|https?://|www\\.)");

    private final int perMinute;
    private final int perHour;
    private final Duration linkMinimumAge;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    PostingRules(@Value("${portal.discussions.posts-per-minute:10}") int perMinute,
                 @Value("${portal.discussions.posts-per-hour:60}") int perHour,
                 @Value("${portal.discussions.link-minimum-account-age:2d}") Duration linkMinimumAge, Clock clock) {
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.linkMinimumAge = linkMinimumAge;
        this.clock = clock;
    }

    /** Counts one post for the member, or refuses with the seconds to wait. */
    public void takePostSlot(String username) {
        Bucket bucket = buckets.get(username, u -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new PortalException("discussions.error.rate-limit", seconds);
        }
    }

    /** Refuses links from accounts younger than the minimum age that hold no role beyond member. */
    public void checkLinks(String markdown, OffsetDateTime accountCreated, Set<String> roles) {
        if (!LINK.matcher(markdown).find() || roles.stream().anyMatch(r -> !r.equals("MEMBER"))) {
            return;
        }
        Duration age = Duration.between(accountCreated, OffsetDateTime.now(clock));
        if (age.compareTo(linkMinimumAge) < 0) {
            long hours = Math.max(1, linkMinimumAge.minus(age).toHours());
            throw new PortalException("discussions.error.links-too-early", hours);
        }
    }
}
