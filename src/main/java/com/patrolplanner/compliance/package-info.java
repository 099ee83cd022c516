/** School-perimeter rules (200 m and provincial distances), verdicts kept per venue, violations (published as the view open_violation), buffers and site checks. */
package com.patrolplanner.compliance;
