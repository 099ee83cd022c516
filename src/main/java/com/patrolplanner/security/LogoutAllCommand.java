package com.patrolplanner.security;

import com.patrolplanner.cli.CliCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;

/** {@code ./planner logout-all}: ends every browser session of every user (on every running process: they share the table). */
@ApplicationScoped
public class LogoutAllCommand implements CliCommand {
    @Inject
    UserService users;

    @Override
    public String name() {
        return "logout-all";
    }

    @Override
    public String summary() {
        return "end every browser session (everyone must log in again)";
    }

    @Override
    public int run(String[] args, PrintStream out) {
        out.println(users.logoutAll("cli") + " session(s) ended");
        return 0;
    }
}
