package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080/q/arena-cache, http://localhost:8080/q/arena-cache, http://localhost:8080/q/metrics",
            "http://localhost:8080/q/arena-cache/, http://localhost:8080/q/arena-cache,"
                    + " http://localhost:8080/q/metrics",
            "http://localhost:8080, http://localhost:8080/q/arena-cache, http://localhost:8080/q/metrics",
            "HTTPS://app.example:9000/, https://app.example:9000/q/arena-cache, https://app.example:9000/q/metrics",
            "http://h/admin/arena-cache, http://h/admin/arena-cache, http://h/admin/metrics",
            "http://h/app/q/arena-cache, http://h/app/q/arena-cache, http://h/app/q/metrics",
            "http://[::1]:8080/q/arena-cache, http://[::1]:8080/q/arena-cache, http://[::1]:8080/q/metrics" })
    void normalizesAndDerivesTheMetricsUrl(String given, String snapshot, String metrics) {
        EndpointUrls urls = EndpointUrls.parse(given);

        assertThat(urls.snapshot()).isEqualTo(URI.create(snapshot));
        assertThat(urls.metrics()).isEqualTo(URI.create(metrics));
    }

    @Test
    void cacheNameIsOneEncodedPathSegment() {
        EndpointUrls urls = EndpointUrls.parse(EndpointUrls.DEFAULT_URL);

        assertThat(urls.cache("users")).hasToString("http://localhost:8080/q/arena-cache/users");
        assertThat(urls.cache("a b/c?d#é")).hasToString("http://localhost:8080/q/arena-cache/a%20b%2Fc%3Fd%23%C3%A9");
    }

    @Test
    void hostAndPortUsesTheSchemesDefaultPort() {
        assertThat(EndpointUrls.hostAndPort(URI.create("http://h/x"))).isEqualTo("h:80");
        assertThat(EndpointUrls.hostAndPort(URI.create("https://h/x"))).isEqualTo("h:443");
        assertThat(EndpointUrls.hostAndPort(URI.create("http://h:9000/x"))).isEqualTo("h:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost:8080", "ftp://h/x", "http:///x", "http://h/x?y=1", "http://h/x#f", "not a url",
            "" })
    void rejectsWhatIsNotAnHttpEndpointUrl(String text) {
        assertThatThrownBy(() -> EndpointUrls.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(EndpointUrls.DEFAULT_URL);
    }
}
