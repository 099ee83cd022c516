/** Campaign facts: types, time-window and closing-hour rules with their legal basis, target filters. */
package com.patrolplanner.campaign.domain;
