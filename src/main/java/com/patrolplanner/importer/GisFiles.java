package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * GIS files in, GeoJSON rows out (issue 17 point 4): a zipped Shapefile, a GeoPackage, KML/KMZ, or GeoJSON that names a
 * projected CRS, read with GDAL's {@code ogr2ogr} (gdal-bin) and written as one GeoJSON FeatureCollection in WGS-84
 * lon/lat, which the register handlers ({@code venues}, {@code schools}, {@code districts}) read as they read any
 * GeoJSON upload. The source CRS is the file's own ({@code .prj}, the GeoPackage's SRS, KML is WGS-84 by definition):
 * WGS-84, CGCS2000 (EPSG:4490, taken as WGS-84: they differ by centimetres) and its Gauss–Krüger zones (EPSG:4513–4554)
 * are transformed by PROJ; Xi'an 80 and Beijing 54 are transformed too, with a warning that no precise transformation is
 * published (PROJ applies the EPSG ballpark, errors of tens of metres are possible).
 *
 * <p>Refused with a 422 naming the problem, before anything is written: a Shapefile without its {@code .dbf}, several
 * Shapefiles in one zip, projected numbers without a {@code .prj}, features of more than one geometry type (or of a type
 * the register cannot hold), a zip whose entries escape the upload folder, a zip bomb (more than
 * {@value #MAX_ENTRIES} entries, {@value #MAX_UNZIPPED_MB} MB unpacked or a ratio above {@value #MAX_RATIO}:1).
 */
public final class GisFiles {
    static final int MAX_ENTRIES = 1000;
    static final long MAX_UNZIPPED_MB = 512;
    static final long MAX_RATIO = 200;
    static final long OGR_TIMEOUT_SECONDS = 300;
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private GisFiles() {
    }

    /** A file as the handlers read it: the GeoJSON to import, the source CRS named, warnings for the summary. */
    public record Converted(Path geojson, String sourceCrs, String format, List<String> warnings) {
    }

    /**
     * The GeoJSON to import when {@code file} is a GIS format, or null when it is a table (CSV, XLSX, plain GeoJSON in
     * WGS-84) the handlers read as before. {@code kind} decides which geometry types are acceptable.
     */
    public static Converted convert(Path file, String filename, String kind) {
        String ext = TabularReader.extension(filename == null ? "" : filename);
        byte[] head = head(file, 8192);
        Path work = null;
        try {
            if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
                if (ext.equals("xlsx") || ext.equals("xls")) {
                    return null;
                }
                work = Files.createTempDirectory("patrol-gis-");
                List<Path> files = unzip(file, work);
                List<Path> shp = files.stream().filter(p -> TabularReader.extension(p.toString()).equals("shp")).toList();
                List<Path> kml = files.stream().filter(p -> TabularReader.extension(p.toString()).equals("kml")).toList();
                List<Path> gpkg = files.stream().filter(p -> TabularReader.extension(p.toString()).equals("gpkg")).toList();
                if (shp.isEmpty() && kml.isEmpty() && gpkg.isEmpty()) {
                    cleanup(work);
                    return null; // an XLSX or another zip the table reader names
                }
                if (shp.size() + kml.size() + gpkg.size() > 1) {
                    throw refuse(Messages.of("import.severalLayers", String.join(", ", names(work, shp, kml, gpkg))));
                }
                if (!shp.isEmpty()) {
                    return shapefile(shp.get(0), work, kind);
                }
                return read(kml.isEmpty() ? gpkg.get(0) : kml.get(0), kml.isEmpty() ? "gpkg" : "kml", work, kind, false);
            }
            if (startsWith(head, SQLITE)) {
                work = Files.createTempDirectory("patrol-gis-");
                Path g = work.resolve("upload.gpkg");
                Files.copy(file, g);
                return read(g, "gpkg", work, kind, false);
            }
            String text = new String(head, StandardCharsets.UTF_8).stripLeading();
            if (text.startsWith("<") && text.contains("<kml")) {
                work = Files.createTempDirectory("patrol-gis-");
                Path k = work.resolve("upload.kml");
                Files.copy(file, k);
                return read(k, "kml", work, kind, false);
            }
            if (text.startsWith("{") && namedCrs(text)) {
                work = Files.createTempDirectory("patrol-gis-");
                Path g = work.resolve("upload.geojson");
                Files.copy(file, g);
                return read(g, "geojson", work, kind, false);
            }
            return null;
        } catch (IOException e) {
            cleanup(work);
            throw new IllegalStateException("could not read the upload", e);
        } catch (RuntimeException e) {
            cleanup(work);
            throw e;
        }
    }

    /** Deletes the converted file's folder. */
    public static void delete(Converted c) {
        if (c != null) {
            cleanup(c.geojson().getParent());
        }
    }

    /** A GeoJSON with a {@code crs} member other than WGS-84/CRS84 (old-style QGIS exports in EPSG:4527 and the like). */
    static boolean namedCrs(String head) {
        Matcher m = Pattern.compile("\"crs\"\\s*:\\s*\\{.*?\"name\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL).matcher(head);
        if (!m.find()) {
            return false;
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        return !(name.endsWith("CRS84") || name.endsWith("EPSG::4326") || name.endsWith("EPSG:4326"));
    }

    private static Converted shapefile(Path shp, Path work, String kind) {
        String base = shp.getFileName().toString();
        base = base.substring(0, base.length() - 4);
        Path dir = shp.getParent();
        if (sibling(dir, base, "dbf") == null) {
            throw refuse(Messages.of("import.shpNoDbf", base));
        }
        boolean prj = sibling(dir, base, "prj") != null;
        return read(shp, "shapefile", work, kind, !prj);
    }

    private static Path sibling(Path dir, String base, String ext) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** ogrinfo → the layer, its SRS and extent; checks; ogr2ogr → GeoJSON in EPSG:4326; geometry types checked. */
    private static Converted read(Path in, String format, Path work, String kind, boolean noPrj) {
        Layer layer = info(in);
        List<String> warnings = new ArrayList<>();
        if (layer.others > 0) {
            warnings.add("the file has " + (layer.others + 1) + " layers: imported the first, '" + layer.name + "'");
        }
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=9",
                "-lco", "RFC7946=NO", "--config", "SHAPE_RESTORE_SHX", "YES"));
        String source;
        if (layer.wkt == null) {
            boolean lonLat = layer.extent != null && Math.abs(layer.extent[0]) <= 180 && Math.abs(layer.extent[2]) <= 180
                    && Math.abs(layer.extent[1]) <= 90 && Math.abs(layer.extent[3]) <= 90;
            if (!lonLat) {
                throw refuse(Messages.of(noPrj ? "import.noPrj" : "import.noCrs", extentText(layer.extent)));
            }
            warnings.add((noPrj ? "no .prj" : "no coordinate system in the file") + ": read as WGS-84 longitude/latitude");
            cmd.addAll(List.of("-a_srs", "EPSG:4326"));
            source = "EPSG:4326 (assumed)";
        } else {
            String flat = layer.wkt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (flat.contains("xian1980") || flat.contains("xian80")) {
                warnings.add("Xi'an 1980 coordinates: no precise transformation to WGS-84/CGCS2000 is published; "
                        + "converted with PROJ's ballpark (errors of tens of metres are possible)");
            } else if (flat.contains("beijing1954") || flat.contains("beijing54")) {
                warnings.add("Beijing 1954 coordinates: no precise transformation to WGS-84/CGCS2000 is published; "
                        + "converted with PROJ's ballpark or the EPSG Helmert (errors of tens of metres are possible)");
            }
            source = layer.crsName;
            cmd.addAll(List.of("-t_srs", "EPSG:4326"));
        }
        Path out = work.resolve("rows.geojson");
        cmd.add(out.toString());
        cmd.add(in.toString());
        cmd.add(layer.name);
        run(cmd, in.getFileName().toString());
        checkGeometries(out, kind);
        return new Converted(out, source, format, warnings);
    }

    /** The first layer of a data source as ogrinfo describes it. */
    private record Layer(String name, String wkt, String crsName, double[] extent, int others) {
    }

    static Layer info(Path in) {
        String text = run(List.of("ogrinfo", "-ro", "-so", "-al", "-nomd", "--config", "SHAPE_RESTORE_SHX", "YES",
                in.toString()), in.getFileName().toString());
        List<String> names = new ArrayList<>();
        String wkt = null;
        double[] extent = null;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("Layer name: ")) {
                names.add(l.substring("Layer name: ".length()).trim());
            } else if (names.size() == 1 && l.startsWith("Extent: ")) {
                Matcher m = Pattern.compile("\\(([-0-9.eE+]+), ([-0-9.eE+]+)\\) - \\(([-0-9.eE+]+), ([-0-9.eE+]+)\\)").matcher(l);
                if (m.find()) {
                    extent = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
                }
            } else if (names.size() == 1 && l.startsWith("Layer SRS WKT:")) {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                for (; j < lines.length && !lines[j].startsWith("Data axis") && !lines[j].startsWith("Geometry Column")
                        && (lines[j].startsWith(" ") || lines[j].matches("^[A-Z]+\\[.*") || lines[j].startsWith("(unknown)")); j++) {
                    sb.append(lines[j]).append('\n');
                }
                String w = sb.toString().trim();
                wkt = w.isEmpty() || w.startsWith("(unknown)") ? null : w;
                i = j - 1;
            }
        }
        if (names.isEmpty()) {
            throw refuse(Messages.of("import.noLayer"));
        }
        String crsName = null;
        if (wkt != null) {
            Matcher m = Pattern.compile("^[A-Z]+\\[\"([^\"]+)\"").matcher(wkt);
            crsName = m.find() ? m.group(1) : "the file's CRS";
            Matcher id = Pattern.compile("\n    ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$").matcher(wkt);
            if (id.find()) {
                crsName = crsName + " (EPSG:" + id.group(1) + ")";
            }
        }
        return new Layer(names.get(0), wkt, crsName, extent, names.size() - 1);
    }

    /** One geometry family for the whole file, and one the register can hold. */
    static void checkGeometries(Path geojson, String kind) {
        Map<String, Integer> types = new TreeMap<>();
        try (JsonParser p = new JsonFactory().createParser(geojson.toFile())) {
            // the "type" member directly inside each feature's "geometry" object
            int depth = 0;
            int geometryDepth = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    if (depth == geometryDepth) {
                        geometryDepth = -1;
                    }
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && "geometry".equals(p.currentName()) && geometryDepth < 0) {
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        depth++;
                        geometryDepth = depth;
                    }
                } else if (t == JsonToken.FIELD_NAME && depth == geometryDepth && "type".equals(p.currentName())) {
                    p.nextToken();
                    types.merge(family(p.getText()), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read GDAL's output", e);
        }
        if (types.size() > 1) {
            List<String> parts = new ArrayList<>();
            types.forEach((k, v) -> parts.add(v + " " + k));
            throw refuse(Messages.of("import.mixedTypes", String.join(", ", parts)));
        }
        String only = types.isEmpty() ? null : types.keySet().iterator().next();
        String want = switch (kind) {
            case "venues" -> "point";
            case "districts", "zones", "units" -> "polygon";
            case "schools" -> null; // a campus polygon or a point
            default -> null;
        };
        if (only != null && want != null && !only.equals(want)) {
            throw refuse(Messages.of("import.wrongGeometry", kind, want, only));
        }
        if (only != null && only.equals("line")) {
            throw refuse(Messages.of("import.lines", kind));
        }
    }

    static String family(String geometryType) {
        return switch (geometryType) {
            case "Point", "MultiPoint" -> "point";
            case "LineString", "MultiLineString" -> "line";
            case "Polygon", "MultiPolygon" -> "polygon";
            default -> "geometry collection";
        };
    }

    /**
     * Unpacks a zip into {@code dir}, refusing entries that would land outside it (absolute paths, {@code ..}) and zip
     * bombs (counted on the bytes actually inflated, not on the sizes the archive declares).
     */
    static List<Path> unzip(Path zip, Path dir) throws IOException {
        long limit = MAX_UNZIPPED_MB * 1024 * 1024;
        long compressed = Math.max(1, Files.size(zip));
        long total = 0;
        List<Path> out = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.size() > MAX_ENTRIES) {
                throw refuse(Messages.of("import.zipEntries", z.size(), MAX_ENTRIES));
            }
            var entries = z.entries();
            byte[] buf = new byte[65536];
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                Path target = root.resolve(name).normalize();
                if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*") || name.contains("..")
                        || !target.startsWith(root)) {
                    throw refuse(Messages.of("import.zipSlip", name));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e); OutputStream os = Files.newOutputStream(target)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > limit || (total > 10L * 1024 * 1024 && total / compressed > MAX_RATIO)) {
                            throw refuse(total > limit ? Messages.of("import.zipBombMb", MAX_UNZIPPED_MB)
                                    : Messages.of("import.zipBombRatio", MAX_RATIO));
                        }
                        os.write(buf, 0, n);
                    }
                }
                out.add(target);
            }
        } catch (java.util.zip.ZipException e) {
            throw refuse(Messages.of("import.zipUnreadable", e.getMessage()));
        }
        return out;
    }

    private static String run(List<String> cmd, String what) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("GDAL (gdal-bin: ogrinfo, ogr2ogr) is not installed: " + e.getMessage(), e);
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(OGR_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw refuse(Messages.of("import.gdalTimeout", OGR_TIMEOUT_SECONDS, what));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String first = text.lines().filter(l -> l.startsWith("ERROR") || l.startsWith("FAILURE")).findFirst()
                        .orElse(text.lines().findFirst().orElse("exit " + p.exitValue()));
                throw refuse(Messages.of("import.gdalCannot", what, first.replaceAll("/tmp/[^ :']*/", "")));
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("GDAL failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while GDAL read the file", e);
        }
    }

    static ApiException refuse(String reason) {
        return ApiException.unprocessable("file: " + reason, List.of(Problem.FieldError.of("file", reason)));
    }

    private static List<String> names(Path root, List<Path>... lists) {
        List<String> n = new ArrayList<>();
        for (List<Path> l : lists) {
            l.forEach(p -> n.add(root.relativize(p).toString()));
        }
        return n;
    }

    private static String extentText(double[] e) {
        return e == null ? "unknown" : String.format(Locale.ROOT, "%.0f, %.0f – %.0f, %.0f", e[0], e[1], e[2], e[3]);
    }

    private static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        if (a.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void cleanup(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is swept by the OS
        }
    }

    /** The summary members an import from a GIS file adds: the source CRS, its format, warnings. */
    public static Map<String, Object> describe(Converted c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gisFormat", c.format());
        m.put("sourceCrs", c.sourceCrs());
        if (!c.warnings().isEmpty()) {
            m.put("warnings", c.warnings());
        }
        return m;
    }
}
