package io.quarkiverse.arenacache.examples.zerocopy;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

/**
 * Thumbnails kept off-heap as raw bytes and served with {@link ArenaCache#read}: the stored bytes are inspected in
 * place (entity tag, image size, ranges) and at most the bytes the response needs are copied, once.
 * {@link ArenaCache#get} would first copy the whole value into a new array even for a 304 or a 16-byte range.
 * <p>
 * A {@link io.quarkiverse.arenacache.ValueReader} may run more than once when a concurrent write replaces the entry
 * (only the last, validated result is returned), so the readers here only compute their result: no response is
 * written from inside them.
 */
@Path("/thumbnails")
public class ThumbnailResource {

    @Inject
    @ArenaCacheName("thumbnails")
    ArenaCache<String, byte[]> thumbnails;

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    public RestResponse<Void> store(@PathParam("name") String name, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BadRequestException("A thumbnail needs a non-empty body");
        }
        thumbnails.put(name, bytes);
        if (!thumbnails.containsKey(name)) {
            // Larger than a generation slab: the cache rejected it (and counted the rejection).
            return RestResponse.status(RestResponse.Status.PAYLOAD_TOO_LARGE);
        }
        return RestResponse.noContent();
    }

    @GET
    @Path("/{name}/info")
    @Produces(MediaType.APPLICATION_JSON)
    public ThumbnailInfo info(@PathParam("name") String name) {
        ThumbnailInfo info = thumbnails.read(name, (segment, offset, length) -> {
            int[] size = StoredBytes.pngSize(segment, offset, length);
            return new ThumbnailInfo(name, length, etag(StoredBytes.crc32(segment, offset, length)), size != null,
                    size == null ? null : size[0], size == null ? null : size[1]);
        });
        if (info == null) {
            throw new NotFoundException("No thumbnail " + name);
        }
        return info;
    }

    /**
     * Serves the thumbnail, honouring {@code If-None-Match} (304 without copying a byte) and a single
     * {@code Range: bytes=first-last} (206 copying only that range).
     */
    @GET
    @Path("/{name}")
    @Produces("image/png")
    public RestResponse<byte[]> get(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam("Range") String rangeHeader) {
        Slice slice = thumbnails.read(name, (segment, offset, length) -> {
            String etag = etag(StoredBytes.crc32(segment, offset, length));
            if (etag.equals(ifNoneMatch)) {
                return new Slice(null, 0, length, etag);
            }
            ByteRange range = ByteRange.parse(rangeHeader, length);
            if (range == null) {
                return new Slice(StoredBytes.copy(segment, offset, 0, length), 0, length, etag);
            }
            if (!range.satisfiable()) {
                return new Slice(null, -1, length, etag);
            }
            return new Slice(StoredBytes.copy(segment, offset, range.first(), range.count()), range.first(), length,
                    etag);
        });
        if (slice == null) {
            throw new NotFoundException("No thumbnail " + name);
        }
        if (slice.from() < 0) {
            return RestResponse.ResponseBuilder.<byte[]> create(RestResponse.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + slice.totalLength()).build();
        }
        if (slice.bytes() == null) {
            return RestResponse.ResponseBuilder.<byte[]> notModified().header(HttpHeaders.ETAG, slice.etag()).build();
        }
        boolean partial = slice.bytes().length < slice.totalLength();
        RestResponse.ResponseBuilder<byte[]> response = RestResponse.ResponseBuilder
                .<byte[]> create(partial ? RestResponse.Status.PARTIAL_CONTENT : RestResponse.Status.OK, slice.bytes())
                .header(HttpHeaders.ETAG, slice.etag())
                .header("Accept-Ranges", "bytes");
        if (partial) {
            response.header("Content-Range", "bytes " + slice.from() + "-" + (slice.from() + slice.bytes().length - 1)
                    + "/" + slice.totalLength());
        }
        return response.build();
    }

    private static String etag(long crc32) {
        return "\"" + Long.toHexString(crc32) + "\"";
    }
}
