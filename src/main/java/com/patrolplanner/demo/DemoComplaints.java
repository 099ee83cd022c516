package com.patrolplanner.demo;

import com.patrolplanner.complaint.ComplaintSource;
import com.patrolplanner.complaint.ComplaintState;
import com.patrolplanner.complaint.SyntheticComplaints;
import com.patrolplanner.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A half year of complaints for the demo, consistent with the demo inspections ({@link DemoInspections}): most
 * complaints led to one of those inspections (received one to six days before it, dispatched to the team that made it,
 * verified by it, closed with its result, a few of them late); some were declined; the last weeks' are still open,
 * some of them past their deadline (overdue); a few name only an address (an unlicensed café, 无证网吧). Written through
 * {@link SyntheticComplaints}, marked synthetic, author "demo". Idempotent: nothing is written when synthetic
 * complaints already exist in [from, to].
 */
@ApplicationScoped
public class DemoComplaints {
    @Inject
    EntityManager em;
    @Inject
    SyntheticComplaints complaints;

    public record Result(int created, int existing, String note) {
    }

    private static final String[][] CONTENT = {
        {"internet_cafe", "反映该网吧接纳未成年人上网，放学后常有学生出入", "经核查，该网吧存在接纳未成年人问题，已依法处理", "经核查，未发现接纳未成年人现象，已责令加强进场核验"},
        {"internet_cafe", "反映该网吧凌晨仍在营业", "经夜间检查，该网吧超时营业属实，已依法处理", "经夜间检查，未发现超时营业"},
        {"internet_cafe", "反映该网吧上网不登记身份证", "经核查，存在未核对登记身份证件问题，已依法处理", "经核查，该网吧已落实实名登记"},
        {"song_dance", "反映该KTV接纳未成年人", "经核查属实，已依法处理", "经核查，未发现接纳未成年人现象"},
        {"song_dance", "反映该歌厅凌晨2时后仍营业", "经夜间检查属实，已依法处理", "经夜间检查，未发现超时营业"},
        {"game_arcade", "反映该游艺厅向未成年人提供电子游戏机", "经核查属实，已依法处理", "经核查，未发现该问题"},
        {"publication", "反映该店销售盗版图书、教辅", "经核查，发现非法出版物，已依法处理", "经核查，未发现非法出版物"},
        {"hotel", "反映该宾馆客房电视可收看境外卫星节目", "经核查，擅自安装卫星地面接收设施属实，已依法处理", "经核查，未发现违规接收设施"},
    };
    private static final String[] REFERRERS_SUPERIOR = {"潍坊市文化市场综合执法支队", "奎文区人民政府办公室"};
    private static final String[] REFERRERS_DEPARTMENT = {"奎文区公安分局", "12345政务服务便民热线", "奎文区教育和体育局"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "孙"};

    @Transactional
    public Result generate(long seed, LocalDate from, LocalDate to) {
        OffsetDateTime f = from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        long existing = complaints.countIn(f, t);
        if (existing > 0) {
            return new Result(0, (int) existing, "synthetic complaints already present in the period: nothing written");
        }
        Random rnd = new Random(seed * 31 + 16);
        @SuppressWarnings("unchecked")
        List<Object[]> visits = em.createNativeQuery("""
                SELECT i.id, i.venue_id, i.team_id, i.inspected_at, i.outcome, v.category, ST_X(v.geom), ST_Y(v.geom),
                       v.unit_id, v.address
                FROM inspection i JOIN venue v ON v.id = i.venue_id
                WHERE i.synthetic AND i.inspected_at >= ?1 AND i.inspected_at < ?2 AND v.geom IS NOT NULL
                  AND v.category IN ('internet_cafe','song_dance','game_arcade','publication','hotel')
                ORDER BY i.inspected_at, i.id""").setParameter(1, f).setParameter(2, t).getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime end = t.isBefore(now) ? t : now;
        int created = 0;
        java.util.Set<Long> used = new java.util.HashSet<>();
        // complaints that led to an inspection, verified by it and (mostly) closed
        for (Object[] v : visits) {
            boolean violation = "violation".equals(v[4]);
            if (rnd.nextDouble() >= (violation ? 0.35 : 0.03)) {
                continue;
            }
            long venue = ((Number) v[1]).longValue();
            if (!used.add(venue)) {
                continue; // one complaint per venue in the demo's half year keeps the venue counts readable
            }
            OffsetDateTime inspected = odt(v[3]);
            OffsetDateTime received = inspected.minusHours(24 + rnd.nextInt(5 * 24));
            if (received.isBefore(f)) {
                continue;
            }
            String[] c = content(rnd, (String) v[5]);
            OffsetDateTime accepted = received.plusHours(2 + rnd.nextInt(20));
            OffsetDateTime dispatched = accepted.isAfter(inspected) ? accepted : accepted.plusHours(rnd.nextInt(
                    (int) Math.max(1, java.time.Duration.between(accepted, inspected).toHours())));
            if (dispatched.isAfter(inspected)) {
                dispatched = inspected.minusHours(1);
                accepted = accepted.isAfter(dispatched) ? dispatched.minusHours(1) : accepted;
            }
            // a tenth are closed late (past the reply rule's 30 days), a few verified but not yet closed
            int closeDays = rnd.nextDouble() < 0.1 ? 31 + rnd.nextInt(10) : 1 + rnd.nextInt(10);
            OffsetDateTime closed = inspected.plusDays(closeDays);
            boolean open = closed.isAfter(end) || rnd.nextDouble() < 0.05;
            created++;
            String[] reporter = reporter(rnd);
            String[] src = source(rnd);
            complaints.write(new SyntheticComplaints.Generated(unit(v[8]), src[0], src[1], received, venue,
                    (String) v[9], ((Number) v[6]).doubleValue(), ((Number) v[7]).doubleValue(), (String) v[5], c[0],
                    reporter[0], reporter[1], open ? ComplaintState.VERIFIED.code() : ComplaintState.CLOSED.code(), null,
                    v[2] == null ? null : ((Number) v[2]).longValue(), ((Number) v[0]).longValue(),
                    open ? null : violation ? c[1] : c[2],
                    open || reporter[1] == null ? null : "已电话答复举报人处理结果", accepted, dispatched, inspected,
                    open ? null : closed, DemoInspections.AUTHOR));
        }
        // declined ones: not the bureau's remit
        @SuppressWarnings("unchecked")
        List<Object[]> venues = em.createNativeQuery("""
                SELECT v.id, v.category, ST_X(v.geom), ST_Y(v.geom), v.unit_id, v.address FROM venue v
                WHERE v.synthetic AND v.geom IS NOT NULL AND v.status = 'open'
                  AND v.category IN ('internet_cafe','song_dance','game_arcade')
                ORDER BY v.id""").getResultList();
        venues.removeIf(v -> used.contains(((Number) v[0]).longValue()));
        if (venues.size() < 12) {
            return new Result(created, 0, "too few venues for the open complaints");
        }
        java.util.Collections.shuffle(venues, rnd);
        long days = java.time.temporal.ChronoUnit.DAYS.between(f, end);
        for (int k = 0; k < 3; k++) {
            Object[] v = venues.get(k);
            OffsetDateTime received = end.minusDays(20 + rnd.nextInt((int) Math.max(1, days - 20)));
            String[] reporter = reporter(rnd);
            complaints.write(new SyntheticComplaints.Generated(unit(v[4]), ComplaintSource.PHONE.code(), null, received,
                    ((Number) v[0]).longValue(), (String) v[5], ((Number) v[2]).doubleValue(), ((Number) v[3]).doubleValue(),
                    (String) v[1], "反映该场所夜间音响声音过大，影响休息", reporter[0], reporter[1],
                    ComplaintState.DECLINED.code(), "噪声扰民不属于文化市场综合执法职责，已告知举报人向公安机关、生态环境部门反映",
                    null, null, null, null, null, null, null, null, DemoInspections.AUTHOR));
            created++;
        }
        // the last weeks: still open, some past their deadline (the accept rule's 5 days, the verify rule's 15)
        int[][] open = { // days ago, state: 0 received, 1 accepted, 2 dispatched
            {1, 0}, {2, 0}, {8, 0}, {3, 1}, {6, 1}, {4, 2}, {9, 2}, {19, 2}, {26, 2}};
        @SuppressWarnings("unchecked")
        List<Number> teams = em.createNativeQuery("SELECT DISTINCT team_id FROM inspection WHERE synthetic AND team_id IS NOT NULL "
                + "ORDER BY team_id").getResultList();
        for (int k = 0; k < open.length; k++) {
            Object[] v = venues.get(3 + k);
            OffsetDateTime received = end.minusDays(open[k][0]).minusHours(rnd.nextInt(8));
            String[] c = content(rnd, (String) v[1]);
            String[] reporter = reporter(rnd);
            String[] src = source(rnd);
            int s = open[k][1];
            Long team = s < 2 || teams.isEmpty() ? null : teams.get(k % Math.min(2, teams.size())).longValue();
            complaints.write(new SyntheticComplaints.Generated(unit(v[4]), src[0], src[1], received,
                    ((Number) v[0]).longValue(), (String) v[5], ((Number) v[2]).doubleValue(), ((Number) v[3]).doubleValue(),
                    (String) v[1], c[0], reporter[0], reporter[1],
                    s == 0 ? ComplaintState.RECEIVED.code() : s == 1 ? ComplaintState.ACCEPTED.code() : ComplaintState.DISPATCHED.code(),
                    null, team, null, null, null, s >= 1 ? received.plusHours(3) : null, s >= 2 ? received.plusHours(20) : null,
                    null, null, DemoInspections.AUTHOR));
            created++;
        }
        // an unlicensed café known only by its address: a point 150–250 m from a registered venue
        for (int k = 0; k < 2; k++) {
            Object[] v = venues.get(3 + open.length + k);
            double lon = ((Number) v[2]).doubleValue() + (0.0017 + rnd.nextDouble() * 0.001) * (k == 0 ? 1 : -1);
            double lat = ((Number) v[3]).doubleValue() + 0.0008;
            String[] reporter = reporter(rnd);
            complaints.write(new SyntheticComplaints.Generated(unit(v[4]), ComplaintSource.HOTLINE_12318.code(), null,
                    end.minusDays(2 + k * 3), null, (v[5] == null ? "奎文区" : v[5]) + "附近（居民楼内）", lon, lat,
                    "internet_cafe", "反映居民楼内有无证经营的黑网吧，有未成年人出入", reporter[0], reporter[1],
                    k == 0 ? ComplaintState.RECEIVED.code() : ComplaintState.ACCEPTED.code(), null, null, null, null, null,
                    k == 0 ? null : end.minusDays(4), null, null, null, DemoInspections.AUTHOR));
            created++;
        }
        complaints.syncCounts();
        return new Result(created, 0, null);
    }

    private static Long unit(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static String[] content(Random rnd, String category) {
        List<String[]> pool = new ArrayList<>();
        for (String[] c : CONTENT) {
            if (c[0].equals(category)) {
                pool.add(c);
            }
        }
        String[] c = pool.isEmpty() ? CONTENT[0] : pool.get(rnd.nextInt(pool.size()));
        return new String[] {c[1], c[2], c[3]};
    }

    /** Source and referrer: 12318 four in ten, phone a quarter, then web, letters and referrals. */
    private static String[] source(Random rnd) {
        double u = rnd.nextDouble();
        if (u < 0.40) {
            return new String[] {ComplaintSource.HOTLINE_12318.code(), null};
        } else if (u < 0.65) {
            return new String[] {ComplaintSource.PHONE.code(), null};
        } else if (u < 0.80) {
            return new String[] {ComplaintSource.WEB.code(), null};
        } else if (u < 0.85) {
            return new String[] {ComplaintSource.LETTER.code(), null};
        } else if (u < 0.95) {
            return new String[] {ComplaintSource.REFERRAL_SUPERIOR.code(), REFERRERS_SUPERIOR[rnd.nextInt(REFERRERS_SUPERIOR.length)]};
        }
        return new String[] {ComplaintSource.REFERRAL_DEPARTMENT.code(), REFERRERS_DEPARTMENT[rnd.nextInt(REFERRERS_DEPARTMENT.length)]};
    }

    /** Six in ten reporters leave a name and a (synthetic) mobile number; the others are anonymous. */
    private static String[] reporter(Random rnd) {
        if (rnd.nextDouble() >= 0.6) {
            return new String[] {null, null};
        }
        String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + (rnd.nextBoolean() ? "先生" : "女士");
        String phone = "13" + rnd.nextInt(10) + String.format("%08d", rnd.nextInt(100_000_000));
        return new String[] {name, phone};
    }

    private static OffsetDateTime odt(Object o) {
        if (o instanceof OffsetDateTime x) {
            return x;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return com.patrolplanner.sql.Rows.utc(o);
    }
}
