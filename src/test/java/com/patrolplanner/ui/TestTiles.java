package com.patrolplanner.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.Base64;

/** Test only: a blank tile so that switching to an online basemap in a test requests nothing beyond localhost. */
@Path("/ui-test-tiles")
@PermitAll
public class TestTiles {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    @GET
    @Path("/{z}/{x}/{y}.png")
    @Produces("image/png")
    public byte[] tile(@PathParam("z") int z, @PathParam("x") int x, @PathParam("y") int y,
            @jakarta.ws.rs.QueryParam("s") String subdomain) { // the basemap URL's {s} (declared: unknown parameters are a 400)
        return PNG;
    }
}
