/** Serving the map UI: its configuration endpoint, browser logout and the security headers of its pages. */
package com.patrolplanner.ui;
