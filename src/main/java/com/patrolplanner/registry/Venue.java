package com.patrolplanner.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** A licensed (or unlicensed) cultural venue in the register 检查对象名录库. Location in WGS-84. */
@Entity
@Table(name = "venue")
public class Venue extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "licence_no")
    public String licenceNo;
    public String name;
    /** Code of {@link VenueCategory}. */
    public String category;
    public String address;
    public Point geom;
    @Column(name = "source_datum")
    public String sourceDatum = "WGS84";
    @Column(name = "geocode_status")
    public String geocodeStatus = "none";
    @Column(name = "geocode_confidence")
    public Double geocodeConfidence;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "opening_hours")
    public Map<String, String> openingHours;
    public Integer capacity;
    public String status = "open";
    /**
     * Counted from the complaint records only (the complaint capability sets it, {@code RegistryService.setComplaintCount}):
     * never written from this entity, so that a venue write cannot put back a count read before a complaint came in.
     */
    @Column(name = "complaint_count", insertable = false, updatable = false)
    public int complaintCount;
    public String notes;
    @Column(name = "district_code")
    public String districtCode;
    /** The unit (执法机构) the position lies in, kept by the database (see {@code V100__unit.sql}); read-only here. */
    @Column(name = "unit_id", insertable = false, updatable = false)
    public Long unitId;
    public boolean synthetic;
    @Version
    public int version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
