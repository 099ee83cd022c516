package com.patrolplanner.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change to a registered thing: who, when, why, and each field's old and new value. {@link #diff} is the one place
 * that builds the {@code changes} column; writers keep a flat snapshot of the fields before and after a change.
 */
@Entity
@Table(name = "change_history")
// append-only: never updated once written. Without this, Hibernate's dirty check of the JSON map (values come back with
// other Java types) rewrote every history row of the persistence context at each flush, quadratic in a long transaction
// (the demo's casework spent minutes in "UPDATE change_history")
@org.hibernate.annotations.Immutable
public class ChangeHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public Long entityId;
    public String action;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, Object>> changes;

    /**
     * The field-level changes from {@code before} to {@code after}, in the order of the snapshots' keys; a field missing
     * on one side counts as null there. Empty when nothing changed. For a creation pass {@code Map.of()} as
     * {@code before}, for a deletion as {@code after}. Stored as {@code {"field": {"old": …, "new": …}}}
     * ({@link Changes#toJson}).
     */
    public static Changes diff(Map<String, ?> before, Map<String, ?> after) {
        List<Changes.FieldChange> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            Object o = before.get(k);
            Object n = after.get(k);
            if (!Objects.equals(o, n)) {
                out.add(new Changes.FieldChange(k, Changes.Value.of(o), Changes.Value.of(n)));
            }
        }
        return out.isEmpty() ? Changes.NONE : new Changes(out);
    }
}
