package com.patrolplanner.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Writes of the district register (administrative outlines; they come in through imports). Every write leaves a
 * field-level {@link ChangeHistory} row and an audit record. An outline may hold hundreds of thousands of vertices, so
 * the history keeps a fingerprint of it ({@code "MULTIPOLYGON 1234 vertices sha256:…"}), enough to see that and when it
 * changed, not the outline itself.
 */
@ApplicationScoped
public class DistrictService {
    public static final String DISTRICT = "district";

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;

    /** One outline as an import file gives it (validated, WGS-84); keyed by {@code adcode}. */
    public record DistrictRow(String adcode, String name, String level, String parentCode, MultiPolygon geom,
            String attribution, String sourceDatum) {
    }

    /** Insert, or update the district with the same adcode; unchanged outlines are not touched. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryService.Outcome upsert(DistrictRow row, String user, String reason) {
        District d = District.byCode(row.adcode());
        boolean isNew = d == null;
        Map<String, Object> before = isNew ? Map.of() : snapshot(d);
        boolean changed = isNew || !Objects.equals(d.name, row.name()) || !Objects.equals(d.level, row.level())
                || !Objects.equals(d.parentCode, row.parentCode()) || !Objects.equals(d.attribution, row.attribution())
                || !Objects.equals(d.sourceDatum, row.sourceDatum())
                || d.geom == null || !d.geom.equalsExact(row.geom(), 1e-9);
        if (!changed) {
            return RegistryService.Outcome.UNCHANGED;
        }
        if (isNew) {
            d = new District();
            d.adcode = row.adcode();
        }
        d.name = row.name();
        d.level = row.level();
        d.parentCode = row.parentCode();
        d.attribution = row.attribution();
        d.sourceDatum = row.sourceDatum();
        d.geom = row.geom();
        if (isNew) {
            d.persist();
        }
        em.flush();
        if (!isNew) {
            em.createNativeQuery("UPDATE district SET updated_at = now() WHERE id = ?1").setParameter(1, d.id)
                    .executeUpdate();
        }
        registry.history(DISTRICT, d.id, "import", user, reason, ChangeHistory.diff(before, snapshot(d)));
        return isNew ? RegistryService.Outcome.CREATED : RegistryService.Outcome.UPDATED;
    }

    static Map<String, Object> snapshot(District d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adcode", d.adcode);
        m.put("name", d.name);
        m.put("level", d.level);
        m.put("parentCode", d.parentCode);
        m.put("sourceDatum", d.sourceDatum);
        m.put("attribution", d.attribution);
        m.put("geom", d.geom == null ? null : fingerprint(d.geom));
        return m;
    }

    /** The outline's vertex count and the SHA-256 of its WKT (coordinates as stored). */
    static String fingerprint(MultiPolygon g) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(g.toText().getBytes(StandardCharsets.US_ASCII));
            return "MULTIPOLYGON " + g.getNumPoints() + " vertices sha256:" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
