/** The bureau's clock (China Standard Time): one zone constant for every capability. Uses nothing of ours. */
package com.patrolplanner.time;
