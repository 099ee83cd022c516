package com.patrolplanner.campaign;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. {@code campaign}: the campaign register (name, type, dates, district) for reports.
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class CampaignRelations {
    public static final Set<String> OWNED = Set.of("campaign", "campaign_team", "school_calendar", "recusal", "campaign_draw", "draw_venue", "draw_member", "plan", "plan_route", "plan_stop", "road_node", "road_edge");
    public static final Set<String> PUBLISHED = Set.of("campaign");

    private CampaignRelations() {
    }
}
