package org.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

@Path("/quotes")
public class QuoteResource {

    public record Quote(String author, String text) {
    }

    @Inject
    @ArenaCacheName("quotes")
    ArenaCache<String, Quote> quotes;

    @GET
    @Path("/{author}")
    public String quote(@PathParam("author") String author) {
        Quote quote = quotes.getOrLoad(author, a -> new Quote(a, "Caching is hard, said " + a));
        return quote.text() + " (hits=" + quotes.stats().hits() + ")";
    }
}
