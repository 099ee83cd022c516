package com.patrolplanner.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.locationtech.jts.geom.Point;

/** An inspection team (执法小组); its members are the inspectors whose {@code teamId} points here. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    /** The unit (执法机构) the team or officer works for; null until one is set. */
    @jakarta.persistence.Column(name = "unit_id")
    public Long unitId;
    public Point base;
    @Column(name = "base_address")
    public String baseAddress;
    @Version
    public int version;
}
