package com.patrolplanner.coverage;

import com.patrolplanner.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hot spots of violations, the way Esri's Optimized Hot Spot Analysis does it for incidents aggregated into hexagons:
 * the analysis features are the H3 cells holding at least one venue in the view (cells without venues cannot have
 * violations and would only dilute the mean), the value is the number of violations found there in the period, the
 * neighbourhood is the ring of cells within {@code ring} steps (1 = the six edge neighbours, a fixed distance band
 * of one cell spacing), Gi* and FDR-corrected bins come from {@link GiStar}.
 */
@ApplicationScoped
public class HotSpotService {
    /** Esri refuses fewer than 30 features; we compute but warn. */
    public static final int MIN_FEATURES = 30;

    @Inject
    CoverageService coverage;

    public String hotSpotsGeoJson(CoverageQuery q, int res, int ring) {
        if (ring < 1 || ring > 5) {
            throw com.patrolplanner.web.ApiException.badRequest("ring", Messages.of("coverage.ring"));
        }
        List<CoverageService.CellStats> cells = coverage.cells(q, res).stream().filter(c -> c.stats().venues() > 0
                || c.stats().violations() > 0).toList();
        int n = cells.size();
        Map<Long, Integer> index = new HashMap<>();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            index.put(cells.get(i).cell(), i);
            x[i] = cells.get(i).stats().violations();
        }
        int[][] nb = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> js = new ArrayList<>();
            for (long c : HexCells.h3().gridDisk(cells.get(i).cell(), ring)) {
                Integer j = index.get(c);
                if (j != null && j != i) {
                    js.add(j);
                }
            }
            nb[i] = js.stream().mapToInt(Integer::intValue).toArray();
        }
        GiStar.Result r = GiStar.compute(x, nb);
        double[] sorted = r.p().clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder(256 + n * 420);
        sb.append("{\"type\":\"FeatureCollection\",\"res\":").append(res).append(",\"ring\":").append(ring)
                .append(",\"from\":\"").append(q.from()).append("\",\"to\":\"").append(q.to()).append("\",\"features_analysed\":")
                .append(n).append(",\"fdr\":true,\"criticalP\":{");
        for (int l = 0; l < GiStar.ALPHAS.length; l++) {
            double cp = GiStar.criticalP(sorted, GiStar.ALPHAS[l]);
            sb.append(l == 0 ? "" : ",").append('"').append(Math.round((1 - GiStar.ALPHAS[l]) * 100)).append("\":")
                    .append(cp < 0 ? "null" : Double.toString(cp));
        }
        sb.append("},\"warnings\":[");
        if (n < MIN_FEATURES) {
            sb.append("\"only ").append(n).append(" cells: Esri's Optimized Hot Spot Analysis needs at least ")
                    .append(MIN_FEATURES).append("; read the bins with care\"");
        }
        sb.append("],\"features\":[");
        for (int i = 0; i < n; i++) {
            long cell = cells.get(i).cell();
            String addr = HexCells.h3().h3ToString(cell);
            sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":\"").append(addr).append("\",\"geometry\":");
            CoverageService.polygon(sb, cell);
            sb.append(",\"properties\":{\"cell\":\"").append(addr).append("\",\"violations\":").append((long) x[i])
                    .append(",\"venues\":").append(cells.get(i).stats().venues())
                    .append(",\"neighbours\":").append(nb[i].length)
                    .append(",\"z\":").append(Math.round(r.z()[i] * 1e6) / 1e6)
                    .append(",\"p\":").append(Math.round(r.p()[i] * 1e7) / 1e7)
                    .append(",\"bin\":").append(r.bin()[i]).append("}}");
        }
        return sb.append("]}").toString();
    }
}
