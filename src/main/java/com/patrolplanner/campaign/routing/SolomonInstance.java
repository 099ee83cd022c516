package com.patrolplanner.campaign.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A Solomon VRPTW instance: a fleet of identical vehicles at one depot (customer 0, whose due date is the end of the
 * horizon) and customers with a demand, a time window and a service time. Travel time equals Euclidean distance.
 */
public record SolomonInstance(String name, int vehicleCount, int capacity, List<Customer> customers) {

    /** One row of the customer table; number 0 is the depot. */
    public record Customer(int number, double x, double y, int demand, double ready, double due, double service) {
    }

    public SolomonInstance {
        customers = List.copyOf(customers);
        if (customers.isEmpty() || customers.get(0).number() != 0) {
            throw new IllegalArgumentException(name + ": the first customer must be the depot, number 0");
        }
    }

    public Customer depot() {
        return customers.get(0);
    }

    /**
     * The instance as a routing plan: location i is the i-th row of the file, vehicles "1"…"K" start at the depot at
     * its ready time, must be back by its due date and cost 1 each on the medium level (fewest vehicles first).
     * Every customer has priority 1, which outweighs any number of vehicles of the instance.
     */
    public RoutingPlan toPlan() {
        double[] x = new double[customers.size()];
        double[] y = new double[customers.size()];
        for (int i = 0; i < customers.size(); i++) {
            x[i] = customers.get(i).x();
            y[i] = customers.get(i).y();
        }
        TravelMatrix matrix = new EuclideanTravelMatrix(x, y);
        Customer depot = depot();
        List<Vehicle> vehicles = new ArrayList<>(vehicleCount);
        for (int k = 1; k <= vehicleCount; k++) {
            vehicles.add(new Vehicle(Integer.toString(k), 0, matrix, depot.ready(), depot.due(), capacity, 1L));
        }
        List<Visit> visits = new ArrayList<>(customers.size() - 1);
        for (int i = 1; i < customers.size(); i++) {
            Customer c = customers.get(i);
            visits.add(new Visit(Integer.toString(c.number()), i, matrix, c.ready(), c.due(), c.service(), c.demand(),
                    1L));
        }
        return new RoutingPlan(name, matrix, vehicles, visits);
    }
}
