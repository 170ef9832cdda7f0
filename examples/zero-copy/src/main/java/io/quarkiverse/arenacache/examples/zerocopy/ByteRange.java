package io.quarkiverse.arenacache.examples.zerocopy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single HTTP byte range ({@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffixLength}) resolved
 * against a value's length.
 */
record ByteRange(long first, int count, boolean satisfiable) {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * @return the range, or {@code null} when there is no usable {@code Range} header (the whole value is served, as
     *         RFC 9110 allows for headers a server does not support)
     */
    static ByteRange parse(String header, int length) {
        if (header == null) {
            return null;
        }
        Matcher matcher = SINGLE_RANGE.matcher(header.strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        try {
            long first;
            long last;
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                first = Math.max(0, length - suffix);
                last = length - 1;
                if (suffix == 0) {
                    return new ByteRange(0, 0, false);
                }
            } else {
                first = Long.parseLong(matcher.group(1));
                last = matcher.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(matcher.group(2)), length - 1);
            }
            if (first >= length || last < first) {
                return new ByteRange(0, 0, false);
            }
            return new ByteRange(first, (int) (last - first + 1), true);
        } catch (NumberFormatException tooLarge) {
            return new ByteRange(0, 0, false);
        }
    }
}
