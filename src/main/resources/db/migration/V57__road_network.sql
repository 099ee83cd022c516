-- Drivable road graph imported from OpenStreetMap (import kind `roads`), for campaigns travelling on the road network.
-- Nodes are the OSM nodes where ways meet or end; edges the way pieces between them. An edge is always stored in a
-- direction it may be driven: a one-way edge (oneway) only from from_node to to_node, a two-way edge both ways.
-- A source (roads:<file name>) is replaced as a whole on re-import.
CREATE TABLE road_node (
    source text NOT NULL,
    id     bigint NOT NULL,                -- OSM node id
    geom   geometry(Point, 4326) NOT NULL,
    -- in the largest strongly connected component of the source: points snap only to these, so that a venue is not
    -- tied to an island of service roads or a one-way trap
    connected boolean NOT NULL,
    PRIMARY KEY (source, id)
);
CREATE INDEX road_node_geom_idx ON road_node USING gist (geom);
CREATE INDEX road_node_geog_idx ON road_node USING gist ((geom::geography));

CREATE TABLE road_edge (
    id        bigserial PRIMARY KEY,
    source    text NOT NULL,
    way_id    bigint NOT NULL,             -- OSM way id
    from_node bigint NOT NULL,
    to_node   bigint NOT NULL,
    length_m  double precision NOT NULL CHECK (length_m >= 0),
    speed_kmh double precision NOT NULL CHECK (speed_kmh > 0),
    oneway    boolean NOT NULL,
    highway   text NOT NULL,
    geom      geometry(LineString, 4326) NOT NULL,
    FOREIGN KEY (source, from_node) REFERENCES road_node (source, id) ON DELETE CASCADE,
    FOREIGN KEY (source, to_node) REFERENCES road_node (source, id) ON DELETE CASCADE
);
CREATE INDEX road_edge_source_idx ON road_edge (source);
CREATE INDEX road_edge_geom_idx ON road_edge USING gist (geom);

ALTER TABLE campaign ADD COLUMN travel text NOT NULL DEFAULT 'GREAT_CIRCLE'
    CHECK (travel IN ('GREAT_CIRCLE', 'ROAD_NETWORK'));
