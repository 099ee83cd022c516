/** Address parsing and normalisation (Chinese and Western), free of I/O so that it is unit-tested on its own. */
package com.patrolplanner.geocode.parse;
