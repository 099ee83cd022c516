/** Gazetteer imports (kinds address-points and osm) plugged into POST /api/imports as ImportHandler beans. */
package com.patrolplanner.geocode.importer;
