package com.patrolplanner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.cli.CliCommand;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ./planner bench failover}: a fault test of the cluster {@code ./planner cluster} starts (the script starts its
 * own copy on ports of its own, runs this, and stops it). For {@code --seconds} (120) clients send the load mix (map
 * layers, coverage) through HAProxy on loopback, and one in ten requests is a write (a new venue). A solve (seconds
 * per date long enough to outlive the kill) and, {@value #IMPORT_LEAD_SECONDS} s before the kill, an async import of
 * {@code --import-rows} venues ({@value #IMPORT_ROWS}: still running at the kill) are sent to service 1 directly; at
 * {@code --kill-at} (60 s) service 1 is killed with SIGKILL, once the import is seen RUNNING there; at
 * {@code --restart-at} (30 s, while the solve runs; after the kill it waits up to 20 s for the import's second run to
 * end) the primary is restarted ({@code pg_ctl restart -m fast}). Then: requests failed, by phase
 * and status (a 503 must carry Retry-After); the solve and the import ended DONE by the other service (job rows: state,
 * node, attempts, taken over from); every acknowledged write present (counted in the primary), the import's rows
 * present exactly once; the audit chain verified ({@code GET /api/audit/verify}); the replica's lag (sampled every
 * second on the primary, {@code pg_stat_replication}); sessions answered on both services; how often a read-your-writes
 * cookie would have sent a read to the primary. Prints the figures; exit 1 when a committed write is missing, a job did
 * not end DONE on the other service (or the import had ended before the kill), the audit chain is broken, or a request
 * was answered with a 5xx other than 503, or a 503 without Retry-After.
 */
@ApplicationScoped
public class FailoverBench implements CliCommand {
    /**
     * Rows of the import (a GBK CSV): enough that it is still running on svc1 when the kill comes a few seconds after its
     * start (about 1,300 rows/s on a quiet machine), so that svc2 has to take it over and run it again from the start
     * (after the 15 s lease), and done before the primary's restart.
     */
    static final int IMPORT_ROWS = 10_000;
    /** The import is sent this long before the kill. */
    static final int IMPORT_LEAD_SECONDS = 3;
    /** 潍坊市奎文区, roughly: where the demo venues lie. */
    static final double[] BOX = {119.10, 36.66, 119.26, 36.78};
    static final String PERIOD = "from=2025-06-01&to=2026-11-30";

    @Inject
    AgroalDataSource primary;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "patrol.failover.front", defaultValue = "http://127.0.0.1:8190")
    String front;
    @ConfigProperty(name = "patrol.failover.services", defaultValue = "8191 8192")
    String services;
    @ConfigProperty(name = "patrol.failover.dir", defaultValue = ".data/cluster-bench")
    String dir;
    @ConfigProperty(name = "patrol.failover.replica-port", defaultValue = "55453")
    int replicaPort;
    @ConfigProperty(name = "patrol.failover.pg-bin", defaultValue = "/usr/lib/postgresql/15/bin")
    String pgBin;

    @Override
    public String name() {
        return "bench:failover";
    }

    @Override
    public String summary() {
        return "the cluster under load: one service killed (SIGKILL) at 60 s, the primary restarted at 90 s (--seconds 120)";
    }

    private HttpClient http;
    /** Positions of demo venues: new rows go within ~50 m of one, so inside the planner's unit (属地: else 422). */
    private final List<double[]> near = new java.util.concurrent.CopyOnWriteArrayList<>();

    double[] around(Random r) {
        if (near.isEmpty()) {
            return new double[] {BOX[0] + r.nextDouble() * (BOX[2] - BOX[0]), BOX[1] + r.nextDouble() * (BOX[3] - BOX[1])};
        }
        double[] p = near.get(r.nextInt(near.size()));
        return new double[] {p[0] + (r.nextDouble() - 0.5) * 0.001, p[1] + (r.nextDouble() - 0.5) * 0.001};
    }
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    /** Requests by phase: ok, failed; failures by kind. */
    static final class Phase {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        /** 503 answers with and without a Retry-After header; other 5xx answers (each a FAIL). */
        final AtomicLong unavailableWithRetryAfter = new AtomicLong();
        final AtomicLong unavailableWithout = new AtomicLong();
        final AtomicLong otherServerErrors = new AtomicLong();

        /** Counts a failed answer by its status. */
        void answered(String what, HttpResponse<?> resp) {
            int st = resp.statusCode();
            if (st == 503) {
                (resp.headers().firstValue("Retry-After").isPresent() ? unavailableWithRetryAfter : unavailableWithout)
                        .incrementAndGet();
            } else if (st >= 500) {
                otherServerErrors.incrementAndGet();
            }
            fail(what + " " + st);
        }

        void fail(String kind) {
            failed.incrementAndGet();
            kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder req(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", basic(user))
                .header("X-Requested-With", "bench");
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return mapper.readTree(r.body());
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int seconds = 120;
        int killAt = 60;
        int restartAt = 30;
        int clients = 30;
        int thinkMs = 500;
        int importRows = IMPORT_ROWS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--import-rows" -> importRows = Integer.parseInt(args[++i]);
                case "--kill-at" -> killAt = Integer.parseInt(args[++i]);
                case "--restart-at" -> restartAt = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--think-ms" -> thinkMs = Integer.parseInt(args[++i]);
                default -> {
                    out.println("usage: bench failover [--seconds 120] [--kill-at 60] [--restart-at 30] [--clients 30] [--think-ms 500] "
                            + "[--import-rows 10000]");
                    return 2;
                }
            }
        }
        if (seconds < 20 || seconds > 900 || killAt < 10 || killAt >= seconds || restartAt == killAt || restartAt < 5 || restartAt >= seconds || clients < 1
                || clients > 200 || importRows < 1 || importRows > 200_000) {
            out.println("--seconds 20..900, 10 ≤ --kill-at < --seconds, 5 ≤ --restart-at < --seconds (not at the kill), --clients 1..200, "
                    + "--import-rows 1..200000");
            return 2;
        }
        String[] ports = services.trim().split("\\s+");
        String victim = "http://127.0.0.1:" + ports[0];
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newFixedThreadPool(8)).build();
        out.printf("cluster: HAProxy %s, services %s, replica :%d; %d clients, think 0–%d ms, %d s; kill svc1 at %d s, "
                + "restart the primary at %d s; load %.2f%n", front, services, replicaPort, clients, 2 * thinkMs, seconds,
                killAt, restartAt, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        int sessions = sessionsOnBothServices(ports, out);

        // the solve's campaign: a week ahead (its shift must not have ended), the demo teams, 60 demo venues
        long campaign = createCampaign(out);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicLong rywBehind = new AtomicLong();
        AtomicLong rywChecked = new AtomicLong();
        Phase before = new Phase();
        Phase afterKill = new Phase();
        Phase aroundRestart = new Phase();
        Phase rest = new Phase();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        long killNs = t0 + killAt * 1_000_000_000L;
        long restartNs = t0 + restartAt * 1_000_000_000L;
        AtomicLong restartDone = new AtomicLong(Long.MAX_VALUE);
        AtomicLong restartBegin = new AtomicLong(restartNs);
        List<long[]> lag = java.util.Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        int think = thinkMs;
        AtomicLong seq = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                Random r = new Random(7000 + client);
                String user = client % 2 == 0 ? "planner" : "manager";
                while (System.nanoTime() < end) {
                    long at = System.nanoTime();
                    Phase ph = at >= restartBegin.get() - 1_000_000_000L && at < restartDone.get() + 10_000_000_000L
                            ? aroundRestart : at < killNs ? before : at < killNs + 10_000_000_000L ? afterKill : rest;
                    try {
                        if (r.nextInt(10) == 0) {
                            String licence = "FO-" + run + "-" + seq.incrementAndGet();
                            double[] pos = around(r);
                            String body = String.format(Locale.ROOT, "{\"licenceNo\":\"%s\",\"name\":\"压测场所%s\","
                                    + "\"category\":\"internet_cafe\",\"address\":\"潍坊市奎文区压测路%s号\",\"lon\":%.6f,"
                                    + "\"lat\":%.6f}", licence, licence, licence, pos[0], pos[1]);
                            HttpResponse<String> resp = http.send(req(front + "/api/venues", "planner")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (resp.statusCode() == 201) {
                                acked.add(licence);
                                ph.ok.incrementAndGet();
                                String lsn = resp.headers().allValues("Set-Cookie").stream()
                                        .filter(s -> s.startsWith("pp_lsn=")).map(s -> s.substring(7, s.indexOf(';')))
                                        .findFirst().orElse(null);
                                if (lsn != null && rywChecked.incrementAndGet() % 5 == 0 && !replayed(lsn)) {
                                    rywBehind.incrementAndGet();
                                }
                            } else {
                                ph.answered("POST venue", resp);
                            }
                        } else {
                            String path = path(r);
                            HttpResponse<byte[]> resp = http.send(req(front + path, user).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (resp.statusCode() == 200) {
                                ph.ok.incrementAndGet();
                            } else {
                                ph.answered(path.replaceAll("\\?.*", ""), resp);
                            }
                        }
                    } catch (Exception e) {
                        ph.fail(e.getClass().getSimpleName());
                    }
                    if (think > 0) {
                        try {
                            Thread.sleep(r.nextInt(2 * think + 1));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
        }
        // the replica's lag, every second, from the primary
        pool.submit(() -> {
            while (System.nanoTime() < end + 5_000_000_000L) {
                try (Connection c = primary.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), -1)::bigint, "
                                + "coalesce(extract(epoch FROM replay_lag) * 1000, 0)::bigint FROM pg_stat_replication");
                        ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lag.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                } catch (Exception e) {
                    // the primary is restarting
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        // the solve: long enough to be cut by the kill and finished elsewhere (its start builds the travel model: slow
        // on a loaded machine, hence early and with a long timeout)
        sleepUntil(t0 + 2_000_000_000L);
        int solveSeconds = Math.max(30, killAt + 30);
        String solveJob = text(http.send(req(victim + "/api/campaigns/" + campaign + "/solve", "planner")
                .timeout(Duration.ofSeconds(300)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + LocalDate.now().plusDays(7) + "\",\"seconds\":"
                        + solveSeconds + "}"))
                .build(), HttpResponse.BodyHandlers.ofString()), "jobId", out, "solve");
        out.printf("%5.1f s: solve %s submitted to svc1 (%d s per date)%n", secs(t0), solveJob, solveSeconds);
        if (restartAt < killAt) {
            // first the primary's restart (the solve runs through it), then the kill with the import running: the
            // import's second run, on the other service, is not cut by the restart
            sleepUntil(restartNs);
            restartPrimary(t0, restartBegin, restartDone, out);
        }
        // the import: a GBK CSV, async, a few seconds before the kill, large enough to be still running then
        sleepUntil(killNs - IMPORT_LEAD_SECONDS * 1_000_000_000L);
        String importJob = submitImport(victim, importRows, out);
        out.printf("%5.1f s: import %s of %d rows submitted to svc1%n", secs(t0), importJob, importRows);
        sleepUntil(killNs);
        // kill while the import runs on svc1: wait (up to 30 s) for it to leave QUEUED; if it has already ended the
        // takeover of an import is not exercised, and the run fails
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        String importAtKill = jobState(importJob);
        while ("QUEUED".equals(importAtKill) && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
            importAtKill = jobState(importJob);
        }
        String solveAtKill = jobState(solveJob);
        String importProgress = jobRow(importJob, "processed") + "/" + jobRow(importJob, "total");
        String importNodeAtKill = String.valueOf(jobRow(importJob, "node"));
        long pid = Long.parseLong(Files.readString(Path.of(dir, "svc1.pid")).trim());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        out.printf("%5.1f s: kill -9 %d (svc1); at the kill the solve was %s, the import %s on %s (rows %s)%n", secs(t0),
                pid, solveAtKill, importAtKill, importNodeAtKill, importProgress);

        if (restartAt > killAt) {
            sleepUntil(restartNs);
            // the restart is a fault of its own: it waits (at most 20 s) for the import's second run to end, so that
            // it does not also cut that run (a job whose database goes away mid-transaction ends FAILED)
            long importWait = System.nanoTime() + 20_000_000_000L;
            String importNow = jobState(importJob);
            while (("QUEUED".equals(importNow) || "RUNNING".equals(importNow)) && System.nanoTime() < importWait) {
                Thread.sleep(250);
                importNow = jobState(importJob);
            }
            out.printf("%5.1f s: the import is %s%n", secs(t0), importNow);
            restartPrimary(t0, restartBegin, restartDone, out);
        }

        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        out.printf("%5.1f s: load stopped; waiting for the jobs%n", secs(t0));

        JsonNode solve = awaitJob(solveJob, 240);
        JsonNode imp = awaitJob(importJob, 300);

        // verification against the primary
        long found = 0;
        try (Connection c = primary.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT licence_no FROM pp.venue WHERE licence_no LIKE ?")) {
            ps.setString(1, "FO-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (acked.contains(rs.getString(1))) {
                        found++;
                    }
                }
            }
        }
        long importedRows = count("SELECT count(*) FROM pp.venue WHERE licence_no LIKE ?", "FI-" + run + "-%");
        long importDistinct = count("SELECT count(DISTINCT licence_no) FROM pp.venue WHERE licence_no LIKE ?", "FI-" + run + "-%");
        HttpResponse<String> audit = http.send(req(front + "/api/audit/verify", "admin").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        boolean intact = audit.statusCode() == 200 && json(audit).path("intact").asBoolean(false);

        out.println();
        out.println("requests            ok      failed  failures");
        for (Object[] row : new Object[][] {{"before the kill", before}, {"kill +10 s", afterKill},
                {"primary restart ±", aroundRestart}, {"otherwise", rest}}) {
            Phase ph = (Phase) row[1];
            out.printf("%-18s %7d %7d   %s%n", row[0], ph.ok.get(), ph.failed.get(), ph.kinds);
        }
        out.printf("writes acknowledged %d, found in the primary after the run %d, lost %d%n", acked.size(), found,
                acked.size() - found);
        String solveNode = String.valueOf(jobRow(solveJob, "node"));
        String importNode = String.valueOf(jobRow(importJob, "node"));
        String importFrom = String.valueOf(jobRow(importJob, "takenOverFrom"));
        out.printf("solve  %s: %s on %s (attempts %s, taken over from %s)%s%n", solveJob, solve.path("state").asText(),
                solveNode, jobRow(solveJob, "attempts"), jobRow(solveJob, "takenOverFrom"),
                solve.path("result").has("resumedFromStops")
                        ? ", resumed from " + solve.path("result").path("resumedFromStops").asInt() + " stops of the best plan so far" : "");
        out.printf("import %s: %s on %s (attempts %s, taken over from %s; %s on %s at the kill); rows %d of %d, distinct %d%n",
                importJob, imp.path("state").asText(), importNode, jobRow(importJob, "attempts"), importFrom, importAtKill,
                importNodeAtKill, importedRows, importRows, importDistinct);
        if (imp.has("error") && !imp.get("error").isNull()) {
            out.println("import error: " + imp.get("error").path("detail").asText());
        }
        long with = 0;
        long without = 0;
        long other = 0;
        for (Phase ph : List.of(before, afterKill, aroundRestart, rest)) {
            with += ph.unavailableWithRetryAfter.get();
            without += ph.unavailableWithout.get();
            other += ph.otherServerErrors.get();
        }
        out.printf("server errors: 503 with Retry-After %d, 503 without %d, other 5xx %d%n", with, without, other);
        out.printf("audit chain intact: %s%n", intact);
        long maxBytes = lag.stream().mapToLong(l -> l[0]).max().orElse(-1);
        long maxMs = lag.stream().mapToLong(l -> l[1]).max().orElse(-1);
        double meanMs = lag.stream().mapToLong(l -> l[1]).average().orElse(Double.NaN);
        out.printf("replica lag (%d samples, 1/s): max %d bytes, replay lag max %d ms, mean %.0f ms%n", lag.size(),
                maxBytes, maxMs, meanMs);
        out.printf("read-your-writes: %d of %d writes checked not yet replayed when read back at once (those reads go to the primary)%n",
                rywBehind.get(), rywChecked.get() / 5);
        out.printf("sessions: one browser login answered on %d of %d services%n", sessions, ports.length);
        out.printf("load average now %.2f (machine shared with other work)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String victimNode = "svc1@";
        boolean solveTakenOver = "DONE".equals(solve.path("state").asText()) && !solveNode.startsWith(victimNode);
        boolean importTakenOver = "RUNNING".equals(importAtKill) && importNodeAtKill.startsWith(victimNode)
                && "DONE".equals(imp.path("state").asText()) && !importNode.startsWith(victimNode)
                && importFrom.startsWith(victimNode) && importedRows == importRows && importDistinct == importRows;
        List<String> failed = new ArrayList<>();
        if (acked.size() != found) {
            failed.add("committed writes lost");
        }
        if (!solveTakenOver) {
            failed.add("the solve did not end DONE on the other service");
        }
        if (!importTakenOver) {
            failed.add("RUNNING".equals(importAtKill) ? "the import did not end DONE on the other service with every row once"
                    : "the import was " + importAtKill + " at the kill (not running: its takeover not exercised)");
        }
        if (!intact) {
            failed.add("audit chain broken");
        }
        if (other > 0 || without > 0) {
            failed.add("server errors other than 503 with Retry-After");
        }
        out.println(failed.isEmpty() ? "PASS: no committed write lost, the solve and the import (running at the kill) "
                + "finished by the other service, audit intact, every 5xx a 503 with Retry-After" : "FAIL: " + failed);
        boolean pass = failed.isEmpty();
        return pass ? 0 : 1;
    }

    /** {@code pg_ctl restart -m fast} of the primary, noting when it began and when it was back. */
    void restartPrimary(long t0, AtomicLong begin, AtomicLong done, PrintStream out) throws Exception {
        begin.set(System.nanoTime());
        out.printf("%5.1f s: restarting the primary (pg_ctl restart -m fast)%n", secs(t0));
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(pgBin + "/pg_ctl", "-D", Path.of(dir, "primary").toString(), "-m", "fast", "-w", "restart"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(120, TimeUnit.SECONDS);
        done.set(System.nanoTime());
        out.printf("%5.1f s: primary back (%.1f s)%n", secs(t0), (done.get() - begin.get()) / 1e9);
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long ms = (nanos - System.nanoTime()) / 1_000_000;
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    static String path(Random r) {
        double w = 0.015;
        double h = 0.012;
        double x = BOX[0] + r.nextDouble() * (BOX[2] - BOX[0] - w);
        double y = BOX[1] + r.nextDouble() * (BOX[3] - BOX[1] - h);
        String bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", x, y, x + w, y + h);
        int pick = r.nextInt(100);
        if (pick < 30) {
            return "/api/venues?bbox=" + bbox;
        } else if (pick < 50) {
            return "/api/schools?bbox=" + bbox;
        } else if (pick < 60) {
            return "/api/districts";
        } else if (pick < 80) {
            return "/api/coverage/hex?bbox=" + bbox + "&" + PERIOD;
        }
        return "/api/coverage/heat?bbox=" + bbox + "&" + PERIOD;
    }

    /** Logs in once with the browser form through HAProxy, then asks each service directly with the same cookie. */
    int sessionsOnBothServices(String[] ports, PrintStream out) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(front + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=planner&j_password=planner")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("pp_session="))
                .map(s -> s.substring(0, s.indexOf(';'))).findFirst().orElse(null);
        if (cookie == null) {
            out.println("login: no session cookie (HTTP " + login.statusCode() + ")");
            return 0;
        }
        int ok = 0;
        for (String port : ports) {
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (me.statusCode() == 200 && me.body().contains("planner")) {
                ok++;
            }
        }
        return ok;
    }

    long createCampaign(PrintStream out) throws Exception {
        JsonNode teams = json(http.send(req(front + "/api/teams", "planner").GET().build(), HttpResponse.BodyHandlers.ofString()));
        List<Long> teamIds = new ArrayList<>();
        for (JsonNode t : teams.isArray() ? teams : teams.path("items")) {
            teamIds.add(t.path("id").asLong());
        }
        JsonNode venues = json(http.send(req(front + "/api/venues?limit=60&category=internet_cafe", "planner").GET().build(),
                HttpResponse.BodyHandlers.ofString()));
        List<Long> venueIds = new ArrayList<>();
        for (JsonNode f : venues.path("features")) {
            venueIds.add(f.path("id").asLong(f.path("properties").path("id").asLong()));
            JsonNode c = f.path("geometry").path("coordinates");
            if (c.size() == 2) {
                near.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
            }
        }
        String date = LocalDate.now().plusDays(7).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "故障演练 " + run);
        body.put("type", "ROUTINE");
        body.put("startDate", date);
        body.put("endDate", date);
        body.put("teamIds", teamIds);
        body.put("targets", Map.of("venueIds", venueIds));
        HttpResponse<String> r = http.send(req(front + "/api/campaigns", "planner").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("campaign: HTTP " + r.statusCode() + " " + r.body());
        }
        out.printf("campaign for the solve: %d teams, %d venues, %s%n", teamIds.size(), venueIds.size(), date);
        return json(r).path("id").asLong();
    }

    String submitImport(String base, int rows, PrintStream out) throws Exception {
        StringBuilder csv = new StringBuilder("许可证号,名称,类别,地址,经度,纬度\n");
        Random r = new Random(42);
        for (int i = 1; i <= rows; i++) {
            double[] pos = around(r);
            csv.append(String.format(Locale.ROOT, "FI-%s-%d,导入场所%d,网吧,潍坊市奎文区导入路%d号,%.6f,%.6f%n", run, i, i, i,
                    pos[0], pos[1]));
        }
        byte[] file = csv.toString().getBytes(Charset.forName("GBK"));
        String boundary = "pp" + UUID.randomUUID();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nvenues\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"failover.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(file);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> resp = http.send(req(base + "/api/imports?async=true", "planner")
                .timeout(Duration.ofSeconds(300)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return text(resp, "jobId", out, "import");
    }

    String text(HttpResponse<String> r, String field, PrintStream out, String what) throws Exception {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return json(r).path(field).asText();
    }

    String jobState(String id) {
        return String.valueOf(jobRow(id, "state"));
    }

    /** A member of the job's status ({@code GET /api/jobs/{id}}: state, node, attempts, takenOverFrom). */
    Object jobRow(String id, String member) {
        try {
            HttpResponse<String> r = http.send(req(front + "/api/jobs/" + id, "planner").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? json(r).path(member).asText() : "HTTP " + r.statusCode();
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    JsonNode awaitJob(String id, int maxSeconds) throws Exception {
        long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
        JsonNode last = mapper.createObjectNode();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = http.send(req(front + "/api/jobs/" + id, "planner").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    last = json(r);
                    String s = last.path("state").asText();
                    if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                        return last;
                    }
                }
            } catch (Exception e) {
                // retried
            }
            Thread.sleep(1000);
        }
        return last;
    }

    long count(String sql, String arg) throws Exception {
        try (Connection c = primary.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether the replica has replayed {@code lsn} right now. */
    boolean replayed(String lsn) {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort
                + "/postgres?user=postgres&connectTimeout=2"); PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn)")) {
            ps.setString(1, lsn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (Exception e) {
            return false;
        }
    }
}
