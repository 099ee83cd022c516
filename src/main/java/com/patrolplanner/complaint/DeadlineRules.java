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

    public record RuleView(String code, String stage, int days, String counting, String countingBasis, String name,
            String basis, String note, int version, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** Each field optional but {@code version}; {@code counting} is {@code calendar} or {@code working}. */
    public record RuleInput(Integer days, String counting, String countingBasis, String basis, String note, Integer version) {
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
        return new RuleView(r.code, r.stage, r.days, r.counting, r.countingBasis, en ? r.nameEn : r.nameZh, r.basis, r.note,
                r.version, r.updatedBy, r.updatedAt);
    }

    /**
     * An administrator sets a rule's days (the province's figure), how they count (calendar or working days, with the
     * basis of that), its basis and note. Deadlines already set are kept, open complaints included: a deadline is fixed
     * when its stage begins, it is what the team was given and what the reporter may have been told, and the history
     * shows it; recomputing them would move deadlines under people's feet and could make a complaint handled on time
     * overdue after the fact. The edited rule applies to every stage that begins after the edit (and so does an edit of
     * the {@link WorkCalendar}).
     */
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
        String basis = ComplaintInputs.text(in.basis(), "basis", ComplaintInputs.MAX_TEXT, errors);
        String note = ComplaintInputs.text(in.note(), "note", ComplaintInputs.MAX_TEXT, errors);
        String counting = in.counting() == null ? null : in.counting().trim();
        if (counting != null && !DeadlineRule.CALENDAR.equals(counting) && !DeadlineRule.WORKING.equals(counting)) {
            errors.add(FieldError.of("counting", com.patrolplanner.i18n.Messages.of("deadline.countingValues")));
        }
        String countingBasis = ComplaintInputs.text(in.countingBasis(), "countingBasis", ComplaintInputs.MAX_TEXT, errors);
        if (counting != null && !counting.equals(r.counting) && countingBasis == null) {
            errors.add(FieldError.of("countingBasis", com.patrolplanner.i18n.Messages.of("deadline.countingBasisRequired")));
        }
        if (!errors.isEmpty()) {
            throw ComplaintInputs.invalid(Messages.of("what.rule"), errors);
        }
        Map<String, Object> before = snapshot(r);
        if (in.days() != null) {
            r.days = in.days();
        }
        if (basis != null) {
            r.basis = basis;
        }
        if (in.note() != null) {
            r.note = note;
        }
        if (counting != null) {
            r.counting = counting;
        }
        if (countingBasis != null) {
            r.countingBasis = countingBasis;
        }
        r.updatedBy = user.name();
        r.updatedAt = OffsetDateTime.now();
        em.flush();
        // the action column holds 16 characters: the rule's code goes in the reason
        registry.history("complaint_rule", order(r.stage), "update", user.name(), code,
                ChangeHistory.diff(before, snapshot(r)));
        return ruleView(r, locale);
    }

    private static Map<String, Object> snapshot(DeadlineRule r) {
        return Map.of("days", r.days, "counting", r.counting, "countingBasis", String.valueOf(r.countingBasis), "basis", r.basis,
                "note", String.valueOf(r.note));
    }
}
