package com.patrolplanner.campaign.routing;

import java.util.Arrays;
import java.util.List;

/**
 * The problem facts of a {@link RoutingPlan} as flat arrays, for the plain-Java construction and route-minimisation
 * heuristics: visits are numbered as in {@link RoutingPlan#getVisits()}, vehicles as in
 * {@link RoutingPlan#getVehicles()}. Travel times and distances are copied from the plan's matrix once.
 */
final class RoutingArrays {

    final int visitCount;
    final int vehicleCount;
    final int[] location;
    final double[] ready;
    final double[] due;
    final double[] service;
    final int[] demand;
    final int[] base;
    final double[] shiftStart;
    final double[] shiftEnd;
    final int[] capacity;
    /** For each visit, the other visits nearest first. */
    final int[][] neighbours;
    /** What the model adds to the core ({@link RoutingRules}), as arrays. */
    final boolean optional;
    final boolean fairWorkload;
    final long[] priority;
    /** Alternatives: group of each visit, and the visits of each group. */
    final int[] group;
    final int[][] groupMembers;
    /** Vehicle index a visit must stay on, or -1. */
    final int[] fixed;
    final boolean[] usable;

    private final int locationCount;
    private final double[] time;
    private final double[] distance;

    RoutingArrays(RoutingPlan plan) {
        this(plan, RoutingRules.CORE);
    }

    RoutingArrays(RoutingPlan plan, RoutingRules rules) {
        List<Visit> visits = plan.getVisits();
        List<Vehicle> vehicles = plan.getVehicles();
        TravelMatrix matrix = plan.getMatrix();
        visitCount = visits.size();
        vehicleCount = vehicles.size();
        location = new int[visitCount];
        ready = new double[visitCount];
        due = new double[visitCount];
        service = new double[visitCount];
        demand = new int[visitCount];
        for (int i = 0; i < visitCount; i++) {
            Visit v = visits.get(i);
            location[i] = v.getLocation();
            ready[i] = v.getReady();
            due[i] = v.getDue();
            service[i] = v.getServiceDuration();
            demand[i] = v.getDemand();
        }
        optional = rules.optionalVisits();
        fairWorkload = rules.fairWorkload();
        priority = visits.stream().mapToLong(Visit::getPriority).toArray();
        group = new int[visitCount];
        java.util.Map<Object, Integer> groups = new java.util.HashMap<>();
        for (int i = 0; i < visitCount; i++) {
            group[i] = groups.computeIfAbsent(rules.group().apply(visits.get(i)), k -> groups.size());
        }
        int[] sizes = new int[groups.size()];
        for (int g : group) {
            sizes[g]++;
        }
        groupMembers = new int[groups.size()][];
        for (int g = 0; g < sizes.length; g++) {
            groupMembers[g] = new int[sizes[g]];
            sizes[g] = 0;
        }
        for (int i = 0; i < visitCount; i++) {
            groupMembers[group[i]][sizes[group[i]]++] = i;
        }
        java.util.Map<String, Integer> vehicleIndex = new java.util.HashMap<>();
        for (int k = 0; k < vehicles.size(); k++) {
            vehicleIndex.put(vehicles.get(k).getId(), k);
        }
        fixed = new int[visitCount];
        for (int i = 0; i < visitCount; i++) {
            String pin = rules.fixedVehicle().apply(visits.get(i));
            fixed[i] = pin == null ? -1 : vehicleIndex.getOrDefault(pin, -1);
        }
        usable = new boolean[vehicles.size()];
        for (int k = 0; k < vehicles.size(); k++) {
            usable[k] = rules.usable().test(vehicles.get(k));
        }
        base = new int[vehicleCount];
        shiftStart = new double[vehicleCount];
        shiftEnd = new double[vehicleCount];
        capacity = new int[vehicleCount];
        for (int k = 0; k < vehicleCount; k++) {
            Vehicle vehicle = vehicles.get(k);
            base[k] = vehicle.getLocation();
            shiftStart[k] = vehicle.getShiftStart();
            shiftEnd[k] = vehicle.getShiftEnd();
            capacity[k] = vehicle.getCapacity();
        }
        locationCount = matrix.size();
        time = new double[locationCount * locationCount];
        distance = new double[locationCount * locationCount];
        for (int i = 0; i < locationCount; i++) {
            for (int j = 0; j < locationCount; j++) {
                time[i * locationCount + j] = matrix.travelTime(i, j);
                distance[i * locationCount + j] = matrix.distance(i, j);
            }
        }
        neighbours = new int[visitCount][];
        for (int i = 0; i < visitCount; i++) {
            final int from = location[i];
            Integer[] others = new Integer[visitCount - 1];
            for (int j = 0, k = 0; j < visitCount; j++) {
                if (j != i) {
                    others[k++] = j;
                }
            }
            Arrays.sort(others, (a, b) -> Double.compare(dist(from, location[a]), dist(from, location[b])));
            neighbours[i] = Arrays.stream(others).mapToInt(Integer::intValue).toArray();
        }
    }

    double time(int fromLocation, int toLocation) {
        return time[fromLocation * locationCount + toLocation];
    }

    double dist(int fromLocation, int toLocation) {
        return distance[fromLocation * locationCount + toLocation];
    }
}
