package com.patrolplanner.campaign.rest;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one gate of every {@code /api/campaigns/{id}/…} operation (issue 14): before any of them runs, the campaign must be
 * one the caller's units see ({@link CampaignService#find}: SQL, else 404), and a write must be on a campaign of the
 * caller's units ({@link CampaignService#writable}: a joint campaign of another unit is 403). A district user who sees
 * only its part of a joint campaign reads the campaign and its own teams' plan, route sheets and calendars, nothing
 * else (404). An operation added later under this path is gated without being listed here.
 */
public class CampaignAccessFilter {
    private static final Pattern PATH = Pattern.compile("^/?api/campaigns/(\\d+)(/.*)?$");
    /** What a reader of a joint campaign's part may open: the campaign, its plan, its own teams' sheets and calendars. */
    private static final Pattern PART = Pattern.compile("^(|/plan|/plan/teams/\\d+/(sheet|calendar\\.ics))$");

    @Inject
    CampaignService campaigns;
    @Inject
    CurrentUser user;

    @ServerRequestFilter
    public void gate(ContainerRequestContext ctx) {
        Matcher m = PATH.matcher(ctx.getUriInfo().getPath());
        if (!m.matches()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(Messages.of("noun.campaign", m.group(1)));
        }
        String rest = m.group(2) == null ? "" : m.group(2).replaceAll("/+$", "");
        String method = ctx.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD") || rest.equals("/draw/verify")
                // a team leader marks the own team's stops done (the resource checks the team), also in a joint campaign
                || (method.equals("PATCH") && rest.startsWith("/plan/stops/") && user.scopedToTeam());
        Campaign c = read ? campaigns.find(id) : campaigns.writable(id);
        if (read && campaigns.partial(c) && !PART.matcher(rest).matches() && !user.scopedToTeam()) {
            throw ApiException.notFound(rest.isEmpty() ? Messages.of("noun.campaign",
                    id) : Messages.of("noun.campaignPart", id, rest));
        }
    }
}
