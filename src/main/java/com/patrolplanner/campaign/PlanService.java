package com.patrolplanner.campaign;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.KeptStop;
import com.patrolplanner.campaign.domain.ShiftLabel;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.solver.CampaignFeasibility;
import com.patrolplanner.campaign.solver.CampaignProblem;
import com.patrolplanner.campaign.solver.PlanSolver;
import com.patrolplanner.campaign.solver.ProblemBuilder;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Solving campaigns, quickstart style: {@link #solve} checks the request and builds the first date's problem (bad
 * input fails here, synchronously, nothing written), then a {@link JobService} job solves the requested dates in
 * order. Each date's problem leaves out the venues the campaign visits on its other dates, so that each targeted venue
 * is checked once per campaign (the 双随机 publication list promises one check per drawn venue). While a date is
 * solved its best plan so far is written to a 'solving' plan row ({@link BestSoFar}); when the date ends (time up or
 * stopped) the best plan is checked by {@link CampaignFeasibility} and the row finished as the date's plan.
 */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);
    public static final int DEFAULT_SECONDS = SolveRequest.DEFAULT_SECONDS;
    public static final int MAX_SECONDS = SolveRequest.MAX_SECONDS;

    @Inject
    CampaignService campaigns;
    @Inject
    ProblemBuilder builder;
    @Inject
    PlanSolver solver;
    @Inject
    PlanStore store;
    @Inject
    JobService jobs;
    @Inject
    BestSoFar bestSoFar;
    @Inject
    SolveStatus statusView;
    @Inject
    PlanningClock clock;
    @Inject
    com.patrolplanner.campaign.travel.TravelModels travelModels;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;
    /** The last solved date's score by level (hard, medium, soft) for {@code pp_solve_score}. */
    private final java.util.concurrent.atomic.AtomicLongArray lastScore = new java.util.concurrent.atomic.AtomicLongArray(3);
    private final java.util.concurrent.atomic.AtomicBoolean scoreGauges = new java.util.concurrent.atomic.AtomicBoolean();

    /** A running (or just finished) solve of some dates of one campaign. */
    static final class Solve {
        final UUID jobId;
        final long campaignId;
        final String campaignName;
        final String campaignType;
        final List<LocalDate> dates;
        final String user;
        /** One entry per date done (or not reached), in date order. */
        final List<SolveProgress.DateOutcome> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile BestSoFar.DateSolve current;
        volatile boolean finished;
        /** Stops of a dead node's best plan seeded into the first date (a solve started again), else 0. */
        volatile int warmStops;

        Solve(UUID jobId, long campaignId, String campaignName, String campaignType, List<LocalDate> dates, String user) {
            this.jobId = jobId;
            this.campaignId = campaignId;
            this.campaignName = campaignName;
            this.campaignType = campaignType;
            this.dates = dates;
            this.user = user;
        }
    }

    private final Map<Long, Solve> solves = new ConcurrentHashMap<>();

    /**
     * {@code date}: one day; {@code dates}: "all" for every day of the campaign; {@code from}/{@code to}: a range;
     * {@code seconds}: solver time per date.
     */
    public record SolveInput(String date, String dates, String from, String to, Integer seconds) {
    }

    /** Rows a crashed run of this node left 'solving', and stale ones of other nodes, become 'stopped'. */
    void onStart(@Observes StartupEvent ev) {
        try {
            int n = store.recoverOrphans(bestSoFar.node(), BestSoFar.STALE_SECONDS);
            if (n > 0) {
                LOG.infof("%d plan row(s) left 'solving' by an earlier run kept as 'stopped'", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not recover plan rows left 'solving': " + e.getMessage());
        }
    }

    /** A solve started: its job, and warnings for the planner (a shift that has already started). */
    public record Started(UUID jobId, List<Map<String, Object>> warnings) {
    }

    /**
     * Starts a solve. A date whose shift has ended is refused (422 naming {@code date}: its teams can no longer go);
     * a date whose shift has started is planned with a warning (its first stops may already be past).
     */
    public synchronized Started solve(long campaignId, SolveInput in, String user, java.util.Locale locale) {
        Solve running = solves.get(campaignId);
        if (running != null && !running.finished) {
            throw ApiException.conflict(Messages.of("campaign.solving", campaignId, running.jobId));
        }
        Object[] built = QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = campaigns.find(campaignId);
            SolveRequest req = SolveRequest.of(c, in);
            store.recoverOrphans(null, BestSoFar.STALE_SECONDS);
            if (!store.solvingPlans(campaignId).isEmpty()) {
                throw ApiException.conflict(Messages.of("campaign.solvingElsewhere", campaignId));
            }
            List<Map<String, Object>> warnings = shiftWarnings(c, req.dates(), locale);
            LocalDate last = req.dates().get(req.dates().size() - 1);
            return new Object[] {req, build(c, req.dates().get(0), last), c.name, c.type, warnings};
        });
        SolveRequest req = (SolveRequest) built[0];
        CampaignProblem first = (CampaignProblem) built[1];
        Solve[] holder = new Solve[1];
        UUID jobId = jobs.submit("campaign-solve", user,
                new JobService.Resume(RESUMER, new SolveArgs(campaignId, in, user), null),
                progress -> run(awaitHolder(holder), req, first, progress));
        Solve s = new Solve(jobId, campaignId, (String) built[2], (String) built[3], req.dates(), user);
        solves.put(campaignId, s);
        holder[0] = s;
        synchronized (holder) {
            holder.notifyAll();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) built[4];
        return new Started(jobId, warnings);
    }

    public static final String RESUMER = "campaign-solve";

    /**
     * Starts again, on this node, a solve whose node died (README, Cluster): the dates the job finished stay as they
     * are; the date it was solving starts from its last persisted best plan (the 'solving' row, kept as 'stopped'),
     * seeded into the new search (Timefold's phases from that plan); the dates after it are solved as before.
     */
    Map<String, Object> resume(UUID jobId, long campaignId, SolveInput in, String user, JobService.Progress progress) {
        Object[] built = QuarkusTransaction.requiringNew().call(() -> {
            store.stopSolvingOf(jobId);
            Campaign c = campaigns.find(campaignId);
            SolveRequest req = SolveRequest.of(c, in);
            Map<LocalDate, PlanStore.DatePlan> left = store.datesOfJob(jobId);
            List<LocalDate> remaining = req.dates().stream()
                    .filter(d -> left.get(d) == null || !"solved".equals(left.get(d).status())).toList();
            if (remaining.isEmpty()) {
                return new Object[] {req, null, c.name, c.type, remaining, 0};
            }
            LocalDate d0 = remaining.get(0);
            CampaignProblem first = build(c, d0, remaining.get(remaining.size() - 1));
            int seeded = 0;
            PlanStore.DatePlan at = left.get(d0);
            if (at != null && "stopped".equals(at.status())) {
                seeded = seed(first, store.stops(at.id(), d0, false));
            }
            return new Object[] {req, first, c.name, c.type, remaining, seeded};
        });
        SolveRequest req = (SolveRequest) built[0];
        @SuppressWarnings("unchecked")
        List<LocalDate> remaining = (List<LocalDate>) built[4];
        Solve s = new Solve(jobId, campaignId, (String) built[2], (String) built[3], remaining, user);
        s.warmStops = (Integer) built[5];
        solves.put(campaignId, s);
        LOG.infof("solve job %s of campaign %d started again: %d date(s) left, %d stop(s) of the best plan so far seeded",
                jobId, campaignId, remaining.size(), s.warmStops);
        if (remaining.isEmpty()) {
            s.finished = true;
            return jobResult(s);
        }
        return run(s, new SolveRequest(remaining, req.seconds()), (CampaignProblem) built[1], progress);
    }

    /**
     * Puts the stops of a stored plan back on their teams in {@code p}'s plan, in route order: each stop takes its
     * venue's visit whose window holds the stop's start (a visit already on the team, i.e. a kept stop, first). Returns
     * how many stops were placed.
     */
    static int seed(CampaignProblem p, List<KeptStop> stops) {
        Map<String, com.patrolplanner.campaign.routing.Visit> visitById = new java.util.HashMap<>();
        p.plan().getVisits().forEach(v -> visitById.put(v.getId(), v));
        Map<Long, List<com.patrolplanner.campaign.routing.Visit>> ofVenue = new java.util.HashMap<>();
        p.visits().values().forEach(i -> {
            com.patrolplanner.campaign.routing.Visit v = visitById.get(i.visitId());
            if (v != null) {
                ofVenue.computeIfAbsent(i.venueId(), k -> new ArrayList<>()).add(v);
            }
        });
        Map<Long, com.patrolplanner.campaign.routing.Vehicle> ofTeam = new java.util.HashMap<>();
        for (com.patrolplanner.campaign.routing.Vehicle v : p.plan().getVehicles()) {
            CampaignProblem.TeamInfo t = p.teams().get(v.getId());
            if (t != null) {
                ofTeam.put(t.teamId(), v);
            }
        }
        Set<com.patrolplanner.campaign.routing.Visit> used = new java.util.HashSet<>();
        Map<com.patrolplanner.campaign.routing.Vehicle, List<com.patrolplanner.campaign.routing.Visit>> routes =
                new LinkedHashMap<>();
        int placed = 0;
        for (KeptStop st : stops) {
            com.patrolplanner.campaign.routing.Vehicle vehicle = ofTeam.get(st.teamId());
            if (vehicle == null) {
                continue;
            }
            List<com.patrolplanner.campaign.routing.Visit> candidates = ofVenue.getOrDefault(st.venueId(), List.of());
            com.patrolplanner.campaign.routing.Visit pick = candidates.stream()
                    .filter(v -> !used.contains(v) && vehicle.getVisits().contains(v)).findFirst()
                    .or(() -> candidates.stream().filter(v -> !used.contains(v) && v.getReady() <= st.startMinute() + 1e-6
                            && st.startMinute() <= v.getDue() + 1e-6).findFirst())
                    .or(() -> candidates.stream().filter(v -> !used.contains(v) && !assigned(p, v)).findFirst())
                    .orElse(null);
            if (pick == null || (assigned(p, pick) && !vehicle.getVisits().contains(pick))) {
                continue;
            }
            used.add(pick);
            routes.computeIfAbsent(vehicle, k -> new ArrayList<>()).add(pick);
            placed++;
        }
        for (Map.Entry<com.patrolplanner.campaign.routing.Vehicle, List<com.patrolplanner.campaign.routing.Visit>> e
                : routes.entrySet()) {
            List<com.patrolplanner.campaign.routing.Visit> route = e.getValue();
            for (com.patrolplanner.campaign.routing.Visit kept : e.getKey().getVisits()) {
                if (!route.contains(kept)) {
                    route.add(kept);
                }
            }
            e.getKey().setVisits(route);
        }
        return placed;
    }

    private static boolean assigned(CampaignProblem p, com.patrolplanner.campaign.routing.Visit v) {
        return p.plan().getVehicles().stream().anyMatch(x -> x.getVisits().contains(v));
    }

    /** What a solve job stores to be started again: the campaign, the request and who asked. */
    public record SolveArgs(long campaignId, SolveInput input, String user) {
    }

    /** Starts a solve job again from what its first submission stored (see {@link #resume}). */
    @ApplicationScoped
    public static class Resumer implements JobService.TypedResumer<SolveArgs> {
        @Inject
        PlanService plans;

        @Override
        public String name() {
            return RESUMER;
        }

        @Override
        public Class<SolveArgs> argsType() {
            return SolveArgs.class;
        }

        @Override
        public JobService.Body resume(UUID jobId, SolveArgs args, byte[] input) {
            return progress -> plans.resume(jobId, args.campaignId(), args.input(), args.user(), progress);
        }
    }

    /** Refuses dates whose shift has ended; one warning per date whose shift has started. */
    private List<Map<String, Object>> shiftWarnings(Campaign c, List<LocalDate> dates, java.util.Locale locale) {
        java.time.ZonedDateTime now = clock.now();
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        boolean en = locale != null && "en".equals(locale.getLanguage());
        for (LocalDate d : dates) {
            int[] shift = builder.shiftOn(c, d);
            ShiftLabel label = ShiftLabel.of(d, shift[0], shift[1]);
            if (!now.isBefore(label.end())) {
                throw ApiException.invalid("date", en
                        ? "the shift of " + d + " has ended: " + label.en() + "; it can no longer be planned"
                        : d + " 的班次已结束：" + label.zh() + "，不能再安排");
            }
            if (!now.isBefore(label.start())) {
                Map<String, Object> w = new java.util.LinkedHashMap<>();
                w.put("code", "shiftStarted");
                w.put("date", d.toString());
                w.put("shift", label.in(locale));
                w.put("message", en ? "The shift " + label.en() + " has already started: stops before now cannot be kept"
                        : "班次 " + label.zh() + " 已经开始：现在之前的站点已无法按时检查");
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The problem of one date: kept (done, pinned) stops of the date's current plan, without the venues planned on
     * the campaign's other dates — but on the dates up to {@code replannedUntil}, which this solve re-plans next, only
     * their kept stops count.
     */
    private CampaignProblem build(Campaign c, LocalDate date, LocalDate replannedUntil) {
        Long previous = store.currentPlanId(c.id, date);
        List<KeptStop> kept = previous == null ? List.of() : store.keptStops(previous, date);
        Set<Long> elsewhere = store.venuesPlannedElsewhere(c.id, date, replannedUntil);
        return builder.build(c, date, kept, elsewhere);
    }

    private Map<String, Object> run(Solve s, SolveRequest req, CampaignProblem first, JobService.Progress progress) {
        int n = s.dates.size();
        long perDate = req.seconds() * 10L; // progress in tenths of a second
        progress.total(perDate * n);
        AtomicLong reported = new AtomicLong();
        LocalDate last = s.dates.get(n - 1);
        try {
            for (int k = 0; k < n; k++) {
                LocalDate date = s.dates.get(k);
                if (progress.cancelled()) {
                    s.results.add(SolveProgress.DateOutcome.notSolved(date.toString(),
                            com.patrolplanner.i18n.Messages.of("plan.stopped")));
                    continue;
                }
                CampaignProblem problem = k == 0 ? first : QuarkusTransaction.requiringNew().call(() ->
                        build(campaigns.find(s.campaignId), date, last));
                long dateStarted = System.nanoTime();
                BestSoFar.DateSolve d = new BestSoFar.DateSolve(s.jobId, s.user, problem, s.campaignName,
                        s.campaignType, k + 1, n);
                s.current = d;
                long base = perDate * k;
                progress.detail(detail(date, k + 1, n, null));
                advanceTo(progress, reported, base);
                RoutingPlan result;
                if (problem.plan().getVisits().isEmpty()) {
                    result = problem.plan(); // nothing to visit this date (no window, all planned elsewhere)
                } else {
                    bestSoFar.register(d);
                    long t0 = System.currentTimeMillis();
                    try {
                        java.util.function.Consumer<RoutingPlan> onBest = best -> {
                            d.offer(best);
                            progress.detail(detail(date, d.index, n, String.valueOf(best.getScore())));
                            advanceTo(progress, reported, base + Math.min(perDate, (System.currentTimeMillis() - t0) / 100));
                        };
                        result = k == 0 && s.warmStops > 0
                                ? solver.solveFrom(problem, Duration.ofSeconds(req.seconds()), onBest, progress::cancelled)
                                : solver.solve(problem, Duration.ofSeconds(req.seconds()), onBest, progress::cancelled);
                    } catch (RuntimeException e) {
                        bestSoFar.abandon(d);
                        throw e;
                    } finally {
                        bestSoFar.unregister(d);
                    }
                }
                String outcome = progress.cancelled() ? "stopped" : "solved";
                SolveProgress.DateOutcome r = bestSoFar.finish(d, result, outcome);
                recordSolve(s.campaignType, outcome, System.nanoTime() - dateStarted, result);
                s.results.add(r);
                advanceTo(progress, reported, base + perDate);
            }
        } finally {
            s.finished = true;
        }
        return jobResult(s);
    }

    /**
     * {@code pp_solve_duration_seconds{type,outcome}} (a histogram: one observation per solved date) and
     * {@code pp_solve_score{level}}, the last solved date's score (hard, medium = unplanned priority, soft = travel + fairness).
     */
    private void recordSolve(Object campaignType, String outcome, long nanos, RoutingPlan result) {
        io.micrometer.core.instrument.Timer.builder("pp.solve.duration").description("solve time per campaign date")
                .tags("type", String.valueOf(campaignType), "outcome", outcome).register(metrics)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (result == null || result.getScore() == null) {
            return;
        }
        lastScore.set(0, result.getScore().hardScore());
        lastScore.set(1, result.getScore().mediumScore());
        lastScore.set(2, result.getScore().softScore());
        if (scoreGauges.compareAndSet(false, true)) {
            String[] levels = {"hard", "medium", "soft"};
            for (int i = 0; i < 3; i++) {
                int k = i;
                io.micrometer.core.instrument.Gauge.builder("pp.solve.score", lastScore, a -> a.get(k))
                        .description("score of the last solved campaign date").tag("level", levels[i]).register(metrics);
            }
        }
    }

    private static Map<String, Object> detail(LocalDate date, int index, int of, String score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date.toString());
        m.put("dateIndex", index);
        m.put("dateCount", of);
        if (score != null) {
            m.put("score", score);
        }
        return m;
    }

    private static void advanceTo(JobService.Progress progress, AtomicLong reported, long to) {
        long before = reported.getAndUpdate(r -> Math.max(r, to));
        if (to > before) {
            progress.advance(to - before);
        }
    }

    /** The job's result: the last date's figures as for a one-date solve, and every date's. */
    private static Map<String, Object> jobResult(Solve s) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<SolveProgress.DateOutcome> solved = s.results.stream().filter(r -> r.planId() != null).toList();
        SolveProgress.DateOutcome lastSolved = solved.isEmpty() ? null : solved.get(solved.size() - 1);
        out.put("planId", lastSolved == null ? null : lastSolved.planId());
        out.put("score", lastSolved == null ? null : lastSolved.figures().score());
        out.put("feasible", solved.stream().allMatch(r -> Boolean.TRUE.equals(r.figures().feasible())));
        List<Object> violations = new ArrayList<>();
        for (SolveProgress.DateOutcome r : solved) {
            for (String v : r.figures().violations() == null ? List.<String>of() : r.figures().violations()) {
                violations.add(s.dates.size() == 1 ? v : r.date() + ": " + v);
            }
        }
        out.put("violations", violations);
        out.put("planned", solved.stream().mapToInt(r -> r.figures().planned()).sum());
        out.put("dates", new ArrayList<>(s.results));
        if (s.warmStops > 0) {
            out.put("resumedFromStops", s.warmStops);
        }
        return out;
    }

    private static Solve awaitHolder(Solve[] holder) throws InterruptedException {
        synchronized (holder) {
            while (holder[0] == null) {
                holder.wait(50);
            }
        }
        return holder[0];
    }

    /** A venue dispatched into a team's plan of a date: the campaign, plan and the stop that was appended. */
    public record ExtraStop(long campaignId, String campaignName, long planId, long stopId, int seq, String startAt,
            boolean afterShift) {
    }

    /**
     * Dispatches a venue into the team's plan of {@code date} as an extra stop (a complaint to check at once, 举报核查):
     * appended pinned to the end of the team's route in its current plan of that date (of {@code campaignId} when
     * given, else of the first campaign that plans the team that day), never before now. The stops already there stay
     * as they are, and since the new stop is pinned, a later re-plan of the date keeps it on this team together with
     * the done and pinned ones. 422 on {@code teamId} when the team has no plan that date; 409 when the venue is
     * already a stop of that plan.
     */
    @jakarta.transaction.Transactional
    public ExtraStop addExtraStop(long teamId, LocalDate date, long venueId, Long campaignId) {
        List<PlanStore.PlanRef> plans = store.plansOfTeam(teamId, date).stream()
                .filter(p -> campaignId == null || store.campaignOfPlan(p.planId()) == campaignId).toList();
        if (plans.isEmpty()) {
            throw ApiException.invalid("teamId", Messages.of("plan.teamNoPlan", teamId, date,
                    campaignId == null ? "" : Messages.of("plan.inCampaign", campaignId)));
        }
        PlanStore.PlanRef plan = plans.get(0);
        if (store.hasStopAt(plan.planId(), venueId)) {
            throw ApiException.conflict(Messages.of("plan.alreadyStop", venueId, plan.planId(), date));
        }
        com.patrolplanner.registry.Venue v = com.patrolplanner.registry.Venue.findById(venueId);
        if (v == null || v.geom == null) {
            throw ApiException.invalid("venueId",
                    Messages.of(v == null ? "plan.venueMissing" : "plan.venueNoPosition", venueId));
        }
        PlanStore.AppendedStop a = store.appendPinnedStop(plan.planId(), teamId, venueId, v.name, v.category, v.address,
                v.geom.getX(), v.geom.getY(), com.patrolplanner.campaign.domain.Campaign.PRIORITY_BONUS,
                com.patrolplanner.campaign.domain.CategoryProfile.serviceMinutes(v.category), travelModels.current(),
                clock.now().toOffsetDateTime());
        if (a == null) {
            throw ApiException.invalid("teamId", Messages.of("plan.teamNoRoute", teamId, plan.planId()));
        }
        return new ExtraStop(store.campaignOfPlan(plan.planId()), plan.campaignName(), plan.planId(), a.stopId(), a.seq(),
                a.startAt().atZoneSameInstant(com.patrolplanner.time.BureauClock.ZONE).toOffsetDateTime().toString(),
                a.afterShift());
    }

    /**
     * Stops the campaign's running solve, on whichever node runs it (the cancel is recorded in the job row); true when
     * a solve was running and is asked to stop.
     */
    public boolean stop(long campaignId) {
        Solve s = solves.get(campaignId);
        if (s != null) {
            return !s.finished && jobs.cancel(s.jobId) == JobService.Cancel.REQUESTED;
        }
        // not solved in this node's memory: another node may be solving it
        UUID job = QuarkusTransaction.requiringNew().call(() -> store.latestJob(campaignId));
        return job != null && jobs.cancel(job) == JobService.Cancel.REQUESTED;
    }

    /**
     * Status of the campaign's latest solve: job state, the date being solved (k of n), each date's result, and the
     * best plan so far with its score explanation. Without a solve in this node's memory (another node solves, or
     * this one restarted) it is read from the plan rows. Null when the campaign was never solved.
     */
    public SolveProgress status(long campaignId) {
        Solve s = solves.get(campaignId);
        if (s == null) {
            return statusView.fromDatabase(campaignId);
        }
        String state = QuarkusTransaction.requiringNew().call(() -> jobs.status(s.jobId)).state();
        BestSoFar.DateSolve d = s.current;
        SolveProgress.Current current = d == null ? null : new SolveProgress.Current(d.problem.date().toString(), d.index,
                d.planId(), bestSoFar.live(d, s.finished), null);
        return new SolveProgress(s.jobId.toString(), state, "memory", s.dates.size(),
                s.dates.stream().map(LocalDate::toString).toList(), new ArrayList<>(s.results), current);
    }

    /** For tests: forgets the in-memory solve of a campaign, as a restart or another node would not know it. */
    void forget(long campaignId) {
        Solve s = solves.get(campaignId);
        if (s != null && s.finished) {
            solves.remove(campaignId);
        }
    }

    /** For tests and commands: the job id of the campaign's latest solve, or null. */
    public UUID jobOf(long campaignId) {
        Solve s = solves.get(campaignId);
        return s == null ? null : s.jobId;
    }
}
