package com.patrolplanner.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates the SYNTHETIC demo register of 奎文区 (adcode 370705) into {@code data-import/demo/}: {@code venues.csv}
 * (Chinese headers, UTF-8), {@code schools.geojson} (campus polygons), {@code inspectors.csv}. Everything is drawn from
 * one fixed seed, so the files are byte-for-byte reproducible: {@code java -jar …quarkus-run.jar demo-generate [DIR]}.
 *
 * <p>The district outline comes from {@code 370700_full.json} next to the output (DataV, GCJ-02), converted to WGS-84
 * exactly as the district import converts it. Work happens in a local metric frame (metres east/north of the district
 * centre, scale from the WGS-84 radii of curvature there; error under 0.1 % across the district), so campus areas and
 * distances to schools come out as planned.
 *
 * <p>Scale follows a real district's half-year summary (42 internet cafés with 5,673 PCs): 40 cafés, 30 song-and-dance
 * venues, 15 arcades, 60 publication sellers, 50 hotels, 80 schools and kindergartens, 20 officers in 6 teams. Six
 * cafés and two song-and-dance venues are planted 60–190 m from a school campus (the others keep 220 m clear), and a
 * dozen cafés open past midnight, so that the compliance rules have something to find.
 */
@ApplicationScoped
public class DemoGenerator implements CliCommand {
    public static final long SEED = 370705L;
    public static final String DISTRICT = "370705";
    static final String NOTE = "合成演示数据，非真实场所 (SYNTHETIC demo data)";
    /** The note of 潍城区's rows (issue 14's second district), told apart from 奎文区's by the district's name. */
    static final String WC_NOTE = "合成演示数据（潍城区），非真实场所 (SYNTHETIC demo data)";

    /**
     * What one district's synthetic register looks like: where (adcode, names, real streets), from which seed, how many
     * of each (a fraction {@code scale} of 奎文区's counts), licence and certificate patterns, its bureau and teams, and
     * the file name suffix ("" for 奎文区's files, "-370702" for 潍城区's).
     */
    public record Spec(String adcode, long seed, String districtName, String city, List<String> streets,
            List<String> subdistricts, List<String> schoolPlaces, double scale, int nearCafes, String licenceCode,
            String bookCode, String bureau, String[] teams, int[] teamSizes, String note, String suffix) {
        int n(int kuiwen) {
            return (int) Math.round(kuiwen * scale);
        }
    }

    public static final Spec KUIWEN = new Spec(DISTRICT, SEED, "奎文区", DemoNames.CITY, DemoNames.STREETS,
            DemoNames.SUBDISTRICTS, DemoNames.SCHOOL_PLACES, 1.0, 6, "370705", "奎", "潍坊市奎文区文化市场综合执法大队",
            new String[] {"执法一组", "执法二组", "执法三组", "执法四组", "执法五组", "执法六组"}, new int[] {4, 4, 3, 3, 3, 3},
            NOTE, "");
    /** 潍城区 (370702): half 奎文区's register, four teams of three, seed 370702. */
    public static final Spec WEICHENG = new Spec("370702", 370702L, "潍城区", DemoNames.WC_CITY, DemoNames.WC_STREETS,
            DemoNames.WC_SUBDISTRICTS, DemoNames.WC_SCHOOL_PLACES, 0.5, 3, "370702", "潍城", "潍坊市潍城区文化市场综合执法大队",
            new String[] {DemoUsers.WC_TEAM_1, "潍城执法二组", "潍城执法三组", "潍城执法四组"}, new int[] {3, 3, 3, 3},
            WC_NOTE, "-370702");
    public static final List<Spec> DISTRICTS = List.of(KUIWEN, WEICHENG);

    @Override
    public String name() {
        return "demo-generate";
    }

    @Override
    public String summary() {
        return "regenerate the synthetic demo files (venues.csv, schools.geojson, inspectors.csv) in data-import/demo";
    }

    @Override
    public int run(String[] args, PrintStream out) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-import/demo");
        List<Report> r = generateAll(dir);
        out.println("demo data written to " + dir.toAbsolutePath() + ": " + r);
        return 0;
    }

    public static void main(String[] args) throws IOException {
        System.out.println(generateAll(Path.of(args.length > 0 ? args[0] : "data-import/demo")));
    }

    /** Figures of a generated set, printed after a run. */
    public record Report(int venues, int schools, int inspectors, int cafesWithin200mOfCampus, int cafesOpenPastMidnight) {
    }

    /** 奎文区's files; {@link #generateAll} writes every district's. */
    public static Report generate(Path dir) throws IOException {
        return new DemoGenerator.Run(dir, KUIWEN).write();
    }

    public static Report generate(Path dir, Spec spec) throws IOException {
        return new DemoGenerator.Run(dir, spec).write();
    }

    public static List<Report> generateAll(Path dir) throws IOException {
        List<Report> out = new ArrayList<>();
        for (Spec s : DISTRICTS) {
            out.add(generate(dir, s));
        }
        return out;
    }

    // ---------------------------------------------------------------- one generation run

    private static final class Run {
        final Path dir;
        final Spec spec;
        final Random random;
        final GeometryFactory local = new GeometryFactory();
        final double lon0;
        final double lat0;
        final double kx;
        final double ky;
        final Geometry inner;
        final Point centre;
        final List<School> schools = new ArrayList<>();
        final List<Venue> venues = new ArrayList<>();

        record School(String name, String levelZh, String level, String address, Polygon campus) {
        }

        record Venue(String licence, String name, String category, String address, Coordinate at, String hours,
                Integer capacity, String status, int complaints) {
        }

        Run(Path dir, Spec spec) throws IOException {
            this.dir = dir;
            this.spec = spec;
            this.random = new Random(spec.seed());
            JsonNode fc = new ObjectMapper().readTree(dir.resolve("370700_full.json").toFile());
            JsonNode feature = null;
            for (JsonNode f : fc.path("features")) {
                if (spec.adcode().equals(f.path("properties").path("adcode").asText())) {
                    feature = f;
                }
            }
            if (feature == null) {
                throw new IllegalStateException("no district " + spec.adcode() + " in 370700_full.json");
            }
            Geometry wgs = DatumTransform.toWgs84(GeoJson.parse(feature.path("geometry"), "geometry"), Datum.GCJ02);
            JsonNode c = feature.path("properties").path("center");
            double[] ctr = Datum.GCJ02.toWgs84(c.get(0).asDouble(), c.get(1).asDouble());
            lon0 = ctr[0];
            lat0 = ctr[1];
            double phi = Math.toRadians(lat0);
            double a = 6378137.0;
            double e2 = 0.00669437999014;
            double w = 1 - e2 * Math.sin(phi) * Math.sin(phi);
            ky = a * (1 - e2) / Math.pow(w, 1.5) * Math.PI / 180;
            kx = a / Math.sqrt(w) * Math.cos(phi) * Math.PI / 180;
            Geometry district = wgs.copy();
            district.apply((CoordinateFilter) co -> {
                co.x = (co.x - lon0) * kx;
                co.y = (co.y - lat0) * ky;
            });
            district.geometryChanged();
            // 150 m inside the outline: the outline is simplified (~280 vertices), so nothing is generated on its edge.
            inner = district.buffer(-150);
            centre = local.createPoint(new Coordinate(0, 0));
        }

        Report write() throws IOException {
            makeSchools();
            makeVenues();
            writeVenues();
            writeSchools();
            writeInspectors();
            int near = 0;
            int late = 0;
            for (Venue v : venues) {
                if (!v.category.equals("网吧")) {
                    continue;
                }
                Point p = local.createPoint(v.at);
                if (schools.stream().anyMatch(s -> s.campus.distance(p) < 200)) {
                    near++;
                }
                if (!v.hours.equals("08:00-24:00") && !v.hours.equals("09:00-23:00")) {
                    late++;
                }
            }
            return new Report(venues.size(), schools.size(), IntStream.of(spec.teamSizes()).sum(), near, late);
        }

        // ---------------------------------------------------------------- schools

        void makeSchools() {
            Set<String> used = DemoNames.newSet();
            addSchools(spec.n(26), "幼儿园", "kindergarten", 0.3, 0.9, used);
            addSchools(spec.n(28), "小学", "primary", 1.0, 3.0, used);
            addSchools(spec.n(12), "初中", "junior", 3.0, 6.0, used);
            addSchools(spec.n(6), "高中", "senior", 4.0, 8.0, used);
            addSchools(spec.n(8), "九年一贯制", "nine_year", 3.0, 7.0, used);
        }

        void addSchools(int n, String levelZh, String level, double minHa, double maxHa, Set<String> used) {
            for (int i = 0; i < n; i++) {
                String name = schoolName(level, used);
                double area = (minHa + random.nextDouble() * (maxHa - minHa)) * 10_000;
                Polygon campus = null;
                while (campus == null) {
                    Coordinate c = sample(0.8);
                    Polygon p = campus(c, area);
                    if (inner.covers(p) && schools.stream().allMatch(s -> s.campus.distance(p) > 40)) {
                        campus = p;
                    }
                }
                schools.add(new School(name, levelZh, level, address(), campus));
            }
        }

        String schoolName(String level, Set<String> used) {
            while (true) {
                String place = DemoNames.pick(random, spec.schoolPlaces());
                String d = spec.districtName();
                String name = switch (level) {
                    case "kindergarten" -> random.nextBoolean() ? d + DemoNames.pick(random, DemoNames.KINDERGARTEN_WORDS) + "幼儿园"
                            : DemoNames.pick(random, DemoNames.KINDERGARTEN_WORDS) + "幼儿园（" + place + "园）";
                    case "primary" -> d + place + "小学";
                    case "junior" -> random.nextBoolean() ? "潍坊市第" + (21 + random.nextInt(40)) + "中学"
                            : d + place + "初级中学";
                    case "senior" -> "潍坊" + place + "高级中学";
                    default -> d + place + "学校";
                };
                if (used.add(name)) {
                    return name;
                }
            }
        }

        /** A rotated rectangle, or an irregular quadrilateral, of exactly {@code area} m² around {@code c}. */
        Polygon campus(Coordinate c, double area) {
            double aspect = 1 + random.nextDouble() * 0.8;
            double w = Math.sqrt(area * aspect);
            double h = area / w;
            double theta = random.nextDouble() * Math.PI;
            boolean irregular = random.nextBoolean();
            double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
            Coordinate[] ring = new Coordinate[5];
            for (int i = 0; i < 4; i++) {
                double x = corners[i][0];
                double y = corners[i][1];
                if (irregular) {
                    x += (random.nextDouble() - 0.5) * 0.24 * h;
                    y += (random.nextDouble() - 0.5) * 0.24 * h;
                }
                ring[i] = new Coordinate(x * Math.cos(theta) - y * Math.sin(theta), x * Math.sin(theta) + y * Math.cos(theta));
            }
            ring[4] = new Coordinate(ring[0]);
            Polygon p = local.createPolygon(ring);
            double s = Math.sqrt(area / p.getArea());
            Coordinate[] scaled = new Coordinate[5];
            for (int i = 0; i < 5; i++) {
                scaled[i] = new Coordinate(round(c.x + ring[i].x * s), round(c.y + ring[i].y * s));
            }
            return local.createPolygon(scaled);
        }

        // ---------------------------------------------------------------- venues

        void makeVenues() {
            Set<String> names = DemoNames.newSet();
            List<School> eligible = schools.stream()
                    .filter(s -> !s.level.equals("kindergarten") && !s.level.equals("senior")).toList();
            int serial = 1;
            for (int i = 0; i < spec.n(40); i++) {
                String status = i == 7 || i == 23 ? "停业整顿" : i == 31 ? "关闭" : i == 12 || i == 35 ? "无证" : "营业";
                String hours = i % 5 == 1 ? "08:00-02:00" : i == 9 || i == 27 ? "24小时"
                        : i == 14 || i == 38 ? "周一至周五 08:00-24:00；周六、周日 08:00-03:00" : i % 7 == 3 ? "09:00-23:00" : "08:00-24:00";
                boolean late = !hours.equals("08:00-24:00") && !hours.equals("09:00-23:00");
                // six cafés 60–180 m from a school campus (第九条: within 200 m is forbidden)
                // the others keep clear of every campus, as a licensed café must
                int k = spec.nearCafes();
                Coordinate at = i < k ? near(eligible.get(i * eligible.size() / k), 60, 180) : free(0.75, 220);
                String licence = status.equals("无证") ? "" : String.format(spec.licenceCode() + "10%04d", serial++);
                int complaints = late || i < k ? 1 + random.nextInt(6) : random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
                venues.add(new Venue(licence, unique(names, DemoNames.CAFE_WORDS, DemoNames.CAFE_SUFFIXES),
                        "网吧", address(), at, hours, 50 + random.nextInt(181), status, complaints));
            }
            serial = 1;
            for (int i = 0; i < spec.n(30); i++) {
                String status = i == 4 || i == 19 ? "停业整顿" : i == 26 ? "吊销" : "营业";
                String hours = i % 8 == 2 ? "19:00-04:00" : i % 3 == 0 ? "12:00-02:00" : "18:00-02:00";
                venues.add(new Venue(String.format(spec.licenceCode() + "20%04d", serial++),
                        unique(names, DemoNames.KTV_WORDS, DemoNames.KTV_SUFFIXES), "歌舞娱乐",
                        address(), i < 2 ? near(eligible.get(3 + i * 5), 80, 190) : free(0.8, 220), hours,
                        8 + random.nextInt(33), status, complaints(0.3)));
            }
            serial = 1;
            for (int i = 0; i < spec.n(15); i++) {
                String status = i == 9 ? "无证" : "营业";
                venues.add(new Venue(status.equals("无证") ? "" : String.format(spec.licenceCode() + "21%04d", serial++),
                        unique(names, DemoNames.ARCADE_WORDS, DemoNames.ARCADE_SUFFIXES), "游艺娱乐",
                        address(), free(0.8, 220), i % 2 == 0 ? "09:00-22:00" : "10:00-23:00",
                        20 + random.nextInt(101), status, complaints(0.2)));
            }
            for (int i = 0; i < spec.n(60); i++) {
                // a quarter are the stationery shops and newsstands at school gates
                Coordinate at = i < spec.n(15) ? near(schools.get(random.nextInt(schools.size())), 20, 150) : free(0.75);
                venues.add(new Venue(String.format("新出发鲁潍" + spec.bookCode() + "字第%04d号", i + 1),
                        unique(names, DemoNames.BOOK_WORDS, DemoNames.BOOK_SUFFIXES), "出版物",
                        address(), at, i % 3 == 0 ? "07:00-19:00" : "08:00-20:00", null,
                        i == 44 || i == 57 ? "关闭" : "营业", complaints(0.1)));
            }
            for (int i = 0; i < spec.n(50); i++) {
                // hotels hold no cultural licence: they are inspected for satellite dishes and keyed by name and address
                venues.add(new Venue("", unique(names, DemoNames.HOTEL_WORDS, DemoNames.HOTEL_SUFFIXES),
                        "宾馆酒店", address(), free(0.7), "24小时", 15 + random.nextInt(166), "营业",
                        complaints(0.1)));
            }
        }

        String address() {
            return DemoNames.address(random, spec.city(), spec.streets());
        }

        String unique(Set<String> names, List<String> words, List<String> suffixes) {
            return DemoNames.unique(random, names, words, suffixes, spec.streets());
        }

        int complaints(double p) {
            return random.nextDouble() < p ? 1 + random.nextInt(3) : 0;
        }

        /** A point outside every campus (a venue is never on school grounds). */
        Coordinate free(double urban) {
            return free(urban, 15);
        }

        /** A point at least {@code clearance} metres from every campus. */
        Coordinate free(double urban, double clearance) {
            while (true) {
                Coordinate c = sample(urban);
                Point p = local.createPoint(c);
                if (schools.stream().allMatch(s -> s.campus.distance(p) > clearance)) {
                    return c;
                }
            }
        }

        /** A point between {@code min} and {@code max} metres from the campus of {@code s}, and from no other campus closer. */
        Coordinate near(School s, double min, double max) {
            Coordinate c0 = s.campus.getCentroid().getCoordinate();
            while (true) {
                double d = min + random.nextDouble() * (max - min);
                double az = random.nextDouble() * 2 * Math.PI;
                double t = 0;
                Point p;
                do {
                    t += 2;
                    p = local.createPoint(new Coordinate(c0.x + t * Math.cos(az), c0.y + t * Math.sin(az)));
                } while (s.campus.distance(p) < d);
                Coordinate c = new Coordinate(round(p.getX()), round(p.getY()));
                Point q = local.createPoint(c);
                if (inner.covers(q) && schools.stream().allMatch(o -> o.campus.distance(q) > 15)) {
                    return c;
                }
            }
        }

        /** 75 % (or {@code urban}) near the district centre, where the town is; the rest anywhere in the district. */
        Coordinate sample(double urban) {
            var env = inner.getEnvelopeInternal();
            while (true) {
                Coordinate c = random.nextDouble() < urban
                        ? new Coordinate(random.nextGaussian() * 2500, random.nextGaussian() * 2500)
                        : new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                                env.getMinY() + random.nextDouble() * env.getHeight());
                c = new Coordinate(round(c.x), round(c.y));
                if (inner.covers(local.createPoint(c))) {
                    return c;
                }
            }
        }

        // ---------------------------------------------------------------- output

        String lon(Coordinate c) {
            return String.format(Locale.ROOT, "%.7f", lon0 + c.x / kx);
        }

        String lat(Coordinate c) {
            return String.format(Locale.ROOT, "%.7f", lat0 + c.y / ky);
        }

        void writeVenues() throws IOException {
            StringBuilder b = new StringBuilder("许可证号,名称,类别,地址,经度,纬度,营业时间,规模,状态,投诉次数,备注,合成数据\n");
            for (Venue v : venues) {
                b.append(csv(v.licence, v.name, v.category, v.address, lon(v.at), lat(v.at), v.hours,
                        v.capacity == null ? "" : v.capacity.toString(), v.status, Integer.toString(v.complaints), spec.note(), "是"));
            }
            Files.writeString(dir.resolve("venues" + spec.suffix() + ".csv"), b, StandardCharsets.UTF_8);
        }

        void writeSchools() throws IOException {
            StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\n\"features\":[\n");
            for (int i = 0; i < schools.size(); i++) {
                School s = schools.get(i);
                Coordinate gate = s.campus.getInteriorPoint().getCoordinate();
                StringBuilder ring = new StringBuilder();
                for (Coordinate c : s.campus.getExteriorRing().getCoordinates()) {
                    ring.append(ring.length() == 0 ? "" : ",").append('[').append(lon(c)).append(',').append(lat(c)).append(']');
                }
                b.append("{\"type\":\"Feature\",\"properties\":{\"name\":").append(json(s.name))
                        .append(",\"level\":").append(json(s.levelZh)).append(",\"address\":").append(json(s.address))
                        .append(",\"lon\":").append(lon(gate)).append(",\"lat\":").append(lat(gate))
                        .append(",\"synthetic\":true},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                        .append(ring).append("]]}}").append(i + 1 < schools.size() ? ",\n" : "\n");
            }
            b.append("]}\n");
            Files.writeString(dir.resolve("schools" + spec.suffix() + ".geojson"), b, StandardCharsets.UTF_8);
        }

        void writeInspectors() throws IOException {
            String[] teams = spec.teams();
            int[] sizes = spec.teamSizes();
            String unit = spec.bureau();
            Coordinate hq = free(1.0);
            String hqAddress = address() + "（执法大队）";
            Set<String> people = DemoNames.newSet();
            StringBuilder b = new StringBuilder("姓名,执法证号,单位,小组,驻地经度,驻地纬度,驻地地址,在岗,合成数据\n");
            int serial = 1;
            for (int t = 0; t < teams.length; t++) {
                Coordinate base = t < 2 ? hq : free(0.5);
                String address = t < 2 ? hqAddress
                        : address() + "（" + spec.subdistricts().get(t) + "执法中队）";
                for (int m = 0; m < sizes[t]; m++) {
                    // two officers still waiting for their certificate: they may not inspect (行政处罚法 第四十二条)
                    boolean noCertificate = (t == 2 && m == 2) || (t == 5 && m == 1);
                    String cert = noCertificate ? "" : String.format("鲁执" + spec.licenceCode() + "%04d", 1000 + 37 * serial++);
                    b.append(csv(DemoNames.person(random, people), cert, unit, teams[t], lon(base), lat(base), address,
                            t == 4 && m == 0 ? "否" : "是", "是"));
                }
            }
            Files.writeString(dir.resolve("inspectors" + spec.suffix() + ".csv"), b, StandardCharsets.UTF_8);
        }

        static double round(double metres) {
            return Math.round(metres * 100) / 100.0;
        }

        static String csv(String... cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                String c = cells[i] == null ? "" : cells[i];
                if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                    c = "\"" + c.replace("\"", "\"\"") + "\"";
                }
                b.append(i == 0 ? "" : ",").append(c);
            }
            return b.append('\n').toString();
        }

        static String json(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
