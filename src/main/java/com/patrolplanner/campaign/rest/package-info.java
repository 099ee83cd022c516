/** HTTP resources of campaigns, draws, plans and the school calendar, and their DTOs. */
package com.patrolplanner.campaign.rest;
