package org.sigportal.discussion.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sigportal.base.PortalException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps spam out: each member may post only so often (token buckets per member, in memory), and an account younger
 * than a minimum age may not post links unless it holds a role beyond member. Whether a post has a link is read
 * from the HTML readers get (rendered and sanitised), not guessed from the Markdown: every form of link Markdown
 * has (inline, reference-style, autolinks, bare web and e-mail addresses) counts, and only the portal's own
 * references and mentions do not.
 */
@Component
public class PostingRules {

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

    /**
     * Refuses links from accounts younger than the minimum age that hold no role beyond member. {@code html} gives
     * the post as readers will get it (rendered and sanitised); it is asked for only when the rule applies.
     */
    public void checkLinks(Supplier<String> html, OffsetDateTime accountCreated, Set<String> roles) {
        if (roles.stream().anyMatch(r -> !r.equals("MEMBER"))) {
            return;
        }
        Duration age = Duration.between(accountCreated, OffsetDateTime.now(clock));
        if (age.compareTo(linkMinimumAge) < 0 && containsLink(html.get())) {
            long hours = Math.max(1, linkMinimumAge.minus(age).toHours());
            throw new PortalException("discussions.error.links-too-early", hours);
        }
    }

    /** Whether sanitised HTML links anywhere but to the portal's own references and mentions. */
    static boolean containsLink(String html) {
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            if (!ShortReferences.isReference(a.attr("href"))) {
                return true;
            }
        }
        return false;
    }
}
