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

/**
 * A unit (执法机构): the city bureau (市局/支队, {@code city}), a district or county bureau (大队, {@code district}) or a
 * development zone's bureau (开发区, {@code zone}, no adcode, its own polygon carved out of districts). Units form a tree
 * by {@code parentId}; a venue or school belongs to the most specific unit whose area covers it (属地管理).
 */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
    public static final String CITY = "city";
    public static final String DISTRICT = "district";
    public static final String ZONE = "zone";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "parent_id")
    public Long parentId;
    public String name;
    public String adcode;
    public String kind;
    public MultiPolygon area;
    @Version
    public int version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static Unit byAdcode(String adcode) {
        return find("adcode", adcode).firstResult();
    }
}
