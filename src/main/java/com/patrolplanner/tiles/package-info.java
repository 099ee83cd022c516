/** Mapbox vector tiles ({@code /tiles/{layer}/{z}/{x}/{y}.mvt}, ST_AsMVT) and TileJSON of the registers and zones, for large maps. */
package com.patrolplanner.tiles;
