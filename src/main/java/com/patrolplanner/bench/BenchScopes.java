package com.patrolplanner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.registry.UnitService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.List;

/**
 * The {@code --scope} option of the benches (issue 14): {@code none} (the service acting for itself: no unit
 * predicate), {@code city} (a bench city unit over the whole data set: the predicate, every row admitted) or
 * {@code district} (a bench district unit over part of it, below the city). The units are created once per bench
 * database through {@link UnitService} (which places every venue in its unit, as in production), then reused.
 */
@ApplicationScoped
public class BenchScopes {
    @Inject
    UnitService units;
    @Inject
    Jurisdiction jurisdiction;

    /** Parses {@code none|city|district}; anything else is null (a usage error). */
    static String parse(String s) {
        return List.of("none", "city", "district").contains(s) ? s : null;
    }

    /** The scope named by {@code which}: ALL for none; else the bench units over {@code city} and {@code district}. */
    public Scope scope(String which, double[] city, double[] district, PrintStream out) {
        if (which == null || which.equals("none")) {
            return Scope.ALL;
        }
        long t = System.nanoTime();
        Unit c = ensure("bench 市", "city", null, city);
        Unit d = ensure("bench 区", "district", c.id, district);
        long id = which.equals("city") ? c.id : d.id;
        Scope s = QuarkusTransaction.requiringNew().call(() -> new Scope(id, jurisdiction.below(id)));
        out.printf("scope %s: unit %d (%s) with units %s (units ready in %.1f s)%n", which, id,
                which.equals("city") ? c.name : d.name, s.units(), (System.nanoTime() - t) / 1e9);
        return s;
    }

    /** Runs {@code work} as a caller of scope {@code s}. */
    public <T> T as(Scope s, java.util.concurrent.Callable<T> work) {
        try {
            return s.all() ? work.call() : jurisdiction.within(s, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Unit ensure(String name, String kind, Long parent, double[] b) {
        Unit u = QuarkusTransaction.requiringNew().call(() -> Unit.<Unit>find("name", name).firstResult());
        if (u != null) {
            return u;
        }
        String box = "{\"type\":\"Polygon\",\"coordinates\":[[[" + b[0] + "," + b[1] + "],[" + b[2] + "," + b[1] + "],["
                + b[2] + "," + b[3] + "],[" + b[0] + "," + b[3] + "],[" + b[0] + "," + b[1] + "]]]}";
        return QuarkusTransaction.requiringNew().timeout(7200).call(() -> {
            try {
                return units.create(new UnitService.UnitInput(name, parent, null, kind, new ObjectMapper().readTree(box), null),
                        "bench");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
