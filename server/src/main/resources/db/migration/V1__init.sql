-- OnCaller schema, version 1.
-- Money is NUMERIC(19,6) (never floating point); time is timestamptz; public ids are
-- prefixed random SIDs (AC…, PJ…, SK…, PN…, TK…, RT…) so that ids leak nothing about volume.

CREATE TABLE account (
    id          VARCHAR(34)    PRIMARY KEY CHECK (id ~ '^AC[0-9a-f]{32}$'),
    name        VARCHAR(200)   NOT NULL,
    secret      VARCHAR(128)   NOT NULL,             -- signs account REST tokens (HS256)
    balance     NUMERIC(19, 6) NOT NULL DEFAULT 0,
    currency    VARCHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status      VARCHAR(16)    NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version     BIGINT         NOT NULL DEFAULT 0
);

CREATE TABLE project (
    id              VARCHAR(34)   PRIMARY KEY CHECK (id ~ '^PJ[0-9a-f]{32}$'),
    account_id      VARCHAR(34)   NOT NULL REFERENCES account (id),
    name            VARCHAR(200)  NOT NULL,
    api_key_sid     VARCHAR(34)   NOT NULL UNIQUE CHECK (api_key_sid ~ '^SK[0-9a-f]{32}$'),
    api_key_secret  VARCHAR(128)  NOT NULL,          -- signs client and project REST tokens (HS256)
    answer_url      VARCHAR(2048),
    event_url       VARCHAR(2048),
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX project_account_idx ON project (account_id, created_at DESC, id DESC);

CREATE TABLE sip_trunk (
    id          VARCHAR(34)   PRIMARY KEY CHECK (id ~ '^TK[0-9a-f]{32}$'),
    account_id  VARCHAR(34)   NOT NULL REFERENCES account (id),
    name        VARCHAR(200)  NOT NULL,
    host        VARCHAR(255)  NOT NULL,
    port        INTEGER       NOT NULL CHECK (port BETWEEN 1 AND 65535),
    transport   VARCHAR(3)    NOT NULL CHECK (transport IN ('UDP', 'TCP', 'TLS')),
    username    VARCHAR(128),                        -- digest credentials, optional, never returned
    password    VARCHAR(128),
    enabled     BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0,
    CHECK ((username IS NULL) = (password IS NULL))
);
CREATE INDEX sip_trunk_account_idx ON sip_trunk (account_id, created_at DESC, id DESC);

CREATE TABLE phone_number (
    id          VARCHAR(34)   PRIMARY KEY CHECK (id ~ '^PN[0-9a-f]{32}$'),
    number      VARCHAR(16)   NOT NULL UNIQUE CHECK (number ~ '^\+[1-9][0-9]{1,14}$'),   -- E.164
    account_id  VARCHAR(34)   NOT NULL REFERENCES account (id),
    project_id  VARCHAR(34)   REFERENCES project (id),
    answer_url  VARCHAR(2048),
    event_url   VARCHAR(2048),
    trunk_id    VARCHAR(34)   REFERENCES sip_trunk (id),
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX phone_number_account_idx ON phone_number (account_id, created_at DESC, id DESC);

-- A rate prices calls of one kind (INTERNAL = app to app, EXTERNAL = to a phone number) whose
-- destination starts with prefix; the longest matching prefix wins. App-to-app calls are free
-- unless an INTERNAL rate exists.
CREATE TABLE rate (
    id                          VARCHAR(34)    PRIMARY KEY CHECK (id ~ '^RT[0-9a-f]{32}$'),
    account_id                  VARCHAR(34)    NOT NULL REFERENCES account (id),
    call_type                   VARCHAR(8)     NOT NULL CHECK (call_type IN ('INTERNAL', 'EXTERNAL')),
    prefix                      VARCHAR(16)    NOT NULL CHECK (prefix ~ '^[0-9]*$'),
    price_per_minute            NUMERIC(19, 6) NOT NULL CHECK (price_per_minute >= 0),
    billing_increment_seconds   INTEGER        NOT NULL CHECK (billing_increment_seconds BETWEEN 1 AND 3600),
    connection_fee              NUMERIC(19, 6) NOT NULL DEFAULT 0 CHECK (connection_fee >= 0),
    currency                    VARCHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at                  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version                     BIGINT         NOT NULL DEFAULT 0,
    UNIQUE (account_id, call_type, prefix)
);

-- The live state of a call and, once it ends, its record: one row, so that the record can never
-- disagree with what happened.
CREATE TABLE call (
    id                      VARCHAR(64)    PRIMARY KEY,
    account_id              VARCHAR(34)    NOT NULL REFERENCES account (id),
    project_id              VARCHAR(34)    NOT NULL REFERENCES project (id),
    direction               VARCHAR(16)    NOT NULL CHECK (direction IN ('APP_TO_APP', 'APP_TO_PHONE', 'PHONE_TO_APP')),
    status                  VARCHAR(16)    NOT NULL CHECK (status IN ('CALLING', 'RINGING', 'ANSWERED', 'BUSY', 'ENDED')),
    from_number             VARCHAR(128)   NOT NULL,
    from_alias              VARCHAR(128),
    from_type               VARCHAR(16)    NOT NULL CHECK (from_type IN ('INTERNAL', 'EXTERNAL')),
    to_number               VARCHAR(128)   NOT NULL,
    to_alias                VARCHAR(128),
    to_type                 VARCHAR(16)    NOT NULL CHECK (to_type IN ('INTERNAL', 'EXTERNAL')),
    from_user_id            VARCHAR(128),
    caller_connection_id    VARCHAR(64),
    answered_device_id      VARCHAR(128),
    answered_connection_id  VARCHAR(64),
    video_call              BOOLEAN        NOT NULL DEFAULT FALSE,
    end_reason              VARCHAR(128),
    sip_code                INTEGER,
    created_at              TIMESTAMPTZ    NOT NULL DEFAULT now(),
    ringing_at              TIMESTAMPTZ,
    answered_at             TIMESTAMPTZ,
    ended_at                TIMESTAMPTZ,
    billed_seconds          INTEGER        CHECK (billed_seconds >= 0),
    cost                    NUMERIC(19, 6) CHECK (cost >= 0),
    currency                VARCHAR(3),
    trunk_id                VARCHAR(34)    REFERENCES sip_trunk (id),
    custom_data             TEXT,
    version                 BIGINT         NOT NULL DEFAULT 0
);
-- Call-record queries filter by tenant and time, newest first, and page by (created_at, id).
CREATE INDEX call_account_created_idx ON call (account_id, created_at DESC, id DESC);
CREATE INDEX call_project_created_idx ON call (project_id, created_at DESC, id DESC);
-- Live calls are few; recovery after a restart scans only them.
CREATE INDEX call_live_idx ON call (status) WHERE status IN ('CALLING', 'RINGING', 'ANSWERED');

-- The ledger: every balance change is a row written in the same transaction as the balance.
CREATE TABLE balance_transaction (
    id               BIGINT         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       VARCHAR(34)    NOT NULL REFERENCES account (id),
    call_id          VARCHAR(64)    REFERENCES call (id),
    kind             VARCHAR(16)    NOT NULL CHECK (kind IN ('TOP_UP', 'CALL_CHARGE', 'ADJUSTMENT')),
    amount           NUMERIC(19, 6) NOT NULL,
    balance_after    NUMERIC(19, 6) NOT NULL,
    idempotency_key  VARCHAR(128),
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX balance_transaction_account_idx ON balance_transaction (account_id, id DESC);
-- A call is charged at most once.
CREATE UNIQUE INDEX balance_transaction_call_charge_idx ON balance_transaction (call_id) WHERE kind = 'CALL_CHARGE';
