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
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/** A school or kindergarten. {@code campus} is the boundary the 200 m rule is measured from, when known. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    /** Code of {@link SchoolLevel}. */
    public String level;
    public String address;
    public Point geom;
    public MultiPolygon campus;
    @Column(name = "source_datum")
    public String sourceDatum = "WGS84";
    @Column(name = "geocode_status")
    public String geocodeStatus = "none";
    @Column(name = "geocode_confidence")
    public Double geocodeConfidence;
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
