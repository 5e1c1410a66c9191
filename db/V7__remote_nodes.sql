-- Remote nodes. The panel's client certificate, which every agent it enrolls with pins: one row, shared by
-- all panel instances on this database (so any of them is the same panel to the agents).
CREATE TABLE panel_identity (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    private_key TEXT        NOT NULL,
    certificate TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The SHA-256 fingerprint of a remote node's agent certificate, pinned at enrollment (null for a node
-- reached by its Unix socket).
ALTER TABLE node ADD COLUMN agent_fingerprint VARCHAR(95);
