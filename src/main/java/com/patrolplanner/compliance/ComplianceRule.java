package com.patrolplanner.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One legal distance rule as data: venues of {@code venueCategory} may not lie within {@code distanceM} metres (on the
 * spheroid, from the campus boundary) of schools of {@code schoolLevels}, in {@code jurisdiction} ('national' or an
 * adcode whose rules override less specific ones), between {@code effectiveFrom} (inclusive) and {@code effectiveTo}
 * (exclusive). A rule without a distance is a documented note (e.g. 《未成年人保护法》第五十八条), never a verdict.
 */
@Entity
@Table(name = "compliance_rule")
public class ComplianceRule extends PanacheEntityBase {
    public static final String NATIONAL = "national";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** Stable identifier (ICAFE_SCHOOL_200M); tests and exports name rules by it. */
    public String code;
    @Column(name = "venue_category")
    public String venueCategory;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "school_levels", columnDefinition = "varchar(16)[]")
    public String[] schoolLevels;
    @Column(name = "distance_m")
    public Double distanceM;
    public String jurisdiction = NATIONAL;
    @Column(name = "legal_basis")
    public String legalBasis;
    public String interpretation;
    public String note;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "effective_to")
    public LocalDate effectiveTo;
    @Version
    public int version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The adcode prefix a venue's district must start with: "" (national), "37" (370000), "3707" (370700). */
    public String jurisdictionPrefix() {
        return prefixOf(jurisdiction);
    }

    static String prefixOf(String jurisdiction) {
        if (jurisdiction == null || NATIONAL.equals(jurisdiction)) {
            return "";
        }
        return jurisdiction.replaceFirst("(00)+$", "");
    }

    public boolean effectiveOn(LocalDate d) {
        return (effectiveFrom == null || !effectiveFrom.isAfter(d)) && (effectiveTo == null || effectiveTo.isAfter(d));
    }

    /** True for a rule that yields verdicts (has a distance); false for a documented note. */
    public boolean measurable() {
        return distanceM != null;
    }

    public boolean appliesIn(String districtCode) {
        String p = jurisdictionPrefix();
        return p.isEmpty() || (districtCode != null && districtCode.startsWith(p));
    }
}
