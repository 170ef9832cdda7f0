package io.quarkiverse.arenacache.examples.zerocopy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ThumbnailResourceTest {

    @Inject
    @ArenaCacheName("thumbnails")
    ArenaCache<String, byte[]> thumbnails;

    @Test
    void servesTheStoredBytesUnchangedWithAnEtagOfTheirContent() throws IOException {
        byte[] png = png(7, 5);
        store("full", png);

        byte[] served = given().get("/thumbnails/full").then().statusCode(200)
                .header("ETag", equalTo(etag(png)))
                .header("Content-Type", equalTo("image/png"))
                .extract().asByteArray();
        assertThat(served).isEqualTo(png);
    }

    @Test
    void infoIsReadFromTheStoredPngHeader() throws IOException {
        byte[] png = png(31, 17);
        store("info", png);

        given().get("/thumbnails/info/info").then().statusCode(200)
                .body("length", equalTo(png.length))
                .body("png", equalTo(true))
                .body("width", equalTo(31))
                .body("height", equalTo(17))
                .body("etag", equalTo(etag(png)));
    }

    @Test
    void bytesThatAreNotAPngHaveNoSize() {
        store("text", "just some text, long enough to pass the header length".getBytes());

        given().get("/thumbnails/text/info").then().statusCode(200)
                .body("png", equalTo(false)).body("width", nullValue());
    }

    @Test
    void matchingIfNoneMatchIsAnswered304AndCountsAsAHit() throws IOException {
        byte[] png = png(3, 3);
        store("etag", png);
        long hitsBefore = thumbnails.stats().hits();

        given().header("If-None-Match", etag(png)).get("/thumbnails/etag").then().statusCode(304)
                .header("ETag", equalTo(etag(png)));
        given().header("If-None-Match", "\"other\"").get("/thumbnails/etag").then().statusCode(200);

        assertThat(thumbnails.stats().hits() - hitsBefore).isEqualTo(2);
    }

    @Test
    void rangeRequestCopiesOnlyTheRequestedBytes() throws IOException {
        byte[] png = png(9, 9);
        store("range", png);

        byte[] signature = given().header("Range", "bytes=0-7").get("/thumbnails/range").then().statusCode(206)
                .header("Content-Range", equalTo("bytes 0-7/" + png.length)).extract().asByteArray();
        assertThat(signature).isEqualTo(Arrays.copyOf(png, 8));

        byte[] tail = given().header("Range", "bytes=-4").get("/thumbnails/range").then().statusCode(206)
                .extract().asByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(png, png.length - 4, png.length));

        given().header("Range", "bytes=" + png.length + "-").get("/thumbnails/range").then().statusCode(416)
                .header("Content-Range", equalTo("bytes */" + png.length));
    }

    @Test
    void missingThumbnailIs404AndCountsAsAMiss() {
        long missesBefore = thumbnails.stats().misses();
        given().get("/thumbnails/nope").then().statusCode(404);
        given().get("/thumbnails/nope/info").then().statusCode(404);
        assertThat(thumbnails.stats().misses() - missesBefore).isEqualTo(2);
    }

    @Test
    void thumbnailLargerThanAGenerationSlabIsRejectedVisibly() {
        long rejectionsBefore = thumbnails.stats().rejections();
        long slab = thumbnails.settings().maxEntryBytes();

        given().contentType("application/octet-stream").body(new byte[(int) slab + 1]).put("/thumbnails/huge")
                .then().statusCode(413);

        assertThat(thumbnails.stats().rejections() - rejectionsBefore).isEqualTo(1);
        given().get("/thumbnails/huge").then().statusCode(404);
    }

    @Test
    void emptyBodyIsRejected() {
        given().contentType("application/octet-stream").body(new byte[0]).put("/thumbnails/empty").then()
                .statusCode(400);
    }

    private static void store(String name, byte[] bytes) {
        given().contentType("application/octet-stream").body(bytes).put("/thumbnails/" + name).then().statusCode(204);
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x3366ff);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return "\"" + Long.toHexString(crc.getValue()) + "\"";
    }
}
