package io.quarkiverse.arenacache.examples.basic;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * The catalogue's HTTP API. Try: {@code curl localhost:8080/products/7} twice; the first call takes the repository's
 * latency, the second is served from off-heap memory.
 */
@Path("/products")
public class ProductResource {

    @Inject
    CatalogueService catalogue;

    @GET
    @Path("/{id}")
    public ProductView get(@PathParam("id") long id) {
        return catalogue.find(id);
    }

    /** {@code curl -X PUT -H 'Content-Type: text/plain' -d 1999 localhost:8080/products/7/price} */
    @PUT
    @Path("/{id}/price")
    @Consumes(MediaType.TEXT_PLAIN)
    public ProductView changePrice(@PathParam("id") long id, String priceCents) {
        return catalogue.changePrice(id, parsePositive(priceCents.strip(), "price in cents"));
    }

    /** {@code curl -X POST 'localhost:8080/products/7/deal?percentOff=20&minutes=15'} */
    @POST
    @Path("/{id}/deal")
    public ProductView startDeal(@PathParam("id") long id, @QueryParam("percentOff") Integer percentOff,
            @QueryParam("minutes") Long minutes) {
        if (percentOff == null || percentOff < 1 || percentOff > 99) {
            throw new BadRequestException("percentOff must be between 1 and 99");
        }
        if (minutes == null || minutes < 1 || minutes > 24 * 60) {
            throw new BadRequestException("minutes must be between 1 and 1440");
        }
        return catalogue.startDeal(id, percentOff, Duration.ofMinutes(minutes));
    }

    @DELETE
    @Path("/{id}/deal")
    public RestResponse<Void> endDeal(@PathParam("id") long id) {
        if (!catalogue.endDeal(id)) {
            throw new NotFoundException("No deal for product " + id);
        }
        return RestResponse.noContent();
    }

    private static long parsePositive(String text, String what) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException(what + " must be a positive whole number, got '" + text + "'");
    }
}
