-- Greeting files (issue 18): audio an account uploads for the SCCO's `play` action, kept in the
-- database so that every node can play it (each materializes it once into its media directory).
CREATE TABLE greeting_file (
    id            VARCHAR(34)   PRIMARY KEY CHECK (id ~ '^GF[0-9a-f]{32}$'),
    account_id    VARCHAR(34)   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name          VARCHAR(128)  NOT NULL,
    content_type  VARCHAR(16)   NOT NULL CHECK (content_type IN ('audio/wav', 'audio/mpeg')),
    size_bytes    INTEGER       NOT NULL CHECK (size_bytes > 0),
    sha256        CHAR(64)      NOT NULL,
    data          BYTEA         NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (account_id, name)
);
