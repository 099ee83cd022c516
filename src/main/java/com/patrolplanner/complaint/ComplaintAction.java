package com.patrolplanner.complaint;

/**
 * One step of a complaint's handling ({@code POST /api/complaints/{id}/actions}), with the {@code version} read:
 * <ul>
 * <li>{@code accept};</li>
 * <li>{@code decline} with {@code reason};</li>
 * <li>{@code dispatch} to {@code teamId} with an optional {@code deadline} (date or timestamp; default: the verify
 * rule's); with {@code intoPlan: true} also as an extra stop in the team's plan of {@code date} (default today, of
 * {@code campaignId} when given); or with {@code campaignId} alone as a high-priority target of that campaign;</li>
 * <li>{@code verify} with {@code inspectionId} (the inspection that checked it);</li>
 * <li>{@code close} with {@code result} and {@code reply} (the answer given to the reporter; required when the reporter
 * left a contact).</li>
 * </ul>
 */
public record ComplaintAction(String action, Integer version, String reason, Long teamId, String deadline,
        Boolean intoPlan, String date, Long campaignId, Long inspectionId, String result, String reply) {
}
