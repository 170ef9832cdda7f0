package io.quarkiverse.arenacache.examples.basic;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns an unknown product into a 404 with a short message. */
public class ProductNotFoundMapper {

    @ServerExceptionMapper
    public Response notFound(ProductNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
    }
}
