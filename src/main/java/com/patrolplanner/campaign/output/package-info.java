/** What a plan looks like to its readers: JSON and GeoJSON views, the printable A4 route sheet, iCalendar files. */
package com.patrolplanner.campaign.output;
