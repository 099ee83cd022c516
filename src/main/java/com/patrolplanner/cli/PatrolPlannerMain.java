package com.patrolplanner.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Without arguments: serve HTTP until stopped. With arguments: run one {@link CliCommand} and exit with its code. */
@QuarkusMain
public class PatrolPlannerMain implements QuarkusApplication {
    @Inject
    @Any
    Instance<CliCommand> commands;

    public static void main(String... args) {
        Quarkus.run(PatrolPlannerMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        String name = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (name.equals("bench")) {
            if (rest.length == 0) {
                return help();
            }
            name = "bench:" + rest[0];
            rest = Arrays.copyOfRange(rest, 1, rest.length);
        }
        for (CliCommand c : commands) {
            if (c.name().equals(name)) {
                return c.run(rest, System.out);
            }
        }
        System.err.println("unknown command: " + String.join(" ", args));
        return help() + 2;
    }

    private int help() {
        List<CliCommand> all = commands.stream().sorted(Comparator.comparing(CliCommand::name)).toList();
        System.err.println("commands:");
        for (CliCommand c : all) {
            System.err.println("  " + c.name().replace("bench:", "bench ") + " — " + c.summary());
        }
        return 0;
    }
}
