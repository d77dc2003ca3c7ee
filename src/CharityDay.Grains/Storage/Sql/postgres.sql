-- Charity Day Live schema for PostgreSQL. Applied at every start; every statement is idempotent.

-- Queries the Orleans ADO.NET providers look up by key at silo start.
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

-- Grain state. The provider hashes grain type and id; the clear values sit in the key so a hash
-- collision can never mix two grains. A missing key extension is stored as '' so the key is total.
CREATE TABLE IF NOT EXISTS orleansstorage
(
    serviceid              varchar(150) NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    grainidextensionstring varchar(512) NOT NULL DEFAULT '',
    payloadbinary          bytea        NULL,
    version                integer      NOT NULL,
    modifiedon             timestamptz  NOT NULL,
    PRIMARY KEY (serviceid, graintypehash, grainidhash, graintypestring, grainidn0, grainidn1, grainidextensionstring)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', '
SELECT payloadbinary AS "PayloadBinary", version AS "Version"
FROM orleansstorage
WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
  AND graintypestring = @GrainTypeString AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND grainidextensionstring = COALESCE(@GrainIdExtensionString::varchar, '''');
') ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Insert when new (expected version NULL), else update only when the stored version is the expected one.
-- Exactly one row comes back: the new version, or NULL when nothing changed (a concurrency conflict).
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', '
WITH applied AS (
    INSERT INTO orleansstorage (serviceid, graintypehash, graintypestring, grainidhash, grainidn0, grainidn1, grainidextensionstring, payloadbinary, version, modifiedon)
    VALUES (@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString::varchar, ''''), @PayloadBinary, 1, now())
    ON CONFLICT (serviceid, graintypehash, grainidhash, graintypestring, grainidn0, grainidn1, grainidextensionstring)
    DO UPDATE SET payloadbinary = excluded.payloadbinary, version = orleansstorage.version + 1, modifiedon = now()
    WHERE orleansstorage.version = @GrainStateVersion::integer
    RETURNING version
)
SELECT (SELECT version FROM applied) AS "NewGrainStateVersion";
') ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', '
WITH applied AS (
    UPDATE orleansstorage
    SET payloadbinary = NULL, version = version + 1, modifiedon = now()
    WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
      AND graintypestring = @GrainTypeString AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND grainidextensionstring = COALESCE(@GrainIdExtensionString::varchar, '''') AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT (SELECT version FROM applied) AS "NewGrainStateVersion";
') ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- The pledge ledger: append-only. A void is a new row (entry_kind 1) with the negated amount, so the
-- event's total is SUM(amount_fen) and its pledge count is pledges minus voids.
CREATE TABLE IF NOT EXISTS pledge_ledger
(
    entry_no       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       varchar(64)  NOT NULL,
    desk_id        varchar(64)  NOT NULL,
    sequence       bigint       NOT NULL,
    entry_kind     smallint     NOT NULL,
    pledge_id      varchar(64)  NOT NULL,
    channel        smallint     NOT NULL,
    amount_fen     bigint       NOT NULL,
    donor_name     varchar(200) NOT NULL,
    donor_kind     smallint     NOT NULL,
    anonymous      boolean      NOT NULL,
    representative varchar(200) NULL,
    note           varchar(500) NULL,
    actor          varchar(100) NOT NULL,
    recorded_at_ms bigint       NOT NULL,
    rehearsal_run  integer      NOT NULL DEFAULT 0,
    UNIQUE (event_id, pledge_id, entry_kind),
    UNIQUE (event_id, desk_id, sequence)
);

-- rehearsal_run: 0 for the real night, n for a row of the event's n-th rehearsal, which no real total,
-- export or audit counts. Ledgers made before rehearsals existed get the column here, their rows as 0.
-- Looked up first: even ADD COLUMN IF NOT EXISTS takes the table's exclusive lock, and a node restarting
-- on the night would then hold every desk's commit behind whatever read (a CSV export) is running.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'pledge_ledger' AND column_name = 'rehearsal_run') THEN
        ALTER TABLE pledge_ledger ADD COLUMN rehearsal_run integer NOT NULL DEFAULT 0;
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION pledge_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pledge_ledger is append-only: record a void instead';
END;
$$;

CREATE OR REPLACE TRIGGER pledge_ledger_append_only BEFORE UPDATE OR DELETE ON pledge_ledger
FOR EACH ROW EXECUTE FUNCTION pledge_ledger_refuse_change();

-- Each node's readiness check overwrites its own row: the database takes writes.
CREATE TABLE IF NOT EXISTS node_health
(
    node       varchar(100) NOT NULL PRIMARY KEY,
    checked_at bigint       NOT NULL
);

-- The total grain's rebuild reads an event's newest entries: without this it walks the whole ledger
-- backwards past every other event's rows.
CREATE INDEX IF NOT EXISTS pledge_ledger_event_entry ON pledge_ledger (event_id, entry_no);

-- Before a desk records a placard it asks whether any desk took the same donor and amount in the last
-- minutes. Only stage pledges enter this index, so the online donations' write path does not pay for it.
CREATE INDEX IF NOT EXISTS pledge_ledger_stage_amount ON pledge_ledger (event_id, amount_fen, recorded_at_ms)
    WHERE channel = 0 AND entry_kind = 0;

-- Online donation orders: created when a phone starts to give, paid when the payment provider's
-- signed notice arrives. Only a paid order reaches the ledger (as the pledge with the donation's id);
-- an order never paid by expires_at_ms stays here and never reaches a screen.
CREATE TABLE IF NOT EXISTS donation_orders
(
    out_trade_no     varchar(32)  NOT NULL PRIMARY KEY,
    event_id         varchar(64)  NOT NULL,
    donation_id      varchar(64)  NOT NULL,
    amount_fen       bigint       NOT NULL,
    donor_name       varchar(200) NOT NULL,
    anonymous        boolean      NOT NULL,
    message          varchar(500) NULL,
    created_at_ms    bigint       NOT NULL,
    expires_at_ms    bigint       NOT NULL,
    payment_kind     smallint     NULL,
    payment_url      varchar(1000) NULL,
    transaction_id   varchar(64)  NULL,
    paid_at_ms       bigint       NULL,
    UNIQUE (event_id, donation_id)
);

CREATE INDEX IF NOT EXISTS donation_orders_event_created ON donation_orders (event_id, created_at_ms);

-- Name moderation. One row per event: its moderation revision (moved by every decision and setting,
-- never back: the live total's version includes it) and whether stage names wait for the moderator.
CREATE TABLE IF NOT EXISTS moderation_events
(
    event_id       varchar(64) NOT NULL PRIMARY KEY,
    revision       bigint      NOT NULL,
    moderate_stage boolean     NOT NULL
);

-- The newest decision per pledge (the ledger keeps what the donor typed; this is only what screens show).
CREATE TABLE IF NOT EXISTS moderation_decisions
(
    event_id      varchar(64)  NOT NULL,
    pledge_id     varchar(64)  NOT NULL,
    state         smallint     NOT NULL,
    display_name  varchar(200) NULL,
    revision      bigint       NOT NULL,
    decided_by    varchar(100) NOT NULL,
    decided_at_ms bigint       NOT NULL,
    PRIMARY KEY (event_id, pledge_id)
);
