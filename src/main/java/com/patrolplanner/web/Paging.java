package com.patrolplanner.web;

import com.patrolplanner.i18n.Messages;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How every list pages and sorts (issue 17, one REST contract). A list takes {@code limit} (page size), {@code offset}
 * (rows skipped) and {@code sort} (comma-separated field names, {@code -} before a name for descending, e.g.
 * {@code sort=-updatedAt,name}); it answers {@code numberMatched} (rows the filters match) and {@code numberReturned}
 * (rows on this page) in the body, and a {@code Link} header with {@code rel="next"} while rows remain (and
 * {@code rel="prev"} after the first page) carrying the same query with another offset.
 */
public final class Paging {
    public static final String LINK = "Link";

    private Paging() {
    }

    /** One page: at most {@code limit} rows after skipping {@code offset}. */
    public record Page(int limit, int offset) {
    }

    /** The page asked for; 400 naming {@code limit} or {@code offset} when out of range. */
    public static Page page(Integer limit, Integer offset, int defaultLimit, int maxLimit) {
        int l = limit == null ? defaultLimit : limit;
        int o = offset == null ? 0 : offset;
        if (l < 0 || l > maxLimit) {
            throw ApiException.badRequest("limit", Messages.of("common.mustRange", 0, maxLimit));
        }
        if (o < 0) {
            throw ApiException.badRequest("offset", Messages.of("common.atLeastZero"));
        }
        return new Page(l, o);
    }

    /**
     * The SQL {@code ORDER BY} list for a {@code sort} parameter. {@code fields} maps each sortable name to its SQL
     * expression (in the order the OpenAPI description lists them); {@code tieBreak} (the key) always ends the list so
     * pages never overlap. 400 naming {@code sort} for a name not in {@code fields}.
     */
    public static String orderBy(String sort, String defaultSort, Map<String, String> fields, String tieBreak) {
        String s = sort == null || sort.isBlank() ? defaultSort : sort;
        List<String> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : s.split(",")) {
            String p = part.trim();
            boolean desc = p.startsWith("-");
            String name = desc || p.startsWith("+") ? p.substring(1).trim() : p;
            String sql = fields.get(name);
            if (sql == null) {
                throw ApiException.badRequest("sort", Messages.of("common.unknownField", name, String.join(", ",
                        fields.keySet())));
            }
            if (seen.add(name)) {
                order.add(sql + (desc ? " DESC NULLS LAST" : " ASC NULLS LAST"));
            }
        }
        order.add(tieBreak);
        return String.join(", ", order);
    }

    /** 200 with {@code entity} and the {@code Link} header of this page. */
    public static Response ok(Object entity, UriInfo uri, Page page, long matched, int returned) {
        Response.ResponseBuilder r = Response.ok(entity);
        String links = links(uri, page, matched, returned);
        if (!links.isEmpty()) {
            r.header(LINK, links);
        }
        return r.build();
    }

    /** The {@code Link} header value: next while rows remain, prev after the first page; empty when neither. */
    public static String links(UriInfo uri, Page page, long matched, int returned) {
        List<String> links = new ArrayList<>();
        if (page.limit() > 0 && page.offset() + returned < matched) {
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("offset", page.offset() + returned).build()
                    + ">; rel=\"next\"");
        }
        if (page.offset() > 0) {
            int prev = Math.max(0, page.offset() - Math.max(page.limit(), 1));
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("offset", prev).build() + ">; rel=\"prev\"");
        }
        return String.join(", ", links);
    }
}
