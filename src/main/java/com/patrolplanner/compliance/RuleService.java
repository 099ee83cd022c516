package com.patrolplanner.compliance;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Changes;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.SchoolLevel;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rule register: validation, writes with a change-history entry, and the verdicts of the edited rule recomputed in
 * the same transaction (at national scale one rule's join takes tens of seconds, hence the longer timeout).
 */
@ApplicationScoped
public class RuleService {
    @Inject
    VerdictService verdicts;
    @Inject
    RegistryService registry;

    public List<ComplianceRule> list() {
        return ComplianceRule.list("order by venueCategory, jurisdiction, code");
    }

    public ComplianceRule rule(String code) {
        ComplianceRule r = ComplianceRule.find("code", code).firstResult();
        if (r == null) {
            throw ApiException.notFound(Messages.of("noun.rule", code));
        }
        return r;
    }

    /**
     * The school perimeter in force on {@code date}: the rule {@link SchoolPerimeter#RULE_CODE}, its distance and school
     * levels. 404 problem when the rule was deleted or is not in force on that date (an administrator's choice that
     * leaves "near a school" undefined rather than silently 200 m).
     */
    public SchoolPerimeter schoolPerimeter(java.time.LocalDate date) {
        ComplianceRule r = ComplianceRule.find("code", SchoolPerimeter.RULE_CODE).firstResult();
        if (r == null || !r.measurable() || !r.effectiveOn(date)) {
            throw ApiException.notFound(Messages.of("noun.ruleOn", SchoolPerimeter.RULE_CODE, date));
        }
        return new SchoolPerimeter(r.code, r.distanceM, List.of(r.schoolLevels), r.legalBasis);
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ComplianceRule create(RuleInput in, String user) {
        if (in.code() == null || in.code().isBlank()) {
            throw ApiException.invalid("code", Messages.of("compliance.codeRequired"));
        }
        if (ComplianceRule.count("code", in.code().trim()) > 0) {
            throw new ApiException(409, "Conflict", Messages.of("compliance.ruleExists", in.code()),
                    List.of(Problem.FieldError.of("code", Messages.of("common.alreadyExists"))));
        }
        ComplianceRule r = new ComplianceRule();
        r.code = in.code().trim();
        apply(r, in, user);
        r.persist();
        ComplianceRule.flush();
        registry.history("compliance_rule", r.id, "create", user, null, changes(Map.of(), snapshot(r)));
        longStatements();
        verdicts.recomputeRule(r.id);
        return r;
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ComplianceRule update(String code, RuleInput in, String user) {
        ComplianceRule r = rule(code);
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != r.version) {
            throw ApiException.staleVersion("rule " + code, in.version(), r.version);
        }
        if (in.code() != null && !in.code().isBlank() && !in.code().trim().equals(code)) {
            throw ApiException.invalid("code", Messages.of("compliance.codeStable"));
        }
        Map<String, Object> before = snapshot(r);
        apply(r, in, user);
        Changes changes = changes(before, snapshot(r));
        if (!changes.isEmpty()) {
            ComplianceRule.flush();
            registry.history("compliance_rule", r.id, "update", user, null, changes);
            longStatements();
            verdicts.recomputeRule(r.id);
        }
        return r;
    }

    @Transactional
    public void delete(String code, String user) {
        ComplianceRule r = rule(code);
        registry.history("compliance_rule", r.id, "delete", user, null, changes(snapshot(r), Map.of()));
        r.delete(); // its verdict rows go with it (ON DELETE CASCADE)
    }

    /**
     * The recompute is one national-scale join (tens of seconds): inside a request it may run as long as its
     * transaction, not only the request statement limit (web.StatementTimeout). The registry's history call above
     * has already written the audit record of the rule change.
     */
    private static void longStatements() {
        ComplianceRule.getEntityManager().createNativeQuery("SET LOCAL statement_timeout = '900s'").executeUpdate();
    }

    private void apply(ComplianceRule r, RuleInput in, String user) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!r.code.matches("^[A-Z][A-Z0-9_]{0,63}$")) {
            errors.add(Problem.FieldError.of("code", Messages.of("compliance.codeShape")));
        }
        String category = null;
        try {
            category = VenueCategory.parse(in.venueCategory()).code;
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of("venueCategory", e.getMessage()));
        }
        Set<String> levels = new LinkedHashSet<>();
        if (in.schoolLevels() == null || in.schoolLevels().isEmpty()) {
            errors.add(Problem.FieldError.of("schoolLevels", Messages.of("compliance.schoolLevels")));
        } else {
            for (String l : in.schoolLevels()) {
                try {
                    levels.add(SchoolLevel.parse(l).code);
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.FieldError.of("schoolLevels", e.getMessage()));
                }
            }
        }
        if (in.distanceM() != null && !(in.distanceM() > 0 && in.distanceM() <= 5000)) {
            errors.add(Problem.FieldError.of("distanceM", Messages.of("compliance.distance")));
        }
        String jurisdiction = in.jurisdiction() == null || in.jurisdiction().isBlank() || in.jurisdiction().trim().equals("全国")
                ? ComplianceRule.NATIONAL : in.jurisdiction().trim().toLowerCase();
        if (!jurisdiction.equals(ComplianceRule.NATIONAL) && !jurisdiction.matches("^[1-9][0-9]{5}$")) {
            errors.add(Problem.FieldError.of("jurisdiction", Messages.of("compliance.jurisdiction")));
        }
        if (in.effectiveFrom() != null && in.effectiveTo() != null && !in.effectiveTo().isAfter(in.effectiveFrom())) {
            errors.add(Problem.FieldError.of("effectiveTo", Messages.of("compliance.effectiveTo")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(Messages.of("compliance.ruleInvalid", errors.get(0).field(),
                    errors.get(0).reason()), errors);
        }
        r.venueCategory = category;
        r.schoolLevels = levels.toArray(String[]::new);
        r.distanceM = in.distanceM();
        r.jurisdiction = jurisdiction;
        r.legalBasis = in.legalBasis().trim();
        r.interpretation = blankToNull(in.interpretation());
        r.note = blankToNull(in.note());
        r.effectiveFrom = in.effectiveFrom();
        r.effectiveTo = in.effectiveTo();
        r.updatedBy = user;
        r.updatedAt = OffsetDateTime.now();
    }

    private static Map<String, Object> snapshot(ComplianceRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("venueCategory", r.venueCategory);
        m.put("schoolLevels", r.schoolLevels == null ? null : Arrays.asList(r.schoolLevels));
        m.put("distanceM", r.distanceM);
        m.put("jurisdiction", r.jurisdiction);
        m.put("legalBasis", r.legalBasis);
        m.put("interpretation", r.interpretation);
        m.put("note", r.note);
        m.put("effectiveFrom", r.effectiveFrom == null ? null : r.effectiveFrom.toString());
        m.put("effectiveTo", r.effectiveTo == null ? null : r.effectiveTo.toString());
        return m;
    }

    private static Changes changes(Map<String, Object> before, Map<String, Object> after) {
        return com.patrolplanner.registry.ChangeHistory.diff(before, after);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
