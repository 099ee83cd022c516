/** OGC API – Features (Parts 1, 2 and 4) under {@code /ogc}: the registers, zones, inspections and violations for GIS clients. */
package com.patrolplanner.ogc;
