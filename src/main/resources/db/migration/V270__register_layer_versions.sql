-- Issue 18 point 1 (branch load): the venue and school layers are kept in memory per scope (registry.RegisterLayers)
-- and must be retired by a write to their own table only, not by every inspection. A sequence per table, advanced in
-- the writing transaction by a statement trigger (as V180's data_version, which stays as it is), lets a reader see in
-- one small query whether anything of that table was written since its copy was made, whichever process or tool wrote
-- (service, set-based import, psql). V180's notification (payload = table name) still retires a copy made between the
-- writer's nextval and its commit.
CREATE SEQUENCE data_version_venue;
CREATE SEQUENCE data_version_school;

CREATE FUNCTION data_version_table_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('pp.data_version_' || TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER data_version_venue_own AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON venue
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_table_bump();
CREATE TRIGGER data_version_school_own AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON school
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_table_bump();

-- The school layer's box test is on the campus when there is one, else the point (RegisterQueries): an index on exactly
-- that expression, for the filtered lists that are still answered by SQL.
CREATE INDEX school_shape_gix ON school USING gist ((coalesce(campus::geometry, geom)));
