package com.patrolplanner.geocode.provider;

import com.patrolplanner.geocode.Candidate;
import com.patrolplanner.geocode.OnlineLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The online step after the offline chain, for addresses the gazetteer answers below
 * {@code patrol.geocode.online.below} (default 0.8). Providers are asked in the order of {@code patrol.geocode.providers}
 * and only when switched on with a key; with none switched on (the default, for intranets) this does nothing.
 */
@ApplicationScoped
public class OnlineGeocoder implements OnlineLookup {
    static final List<GeocodeProvider> ALL = List.of(new Providers.Tianditu(), new Providers.Amap(), new Providers.Baidu(),
            new Providers.Nominatim());

    @Inject
    ProviderClient client;
    @ConfigProperty(name = "patrol.geocode.providers", defaultValue = "tianditu,amap,baidu,nominatim")
    String order;
    @ConfigProperty(name = "patrol.geocode.online.below", defaultValue = "0.8")
    double below;

    public List<GeocodeProvider> enabled() {
        List<GeocodeProvider> out = new ArrayList<>();
        for (String n : Arrays.stream(order.split(",")).map(String::trim).toList()) {
            for (GeocodeProvider p : ALL) {
                if (p.name().equals(n) && client.settings(n).enabled()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    public List<Candidate> search(String address) {
        List<Candidate> out = new ArrayList<>();
        for (GeocodeProvider p : enabled()) {
            out.addAll(client.geocode(p, address));
        }
        return out;
    }

    /** Replaces weak offline answers by a better online one, asking providers in order until one is good enough. */
    @Override
    public List<Candidate> improve(List<String> addresses, List<Candidate> found) {
        List<GeocodeProvider> providers = enabled();
        if (providers.isEmpty()) {
            return found;
        }
        List<Candidate> out = new ArrayList<>(found);
        for (int i = 0; i < addresses.size(); i++) {
            Candidate best = out.get(i);
            if (best != null && best.confidence() >= below) {
                continue;
            }
            for (GeocodeProvider p : providers) {
                for (Candidate c : client.geocode(p, addresses.get(i))) {
                    if (best == null || c.confidence() > best.confidence()) {
                        best = c;
                    }
                }
                if (best != null && best.confidence() >= below) {
                    break;
                }
            }
            out.set(i, best);
        }
        return out;
    }
}
