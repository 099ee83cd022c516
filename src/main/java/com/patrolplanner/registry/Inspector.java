package com.patrolplanner.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An officer in the inspector register 执法检查人员名录库; only holders of an enforcement certificate (执法证) may inspect. */
@Entity
@Table(name = "inspector")
public class Inspector extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    /** The unit (执法机构) the team or officer works for; null until one is set. */
    @jakarta.persistence.Column(name = "unit_id")
    public Long unitId;
    @Column(name = "certificate_no")
    public String certificateNo;
    public String unit;
    @Column(name = "team_id")
    public Long teamId;
    public boolean active = true;
    public boolean synthetic;
    @Version
    public int version;

    /** 《行政处罚法》第四十二条: inspections need officers holding enforcement certificates. */
    public boolean certified() {
        return active && certificateNo != null && !certificateNo.isBlank();
    }
}
