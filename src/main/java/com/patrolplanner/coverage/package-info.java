/** Coverage of the venue register by inspections: per venue, district, zone and H3 cell; gaps; Gi* hot spots. */
package com.patrolplanner.coverage;
