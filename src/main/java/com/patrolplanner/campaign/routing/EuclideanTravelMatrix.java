package com.patrolplanner.campaign.routing;

/**
 * Straight-line distance between planar coordinates, unrounded; travel time equals distance (the Solomon convention).
 * Precomputed once, so a query is an array read.
 */
public final class EuclideanTravelMatrix implements TravelMatrix {

    private final int size;
    private final double[] distances;

    public EuclideanTravelMatrix(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        size = x.length;
        distances = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                distances[i * size + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double travelTime(int from, int to) {
        return distances[from * size + to];
    }

    @Override
    public double distance(int from, int to) {
        return distances[from * size + to];
    }
}
