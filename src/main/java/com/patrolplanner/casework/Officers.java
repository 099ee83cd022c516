package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Inspector;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.TwoOfficerRule;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The officers of an act: every one active, holding an enforcement certificate and not of another unit, at least
 * {@link TwoOfficerRule#MIN_CERTIFIED_OFFICERS} of them (《行政处罚法》第四十二条), and for a team leader all of the own team.
 */
@ApplicationScoped
public class Officers {
    @Inject
    Jurisdiction jurisdiction;

    public record Officer(long id, String name, String certificateNo) {
    }

    public List<Officer> check(List<Long> ids, Actor actor, List<FieldError> errors) {
        List<Officer> out = new ArrayList<>();
        List<Long> distinct = ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
        for (int k = 0; k < distinct.size(); k++) {
            Long id = distinct.get(k);
            Inspector i = id == null ? null : Inspector.findById(id);
            if (i == null || (i.unitId != null && !jurisdiction.scope().sees(i.unitId))) {
                errors.add(FieldError.of("officers[" + k + "]", Messages.of("common.noInspector", id)));
            } else if (!i.certified()) {
                errors.add(FieldError.of("officers[" + k + "]",
                        Messages.of(i.active ? "inspection.noCertificate" : "inspection.inactive", i.name)));
            } else if (actor.teamScoped() && !Objects.equals(i.teamId, actor.teamId())) {
                errors.add(FieldError.of("officers[" + k + "]", Messages.of("casework.notYourTeam", i.name)));
            } else {
                out.add(new Officer(i.id, i.name, i.certificateNo));
            }
        }
        if (!TwoOfficerRule.met(out.size())) {
            errors.add(FieldError.of("officers", Messages.of("inspection.twoOfficers",
                    TwoOfficerRule.MIN_CERTIFIED_OFFICERS, out.size())));
        }
        return out;
    }

    static String idArray(List<Officer> os) {
        return os.stream().map(o -> String.valueOf(o.id())).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    static String certArray(List<Officer> os) {
        return os.stream().map(o -> "\"" + o.certificateNo().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
