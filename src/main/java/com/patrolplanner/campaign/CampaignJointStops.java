package com.patrolplanner.campaign;

import com.patrolplanner.registry.JointStops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A team's stops in the campaigns it is sent on (issue 14, 联合行动): a stop at venue V on a route of team T in a plan
 * that was not a failure, of a campaign T is still on. Such a venue may lie in another unit: a city's joint campaign sends
 * a district's team into its neighbour, and the team's leader records the inspection there.
 */
@ApplicationScoped
public class CampaignJointStops implements JointStops {
    @Inject
    EntityManager em;

    @Override
    public boolean teamHasStop(long teamId, long venueId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM plan_stop s JOIN plan_route r ON r.id = s.route_id JOIN plan p ON p.id = r.plan_id
                  JOIN campaign_team ct ON ct.campaign_id = p.campaign_id AND ct.team_id = r.team_id
                WHERE r.team_id = ?1 AND s.venue_id = ?2 AND p.status <> 'failed' LIMIT 1""")
                .setParameter(1, teamId).setParameter(2, venueId).getResultList().isEmpty();
    }
}
