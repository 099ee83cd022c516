package com.patrolplanner.complaint;

import java.util.List;

/** A page of the complaint list. */
public record ComplaintPage(List<ComplaintView> items, long numberMatched, int numberReturned, int limit, int offset) {
}
