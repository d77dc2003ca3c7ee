-- Charity Day Live schema for embedded SQLite. Applied at every start; every statement is idempotent.
PRAGMA journal_mode = WAL;

-- Queries the Orleans ADO.NET providers look up by key at silo start.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Grain state. The provider hashes grain type and id; the clear values sit in the key so a hash
-- collision can never mix two grains. A missing key extension is stored as '' so the key is total.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL DEFAULT '',
    PayloadBinary          BLOB    NULL,
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeHash, GrainIdHash, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''');
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Insert when new (expected version NULL), else update only when the stored version is the expected one.
-- The provider treats a NULL NewGrainStateVersion, or none at all, as an optimistic-concurrency conflict:
-- the second SELECT yields that NULL when the upsert changed nothing.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version, ModifiedOn)
VALUES (@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''))
ON CONFLICT (ServiceId, GrainTypeHash, GrainIdHash, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
DO UPDATE SET PayloadBinary = excluded.PayloadBinary, Version = OrleansStorage.Version + 1, ModifiedOn = excluded.ModifiedOn
WHERE OrleansStorage.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''') AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- The pledge ledger: append-only. A void is a new row (entry_kind 1) with the negated amount, so the
-- event's total is SUM(amount_fen) and its pledge count is pledges minus voids.
CREATE TABLE IF NOT EXISTS pledge_ledger
(
    entry_no       INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       TEXT    NOT NULL,
    desk_id        TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    entry_kind     INTEGER NOT NULL,
    pledge_id      TEXT    NOT NULL,
    channel        INTEGER NOT NULL,
    amount_fen     INTEGER NOT NULL,
    donor_name     TEXT    NOT NULL,
    donor_kind     INTEGER NOT NULL,
    anonymous      INTEGER NOT NULL,
    representative TEXT    NULL,
    note           TEXT    NULL,
    actor          TEXT    NOT NULL,
    recorded_at_ms INTEGER NOT NULL,
    rehearsal_run  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, pledge_id, entry_kind),
    UNIQUE (event_id, desk_id, sequence)
);
-- rehearsal_run: 0 for the real night, n for a row of the event's n-th rehearsal, which no real total,
-- export or audit counts. SQLite has no ADD COLUMN IF NOT EXISTS: LedgerColumns adds it to older files.

CREATE TRIGGER IF NOT EXISTS pledge_ledger_no_update BEFORE UPDATE ON pledge_ledger
BEGIN
    SELECT RAISE(ABORT, 'pledge_ledger is append-only: record a void instead');
END;

CREATE TRIGGER IF NOT EXISTS pledge_ledger_no_delete BEFORE DELETE ON pledge_ledger
BEGIN
    SELECT RAISE(ABORT, 'pledge_ledger is append-only: record a void instead');
END;

-- Each node's readiness check overwrites its own row: the database takes writes.
CREATE TABLE IF NOT EXISTS node_health
(
    node       TEXT    NOT NULL PRIMARY KEY,
    checked_at INTEGER NOT NULL
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
    out_trade_no     TEXT    NOT NULL PRIMARY KEY,
    event_id         TEXT    NOT NULL,
    donation_id      TEXT    NOT NULL,
    amount_fen       INTEGER NOT NULL,
    donor_name       TEXT    NOT NULL,
    anonymous        INTEGER NOT NULL,
    message          TEXT    NULL,
    created_at_ms    INTEGER NOT NULL,
    expires_at_ms    INTEGER NOT NULL,
    payment_kind     INTEGER NULL,
    payment_url      TEXT    NULL,
    transaction_id   TEXT    NULL,
    paid_at_ms       INTEGER NULL,
    UNIQUE (event_id, donation_id)
);

CREATE INDEX IF NOT EXISTS donation_orders_event_created ON donation_orders (event_id, created_at_ms);

-- Name moderation. One row per event: its moderation revision (moved by every decision and setting,
-- never back: the live total's version includes it) and whether stage names wait for the moderator.
CREATE TABLE IF NOT EXISTS moderation_events
(
    event_id       TEXT    NOT NULL PRIMARY KEY,
    revision       INTEGER NOT NULL,
    moderate_stage INTEGER NOT NULL
);

-- The newest decision per pledge (the ledger keeps what the donor typed; this is only what screens show).
CREATE TABLE IF NOT EXISTS moderation_decisions
(
    event_id      TEXT    NOT NULL,
    pledge_id     TEXT    NOT NULL,
    state         INTEGER NOT NULL,
    display_name  TEXT    NULL,
    revision      INTEGER NOT NULL,
    decided_by    TEXT    NOT NULL,
    decided_at_ms INTEGER NOT NULL,
    PRIMARY KEY (event_id, pledge_id)
);
