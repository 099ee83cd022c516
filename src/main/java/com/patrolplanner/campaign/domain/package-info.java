/** Campaign facts: the campaign and its teams, types, time-window and closing-hour rules with their legal basis, target filters and the query that selects them, the school calendar, stops kept across re-planning. */
package com.patrolplanner.campaign.domain;
