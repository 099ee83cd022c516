/** Online geocoding providers (Tianditu, Amap, Baidu, Nominatim): off by default, rate-limited, retried, cached in the database. */
package com.patrolplanner.geocode.provider;
