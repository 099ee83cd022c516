package com.patrolplanner.security;

import com.patrolplanner.i18n.Lang;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code ./planner create-admin NAME}: the first administrator of a production install. The password is read from the
 * terminal (twice, not echoed) or, without one, from the first line of standard input
 * ({@code ./planner create-admin chief < secret-file}); it never appears in arguments or the process list.
 */
@ApplicationScoped
public class CreateAdminCommand implements CliCommand {
    @Inject
    UserService users;

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public String summary() {
        return "create-admin NAME: create an administrator; the password is read from the terminal or stdin";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ./planner create-admin NAME   (password from the terminal, or the first line of stdin)");
            return 2;
        }
        String password = readPassword(args[0]);
        if (password == null) {
            System.err.println("no password given");
            return 2;
        }
        try {
            users.createAdmin("cli", args[0], password);
        } catch (ApiException e) {
            System.err.println("refused: " + Messages.text(e.getMessage(), Lang.EN)); // the terminal reads English
            return 1;
        }
        out.println("administrator '" + args[0] + "' created; log in at the map page");
        return 0;
    }

    private static String readPassword(String name) throws java.io.IOException {
        Console console = System.console();
        if (console != null) {
            char[] a = console.readPassword("Password for %s (at least %d characters): ", name, PasswordPolicy.MIN_LENGTH);
            char[] b = console.readPassword("Again: ");
            if (a == null || b == null || !Arrays.equals(a, b)) {
                System.err.println("the two passwords differ");
                return null;
            }
            return new String(a);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line;
    }
}
