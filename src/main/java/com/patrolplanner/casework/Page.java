package com.patrolplanner.casework;

import java.util.List;

/** One page of a list: {@code numberMatched} rows match, {@code numberReturned} are here (from {@code offset}). */
public record Page<T>(long numberMatched, int numberReturned, int offset, List<T> items) {
    public static final int MAX_LIMIT = 1000;
}
