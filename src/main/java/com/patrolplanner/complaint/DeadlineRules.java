package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The named complaint deadlines ({@link DeadlineRule}): listed for everyone, edited by an administrator with history. */
@ApplicationScoped
public class DeadlineRules {
    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;

    public record RuleView(String code, String stage, int days, String name, String basis, String note, int version,
            String updatedBy, OffsetDateTime updatedAt) {
    }

    public record RuleInput(Integer days, String basis, String note, Integer version) {
    }

    @Transactional
    public List<RuleView> rules(Locale locale) {
        List<DeadlineRule> all = DeadlineRule.listAll();
        return all.stream().sorted((x, y) -> Integer.compare(order(x.stage), order(y.stage)))
                .map(r -> ruleView(r, locale)).toList();
    }

    private static int order(String stage) {
        return switch (stage) {
            case "accept" -> 0;
            case "verify" -> 1;
            default -> 2;
        };
    }

    private static RuleView ruleView(DeadlineRule r, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        return new RuleView(r.code, r.stage, r.days, en ? r.nameEn : r.nameZh, r.basis, r.note, r.version, r.updatedBy,
                r.updatedAt);
    }

    /** An administrator sets a rule's days (the province's figure), basis and note. Complaints already due keep theirs. */
    @Transactional
    public RuleView updateRule(String code, RuleInput in, CurrentUser user, Locale locale) {
        DeadlineRule r = DeadlineRule.findById(code);
        if (r == null) {
            throw ApiException.notFound(Messages.of("noun.rule", code));
        }
        if (in == null || in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != r.version) {
            throw ApiException.staleVersion("rule " + code, in.version(), r.version);
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.days() != null && (in.days() < 1 || in.days() > 365)) {
            errors.add(FieldError.of("days", Messages.of("common.between", 1, 365)));
        }
        String basis = ComplaintService.text(in.basis(), "basis", ComplaintService.MAX_TEXT, errors);
        String note = ComplaintService.text(in.note(), "note", ComplaintService.MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw ComplaintService.invalid(Messages.of("what.rule"), errors);
        }
        Map<String, Object> before = Map.of("days", r.days, "basis", r.basis, "note", String.valueOf(r.note));
        if (in.days() != null) {
            r.days = in.days();
        }
        if (basis != null) {
            r.basis = basis;
        }
        if (in.note() != null) {
            r.note = note;
        }
        r.updatedBy = user.name();
        r.updatedAt = OffsetDateTime.now();
        em.flush();
        registry.history("complaint_rule", 0, "update:" + code, user.name(), null,
                ChangeHistory.diff(before, Map.of("days", r.days, "basis", r.basis, "note", String.valueOf(r.note))));
        return ruleView(r, locale);
    }
}
