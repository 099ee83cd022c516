package com.patrolplanner.campaign.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import com.patrolplanner.campaign.routing.RoutingConstraintProvider;
import com.patrolplanner.campaign.routing.RoutingJustification;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.registry.TwoOfficerRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The routing core's score (time windows, shift end; unplanned priority; travel) plus what campaigns add.
 * Hard: ≥ 2 certified officers per team that goes out, each venue at most once (a venue may be offered in several
 * windows), pinned stops stay on their team, and the night-sweep simultaneous strike. Medium: an alternative window
 * of a venue that is visited anyway costs nothing. Soft: fair workload.
 *
 * <p>The campaign facts come from the {@link CampaignMatrix} each visit carries.
 */
public class CampaignConstraintProvider extends RoutingConstraintProvider {

    public static final String TEAM_WITHOUT_TWO_CERTIFIED = "Team without two certified officers";
    public static final String VENUE_VISITED_TWICE = "Venue visited twice";
    public static final String PINNED_STOP_MOVED = "Pinned stop moved";
    public static final String STRIKE_NOT_SIMULTANEOUS = "Simultaneous strike spread";
    public static final String ALTERNATIVE_WINDOW_UNUSED = "Alternative window of a visited venue";
    public static final String FAIR_WORKLOAD = "Fair workload";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        List<Constraint> all = new ArrayList<>(Arrays.asList(super.defineConstraints(factory)));
        all.add(teamWithoutTwoCertified(factory));
        all.add(venueVisitedTwice(factory));
        all.add(pinnedStopMoved(factory));
        all.add(strikeNotSimultaneous(factory));
        all.add(alternativeWindowUnused(factory));
        all.add(fairWorkload(factory));
        return all.toArray(new Constraint[0]);
    }

    // ************************************************************************
    // Hard constraints
    // ************************************************************************

    Constraint teamWithoutTwoCertified(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> v.isUsed() && !TwoOfficerRule.met(certified(v)))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> 1000L * v.getVisits().size())
                .justifyWith((v, score) -> new RoutingJustification(v.getId(), null, "team has " + certified(v)
                        + " certified officer(s); 《行政处罚法》第四十二条 requires at least " + TwoOfficerRule.MIN_CERTIFIED_OFFICERS))
                .asConstraint(TEAM_WITHOUT_TWO_CERTIFIED);
    }

    Constraint venueVisitedTwice(ConstraintFactory factory) {
        return factory.forEachUniquePair(Visit.class, Joiners.equal(Visit::getLocation))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (a, b) -> 1000L)
                .justifyWith((a, b, score) -> new RoutingJustification(b.getVehicle().getId(), b.getId(),
                        "venue already visited as " + a.getId() + " by " + a.getVehicle().getId()))
                .asConstraint(VENUE_VISITED_TWICE);
    }

    Constraint pinnedStopMoved(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(v -> pinned(v) != null && (v.getVehicle() == null || !pinned(v).equals(v.getVehicle().getId())))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> 1000L)
                .justifyWith((v, score) -> new RoutingJustification(v.getVehicle() == null ? null : v.getVehicle().getId(),
                        v.getId(), "done or pinned on " + pinned(v) + ", now " + (v.getVehicle() == null ? "unplanned"
                                : "on " + v.getVehicle().getId())))
                .asConstraint(PINNED_STOP_MOVED);
    }

    Constraint strikeNotSimultaneous(ConstraintFactory factory) {
        return factory.forEachUniquePair(Visit.class, Joiners.equal(CampaignConstraintProvider::zone))
                .filter((a, b) -> zone(a) != null && matrix(a).strike() && spread(a, b) > 0.0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (a, b) -> (long) Math.ceil(spread(a, b) * 1000.0))
                .justifyWith((a, b, score) -> new RoutingJustification(b.getVehicle().getId(), b.getId(),
                        "starts " + Math.round(Math.abs(a.getServiceStartTime() - b.getServiceStartTime()))
                                + " min apart from " + a.getId() + " in zone " + zone(a) + ", strike window "
                                + matrix(a).strikeMinutes() + " min"))
                .asConstraint(STRIKE_NOT_SIMULTANEOUS);
    }

    // ************************************************************************
    // Medium constraints
    // ************************************************************************

    /** Gives back the unplanned penalty of a venue's other windows once the venue is visited in one of them. */
    Constraint alternativeWindowUnused(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(v -> v.getVehicle() == null)
                .ifExists(Visit.class, Joiners.equal(Visit::getLocation))
                .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM, v -> UNPLANNED_PRIORITY_WEIGHT * v.getPriority())
                .justifyWith((v, score) -> new RoutingJustification(null, v.getId(),
                        "venue visited in another window: this window is not needed"))
                .asConstraint(ALTERNATIVE_WINDOW_UNUSED);
    }

    // ************************************************************************
    // Soft constraints
    // ************************************************************************

    /** Squared working minutes per team: spreading the same work over more teams scores better. */
    Constraint fairWorkload(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(Vehicle::isUsed)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, v -> sq(workMinutes(v)))
                .justifyWith((v, score) -> new RoutingJustification(v.getId(), null,
                        Math.round(workMinutes(v)) + " working minutes (travel + checks)"))
                .asConstraint(FAIR_WORKLOAD);
    }

    static double workMinutes(Vehicle v) {
        double total = 0.0;
        int at = v.getLocation();
        for (Visit visit : v.getVisits()) {
            total += v.getMatrix().travelTime(at, visit.getLocation()) + visit.getServiceDuration();
            at = visit.getLocation();
        }
        return total + v.getMatrix().travelTime(at, v.getLocation());
    }

    private static long sq(double minutes) {
        long m = Math.round(minutes);
        return m * m;
    }

    private static double spread(Visit a, Visit b) {
        return Math.abs(a.getServiceStartTime() - b.getServiceStartTime()) - matrix(a).strikeMinutes();
    }

    private static CampaignMatrix matrix(Visit v) {
        return (CampaignMatrix) v.getMatrix();
    }

    private static String zone(Visit v) {
        return v.getMatrix() instanceof CampaignMatrix m ? m.zoneKey(v.getLocation()) : null;
    }

    private static String pinned(Visit v) {
        return v.getMatrix() instanceof CampaignMatrix m ? m.pinnedVehicle(v.getId()) : null;
    }

    private static int certified(Vehicle v) {
        return v.getMatrix() instanceof CampaignMatrix m ? m.certifiedOfficers(v.getId()) : TwoOfficerRule.MIN_CERTIFIED_OFFICERS;
    }
}
