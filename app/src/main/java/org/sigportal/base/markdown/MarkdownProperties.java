package org.sigportal.base.markdown;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Locale;

/**
 * Limits for member-written Markdown.
 *
 * @param maxSize    the largest text accepted, counted in UTF-8 bytes ({@code portal.markdown.max-size},
 *                   default 64KB); anything larger is refused before it is parsed
 * @param imageHosts the hosts images may be shown from ({@code portal.markdown.image-hosts}, comma
 *                   separated; {@code *.example.org} allows every subdomain of example.org, not example.org
 *                   itself). Default empty: no image is shown, each becomes a plain link to its address
 *                   with the alt text as the link text, so the reader's browser fetches nothing on its own.
 */
@ConfigurationProperties("portal.markdown")
public record MarkdownProperties(DataSize maxSize, List<String> imageHosts) {

    public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofKilobytes(64);

    public MarkdownProperties(@Nullable DataSize maxSize, @Nullable List<String> imageHosts) {
        this.maxSize = maxSize == null ? DEFAULT_MAX_SIZE : maxSize;
        if (this.maxSize.toBytes() <= 0 || this.maxSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("portal.markdown.max-size must be between 1 byte and 2 GB");
        }
        this.imageHosts = imageHosts == null ? List.of()
                : imageHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** No images, 64KB. */
    public static MarkdownProperties defaults() {
        return new MarkdownProperties(null, null);
    }
}
