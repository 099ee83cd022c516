package com.patrolplanner.campaign.solver;

import com.patrolplanner.campaign.routing.TravelMatrix;
import com.patrolplanner.campaign.travel.TravelModel;
import java.util.Map;

/**
 * The travel matrix of a campaign problem (minutes; {@link #distance} is also minutes, so the routing core's soft
 * "distance driven" minimises travel time), plus the per-location and per-team facts the campaign constraints need:
 * the routing core's {@code Visit} and {@code Vehicle} carry only a location index, so these facts travel with the
 * matrix every visit already holds.
 *
 * <p>Locations {@code 0 … bases-1} are team bases, the rest venues. Immutable after construction.
 */
public final class CampaignMatrix implements TravelMatrix {
    private final double[] lon;
    private final double[] lat;
    private final double[][] minutes;
    private final long[] venueId;
    private final String[] zoneKey;
    private final Map<String, Integer> certifiedOfficers;
    private final Map<String, String> pinnedVehicle;
    private final int strikeMinutes;

    /**
     * @param venueId venue of each location, -1 for a base
     * @param certifiedOfficers vehicle id → certified, active officers in the team
     * @param pinnedVehicle visit id → vehicle it must stay on (done or pinned stops when re-planning)
     * @param strikeMinutes simultaneous strike: visits of one zone start within this many minutes; 0 = off
     */
    public CampaignMatrix(double[] lon, double[] lat, TravelModel model, boolean night, long[] venueId,
            String[] zoneKey, Map<String, Integer> certifiedOfficers, Map<String, String> pinnedVehicle,
            int strikeMinutes) {
        this(lon, lat, greatCircle(lon, lat, model, night), venueId, zoneKey, certifiedOfficers, pinnedVehicle,
                strikeMinutes);
    }

    private CampaignMatrix(double[] lon, double[] lat, double[][] minutes, long[] venueId, String[] zoneKey,
            Map<String, Integer> certifiedOfficers, Map<String, String> pinnedVehicle, int strikeMinutes) {
        int n = lon.length;
        if (lat.length != n || minutes.length != n || venueId.length != n || zoneKey.length != n) {
            throw new IllegalArgumentException("locations, coordinates and matrix differ in size");
        }
        this.lon = lon.clone();
        this.lat = lat.clone();
        this.venueId = venueId.clone();
        this.zoneKey = zoneKey.clone();
        this.certifiedOfficers = Map.copyOf(certifiedOfficers);
        this.pinnedVehicle = Map.copyOf(pinnedVehicle);
        this.strikeMinutes = strikeMinutes;
        this.minutes = new double[n][];
        for (int i = 0; i < n; i++) {
            if (minutes[i].length != n) {
                throw new IllegalArgumentException("matrix row " + i + " has " + minutes[i].length + " columns, not " + n);
            }
            this.minutes[i] = minutes[i].clone();
            this.minutes[i][i] = 0.0;
        }
    }

    /**
     * A matrix of precomputed minutes (e.g. shortest paths over the road network, {@code minutes[from][to]}); the
     * other arguments as in the great-circle constructor. The diagonal is taken as zero.
     */
    public static CampaignMatrix ofMinutes(double[] lon, double[] lat, double[][] minutes, long[] venueId,
            String[] zoneKey, Map<String, Integer> certifiedOfficers, Map<String, String> pinnedVehicle,
            int strikeMinutes) {
        return new CampaignMatrix(lon, lat, minutes, venueId, zoneKey, certifiedOfficers, pinnedVehicle, strikeMinutes);
    }

    private static double[][] greatCircle(double[] lon, double[] lat, TravelModel model, boolean night) {
        int n = lon.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? 0.0 : model.minutes(lon[i], lat[i], lon[j], lat[j], night);
            }
        }
        return m;
    }

    @Override
    public int size() {
        return lon.length;
    }

    @Override
    public double travelTime(int from, int to) {
        return minutes[from][to];
    }

    @Override
    public double distance(int from, int to) {
        return minutes[from][to];
    }

    public double lon(int location) {
        return lon[location];
    }

    public double lat(int location) {
        return lat[location];
    }

    public long venueId(int location) {
        return venueId[location];
    }

    public String zoneKey(int location) {
        return zoneKey[location];
    }

    public int certifiedOfficers(String vehicleId) {
        return certifiedOfficers.getOrDefault(vehicleId, 0);
    }

    /** The vehicle a visit is pinned to, or null. */
    public String pinnedVehicle(String visitId) {
        return pinnedVehicle.get(visitId);
    }

    public int strikeMinutes() {
        return strikeMinutes;
    }

    public boolean strike() {
        return strikeMinutes > 0;
    }
}
