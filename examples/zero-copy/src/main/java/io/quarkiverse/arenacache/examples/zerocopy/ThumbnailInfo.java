package io.quarkiverse.arenacache.examples.zerocopy;

/**
 * What {@code GET /thumbnails/{name}/info} returns, computed from the stored bytes without copying them.
 *
 * @param width the PNG's width, or {@code null} when the bytes are not a PNG
 * @param height the PNG's height, or {@code null} when the bytes are not a PNG
 */
public record ThumbnailInfo(String name, int length, String etag, boolean png, Integer width, Integer height) {
}
