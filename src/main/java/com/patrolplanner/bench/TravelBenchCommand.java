package com.patrolplanner.bench;

import com.patrolplanner.campaign.travel.TravelCalibration;
import com.patrolplanner.campaign.travel.TravelModel;
import com.patrolplanner.campaign.travel.TravelModels;
import com.patrolplanner.cli.CliCommand;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code ./planner bench travel [FILE]}: fits the travel model on a route file and prints the fit and its error. */
@ApplicationScoped
public class TravelBenchCommand implements CliCommand {
    private final TravelModels models;

    TravelBenchCommand(TravelModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "bench:travel";
    }

    @Override
    public String summary() {
        return "calibrate the travel model (detour factor, day/night speed) on Amap routes and print its error";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : models.routeFile();
        List<TravelCalibration.Route> routes = TravelCalibration.read(file);
        TravelCalibration.Result r = TravelCalibration.fit(routes);
        out.println(r.describe());
        TravelModel m = r.model();
        out.println("city       gc_m    road_m  pred_road_m  dur_s  pred_day_s  err_%");
        for (TravelCalibration.Route route : routes) {
            if (!TravelCalibration.usable(route)) {
                continue;
            }
            double predRoad = route.greatCircleM() * m.detourFactor();
            double predS = m.dayFixedS() + predRoad / (m.daySpeedKmh() / 3.6);
            out.printf("%-8s %7.0f %9.0f %12.0f %6.0f %11.0f %6.1f%n", route.city(), route.greatCircleM(), route.roadM(),
                    predRoad, route.durationS(), predS, 100 * (predS - route.durationS()) / route.durationS());
        }
        return 0;
    }
}
