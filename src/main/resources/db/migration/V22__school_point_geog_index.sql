-- Schools without a campus are measured from their point (approximate verdicts). A partial GiST index on exactly those
-- points: without it the planner ANDs school_geog_gix with a scan of school_campus_gix for "campus IS NULL", which
-- reads every campus-less school on each probe and made the national join several times slower.
CREATE INDEX school_nocampus_geog_gix ON school USING gist ((geom::geography)) WHERE campus IS NULL;
