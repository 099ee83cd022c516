package com.patrolplanner.campaign.routing;

import com.patrolplanner.cli.CliCommand;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;

/** {@code ./planner vrptw FILE… [--seconds N] [--best-known CSV] [--seed S]}: Solomon instances through the routing core. */
@ApplicationScoped
public class VrptwCliCommand implements CliCommand {
    @Override
    public String name() {
        return "vrptw";
    }

    @Override
    public String summary() {
        return "solve Solomon VRPTW instances: FILE… [--seconds N] — one JSON line each, then the gap to best-known";
    }

    @Override
    public int run(String[] args, PrintStream out) {
        return VrptwCommand.run(args, out);
    }
}
