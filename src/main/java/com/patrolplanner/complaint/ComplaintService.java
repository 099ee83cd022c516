package com.patrolplanner.complaint;

import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Takes in complaints and moves them through their states ({@link ComplaintState}), each step a checked action with the
 * version read (stale → 409), a change-history row and an audit record. Deadlines come from the named rules
 * ({@link DeadlineRule}); {@code due_at} holds the current stage's. Scoping (属地管理): a complaint belongs to the unit its
 * subject lies in (the venue's unit, or the unit whose area covers the point), else to the unit of the user who took
 * it in; other units' complaints are 404 and absent from lists; a team leader sees only complaints dispatched to the
 * own team. The reporter's name and contact are masked for every role but planners and administrators, and never
 * exported. The venue's complaint count is counted from these records (view {@code venue_complaint_count}) and copied
 * to {@code venue.complaint_count} for the capabilities below (campaign priority, zoning workload).
 *
 * <p>This is the capability's door; the work is split by responsibility: {@link ComplaintIntake} takes complaints in,
 * {@link ComplaintWorkflow} moves them through their states, {@link ComplaintQueries} reads them, and
 * {@link ComplaintInputs} checks the fields.
 */
@ApplicationScoped
public class ComplaintService {

    @Inject
    ComplaintIntake intake;
    @Inject
    ComplaintWorkflow workflow;
    @Inject
    ComplaintQueries queries;

    /** Takes a complaint in ({@link ComplaintIntake}). */
    @Transactional
    public ComplaintView create(ComplaintInput in, CurrentUser user) {
        return intake.create(in, user);
    }

    /** One handling step; see {@link ComplaintAction} ({@link ComplaintWorkflow}). */
    @Transactional
    public ComplaintView act(long id, ComplaintAction a, CurrentUser user) {
        return workflow.act(id, a, user);
    }

    @Transactional
    public ComplaintView get(long id, CurrentUser user) {
        return queries.get(id, user);
    }

    @Transactional
    public List<ChangeHistory> history(long id, CurrentUser user) {
        return queries.history(id, user);
    }

    @Transactional
    public ComplaintPage list(ComplaintFilter f, Integer limit, Integer offset, CurrentUser user) {
        return queries.list(f, limit, offset, null, user);
    }

    /** A page of complaints in {@code sort} order (newest received first by default). */
    @Transactional
    public ComplaintPage list(ComplaintFilter f, Integer limit, Integer offset, String sort, CurrentUser user) {
        return queries.list(f, limit, offset, sort, user);
    }

    /** The rows of an export (no reporter data), at most {@link ComplaintQueries#MAX_EXPORT}. */
    @Transactional
    public List<ComplaintView> exportRows(ComplaintFilter f, CurrentUser user) {
        return queries.exportRows(f, user);
    }
}
