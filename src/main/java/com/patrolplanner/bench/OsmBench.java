package com.patrolplanner.bench;

import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.importer.ImportService;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.osmosis.OsmosisSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openstreetmap.osmosis.core.container.v0_6.NodeContainer;
import org.openstreetmap.osmosis.core.container.v0_6.WayContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.CommonEntityData;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.OsmUser;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;

/**
 * {@code ./planner bench osm [--nodes N] [--kind osm|roads] [--file F]}: an OpenStreetMap import of a province-sized
 * file inside the heap the bench runs with ({@code PP_BENCH_XMX=512m} for issue 18): prints the seconds, the summary and
 * the process's peak RSS. No province extract is kept in {@code ../shared} (a Shandong PBF is about 600 MB, 60 M
 * nodes), so by default the bench synthesizes one of {@code --nodes} nodes (default 20,000,000) laid out as OSM files
 * of Chinese cities are: most nodes belong to building outlines (closed ways, one in twenty with an address), a grid of
 * named streets, ids ascending, nodes before ways. {@code --file} imports a real {@code .osm.pbf} instead. Kind
 * {@code osm} (gazetteer: addresses, places, streets) or {@code roads} (the road network). Writes the gazetteer source
 * {@code osm:bench-osm-synthetic.osm.pbf} (or the road source of that name), replacing it on every run.
 */
@ApplicationScoped
public class OsmBench implements CliCommand {
    @Inject
    ImportService imports;

    @Override
    public String name() {
        return "bench:osm";
    }

    @Override
    public String summary() {
        return "OSM import of a province-sized (synthetic, --nodes N, default 20 M) .osm.pbf: seconds and peak RSS";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        long nodes = 20_000_000L;
        String kind = "osm";
        Path given = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = Long.parseLong(args[++i]);
                case "--kind" -> kind = args[++i];
                case "--file" -> given = Path.of(args[++i]);
                default -> {
                    out.println("usage: bench osm [--nodes N] [--kind osm|roads] [--file F.osm.pbf]");
                    return 2;
                }
            }
        }
        Path file = given != null ? given : Files.createTempFile("bench-osm", ".osm.pbf");
        try {
            if (given == null) {
                long t = System.nanoTime();
                long[] made = synthesize(file, nodes);
                out.printf(Locale.ROOT, "synthesized %,d nodes, %,d ways (%,d street nodes) in %.1f s: %.0f MB%n", made[0],
                        made[1], made[2], (System.nanoTime() - t) / 1e9, Files.size(file) / 1e6);
            }
            out.println("before: " + MemoryReport.line());
            long t = System.nanoTime();
            Map<String, Object> s = imports.run(new ImportHandler.Request(kind, file,
                    given == null ? "bench-osm-synthetic.osm.pbf" : given.getFileName().toString(), Datum.WGS84, Map.of(),
                    "bench")).asMap();
            out.printf(Locale.ROOT, "import %s: %.1f s %s%n", kind, (System.nanoTime() - t) / 1e9, s);
            out.println(MemoryReport.line());
        } finally {
            if (given == null) {
                Files.deleteIfExists(file);
            }
        }
        return 0;
    }

    /**
     * Writes the synthetic city: a square grid of named streets (row and column ways of up to 100 nodes, sharing the
     * crossing nodes) taking about 3 % of the nodes, the rest as 4-corner building outlines (closed 5-node ways tagged
     * {@code building=yes}, every twentieth with {@code addr:housenumber} and {@code addr:street}). Returns {nodes, ways,
     * street nodes}.
     */
    static long[] synthesize(Path file, long nodes) throws Exception {
        int side = (int) Math.max(2, Math.sqrt(nodes * 0.03));
        long streetNodes = (long) side * side;
        long buildings = Math.max(0, (nodes - streetNodes) / 4);
        double lon0 = 118.8;
        double lat0 = 36.3;
        double span = 0.8;
        Date when = new Date(1_700_000_000_000L);
        long ways = 0;
        try (OutputStream os = Files.newOutputStream(file)) {
            OsmosisSerializer ser = new OsmosisSerializer(new BlockOutputStream(os));
            ser.setUseDense(true);
            long id = 1;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    ser.process(new NodeContainer(node(id++, lon0 + span * c / side, lat0 + span * r / side, List.of(), when)));
                }
            }
            long firstBuildingNode = id;
            double cell = span / side;
            for (long b = 0; b < buildings; b++) {
                // inside the street block b falls in, a small square
                int r = (int) (b % (side - 1));
                int c = (int) ((b / (side - 1)) % (side - 1));
                double x = lon0 + cell * c + cell * 0.1 + (b % 7) * cell * 0.1;
                double y = lat0 + cell * r + cell * 0.1 + (b % 5) * cell * 0.1;
                double d = cell * 0.05;
                double[][] corners = {{x, y}, {x + d, y}, {x + d, y + d}, {x, y + d}};
                for (double[] p : corners) {
                    ser.process(new NodeContainer(node(id++, p[0], p[1], List.of(), when)));
                }
            }
            // ways after every node, as PBF files order them
            long wayId = 1;
            for (int r = 0; r < side; r++) {
                for (int from = 0; from < side - 1; from += 99) {
                    List<WayNode> wn = new ArrayList<>();
                    for (int c = from; c <= Math.min(side - 1, from + 99); c++) {
                        wn.add(new WayNode(1L + (long) r * side + c));
                    }
                    ser.process(new WayContainer(way(wayId++, wn, List.of(new Tag("highway", "residential"),
                            new Tag("name", "东西第" + r + "路")), when)));
                }
            }
            for (int c = 0; c < side; c++) {
                for (int from = 0; from < side - 1; from += 99) {
                    List<WayNode> wn = new ArrayList<>();
                    for (int r = from; r <= Math.min(side - 1, from + 99); r++) {
                        wn.add(new WayNode(1L + (long) r * side + c));
                    }
                    ser.process(new WayContainer(way(wayId++, wn, List.of(new Tag("highway", "tertiary"),
                            new Tag("name", "南北第" + c + "街")), when)));
                }
            }
            for (long b = 0; b < buildings; b++) {
                long n0 = firstBuildingNode + b * 4;
                List<WayNode> wn = List.of(new WayNode(n0), new WayNode(n0 + 1), new WayNode(n0 + 2), new WayNode(n0 + 3),
                        new WayNode(n0));
                List<Tag> tags = b % 20 == 0
                        ? List.of(new Tag("building", "yes"), new Tag("addr:housenumber", Long.toString(b / 20 % 500 + 1)),
                                new Tag("addr:street", "东西第" + (b % (side - 1)) + "路"))
                        : List.of(new Tag("building", "yes"));
                ser.process(new WayContainer(way(wayId++, wn, tags, when)));
            }
            ways = wayId - 1;
            ser.complete();
            ser.close();
            return new long[] {id - 1, ways, streetNodes};
        }
    }

    private static Node node(long id, double lon, double lat, List<Tag> tags, Date when) {
        return new Node(new CommonEntityData(id, 1, when, OsmUser.NONE, 1L, tags), lat, lon);
    }

    private static Way way(long id, List<WayNode> nodes, List<Tag> tags, Date when) {
        return new Way(new CommonEntityData(id, 1, when, OsmUser.NONE, 1L, tags), nodes);
    }
}
