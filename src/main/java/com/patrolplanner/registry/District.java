package com.patrolplanner.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/** An administrative area (province, city, district) identified by its 6-digit adcode. */
@Entity
@Table(name = "district")
public class District extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String adcode;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    public MultiPolygon geom;
    @Column(name = "source_datum")
    public String sourceDatum = "WGS84";
    public String attribution;

    public static District byCode(String adcode) {
        return find("adcode", adcode).firstResult();
    }
}
