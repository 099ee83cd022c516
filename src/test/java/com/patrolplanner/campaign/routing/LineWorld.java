package com.patrolplanner.campaign.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test fixture: a base at x=0 and visit locations at x=10, 20, 30 … on a line, so travel times are easy sums. */
final class LineWorld {

    final TravelMatrix matrix;

    LineWorld(int locations) {
        double[] x = new double[locations];
        for (int i = 0; i < locations; i++) {
            x[i] = 10.0 * i;
        }
        matrix = new EuclideanTravelMatrix(x, new double[locations]);
    }

    Vehicle vehicle(String id, double shiftEnd, int capacity) {
        return new Vehicle(id, 0, matrix, 0.0, shiftEnd, capacity, 1L);
    }

    Visit visit(String id, int location, double ready, double due, double service, int demand) {
        return new Visit(id, location, matrix, ready, due, service, demand, 1L);
    }

    /** A plan with the given vehicle routes; every visit listed in {@code all} is part of the problem. */
    RoutingPlan plan(List<Vehicle> vehicles, Visit... all) {
        return new RoutingPlan("line", matrix, vehicles, new ArrayList<>(Arrays.asList(all)));
    }

    static Vehicle route(Vehicle vehicle, Visit... visits) {
        vehicle.getVisits().addAll(Arrays.asList(visits));
        return vehicle;
    }
}
