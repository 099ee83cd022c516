/** File imports (POST /api/imports): CSV in UTF-8 or GBK, XLSX, GeoJSON, OSM PBF; all or nothing, upserting, datum-converting. */
package com.patrolplanner.importer;
