package com.patrolplanner.campaign.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Solomon text format: the instance name on the first line, a VEHICLE section with "NUMBER CAPACITY" and
 * their values, then a CUSTOMER table of seven numbers a row (number, x, y, demand, ready, due, service). Line ends
 * may be CRLF or LF; blank lines and header words are skipped.
 */
public final class SolomonReader {

    private SolomonReader() {
    }

    public static SolomonInstance read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), fileStem(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses the text of an instance; {@code fallbackName} is used when the first line is empty. */
    public static SolomonInstance parse(String text, String fallbackName) {
        String[] lines = text.split("\r\n|\r|\n");
        String name = null;
        Integer vehicleCount = null;
        Integer capacity = null;
        boolean inVehicleSection = false;
        List<SolomonInstance.Customer> customers = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            String upper = line.toUpperCase();
            if (upper.startsWith("VEHICLE")) {
                inVehicleSection = true;
                continue;
            }
            if (upper.startsWith("CUSTOMER")) {
                inVehicleSection = false;
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (!isNumeric(tokens[0])) {
                continue; // a column header
            }
            if (inVehicleSection) {
                if (tokens.length < 2) {
                    throw new IllegalArgumentException(name + ": vehicle line needs NUMBER and CAPACITY: " + line);
                }
                vehicleCount = Integer.parseInt(tokens[0]);
                capacity = Integer.parseInt(tokens[1]);
                continue;
            }
            if (tokens.length < 7) {
                throw new IllegalArgumentException(name + ": customer line needs 7 numbers: " + line);
            }
            customers.add(new SolomonInstance.Customer(Integer.parseInt(tokens[0]), Double.parseDouble(tokens[1]),
                    Double.parseDouble(tokens[2]), (int) Math.round(Double.parseDouble(tokens[3])),
                    Double.parseDouble(tokens[4]), Double.parseDouble(tokens[5]), Double.parseDouble(tokens[6])));
        }
        if (vehicleCount == null || capacity == null) {
            throw new IllegalArgumentException((name == null ? fallbackName : name) + ": no VEHICLE section");
        }
        return new SolomonInstance(name == null ? fallbackName : name, vehicleCount, capacity, customers);
    }

    private static boolean isNumeric(String token) {
        return !token.isEmpty() && (Character.isDigit(token.charAt(0))
                || token.length() > 1 && (token.charAt(0) == '-' || token.charAt(0) == '.'));
    }

    private static String fileStem(Path file) {
        String stem = file.getFileName().toString();
        int dot = stem.lastIndexOf('.');
        return dot > 0 ? stem.substring(0, dot) : stem;
    }
}
