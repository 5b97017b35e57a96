/**
 * Schema migrations, applied in order at start. PRAGMA user_version records
 * how many have run, so a database file from an older build is upgraded in place.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE labs (
    id                      TEXT PRIMARY KEY,
    parent_lab_id           TEXT REFERENCES labs(id) ON DELETE CASCADE,
    created_at_ms           INTEGER NOT NULL,
    last_used_at_ms         INTEGER NOT NULL,
    clock_offset_seconds    INTEGER NOT NULL DEFAULT 0,
    clock_frozen_at_seconds INTEGER,
    settings_json           TEXT NOT NULL,
    iron_password           TEXT NOT NULL,
    jwt_alg                 TEXT NOT NULL,
    jwt_kid                 TEXT NOT NULL,
    jwt_key_json            TEXT NOT NULL,
    key_generation          INTEGER NOT NULL DEFAULT 1
  ) STRICT;
  CREATE INDEX labs_last_used ON labs(last_used_at_ms);
  CREATE INDEX labs_parent ON labs(parent_lab_id);

  CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    lab_id         TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    username       TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    demo_password  TEXT,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'user')),
    banned         INTEGER NOT NULL DEFAULT 0 CHECK (banned IN (0, 1)),
    token_version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (lab_id, username)
  ) STRICT;

  CREATE TABLE sessions (
    id_hash              TEXT PRIMARY KEY,
    lab_id               TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    user_id              INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at           INTEGER NOT NULL,
    last_seen_at         INTEGER NOT NULL,
    absolute_expires_at  INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE INDEX sessions_lab ON sessions(lab_id);

  CREATE TABLE jwt_denylist (
    lab_id      TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    jti         TEXT NOT NULL,
    expires_at  INTEGER NOT NULL,
    PRIMARY KEY (lab_id, jti)
  ) STRICT;

  CREATE TABLE refresh_tokens (
    token_hash   TEXT PRIMARY KEY,
    lab_id       TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    family_id    TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    rotated_at   INTEGER,
    revoked_at   INTEGER
  ) STRICT;
  CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id);
  CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);

  CREATE TABLE login_throttle (
    lab_id            TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    username          TEXT NOT NULL,
    failures          INTEGER NOT NULL,
    window_started_ms INTEGER NOT NULL,
    locked_until_ms   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (lab_id, username)
  ) STRICT;
  `,
  // Deleting a lab (the sweeper, every throwaway scenario lab) cascades into
  // refresh_tokens by lab_id: without an index each delete scans the table.
  `CREATE INDEX refresh_tokens_lab ON refresh_tokens(lab_id);`,
  // The lab journal (every request to a lab's API, from any client) and the
  // attacker's store of stolen copies. Both belong to the lab and go with it.
  // The journal's primary key is its (lab_id, seq) index: appends, pages and
  // the bound's trim all walk it. A stolen copy holds the raw cookie values on
  // purpose: it IS what an attacker's machine holds, and the lab replays it;
  // no endpoint ever answers with them.
  `
  CREATE TABLE lab_journal (
    lab_id           TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    actor            TEXT,
    method           TEXT NOT NULL,
    path             TEXT NOT NULL,
    strategy         TEXT,
    status           INTEGER NOT NULL,
    reason           TEXT,
    lookups          INTEGER,
    lab_at           INTEGER NOT NULL,
    real_at_ms       INTEGER NOT NULL,
    credential_hash  TEXT,
    username         TEXT,
    effect_json      TEXT,
    PRIMARY KEY (lab_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE lab_journal_marks (
    lab_id               TEXT PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
    cleared_through_seq  INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE stolen_copies (
    lab_id           TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    copy_no          INTEGER NOT NULL,
    strategy         TEXT NOT NULL,
    username         TEXT,
    stolen_at        INTEGER NOT NULL,
    cookies_json     TEXT NOT NULL,
    credential_hash  TEXT NOT NULL,
    last_json        TEXT,
    PRIMARY KEY (lab_id, copy_no)
  ) STRICT;
  `,
  // A lab keeps its last matrix run (lib/db/matrix-runs.ts). A row with
  // finished_at_ms NULL is a run in progress; the partial unique index lets a
  // lab have one at a time, whichever process or request asks.
  `
  CREATE TABLE matrix_runs (
    run_id          TEXT PRIMARY KEY,
    lab_id          TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    started_at_ms   INTEGER NOT NULL,
    finished_at_ms  INTEGER,
    settings_json   TEXT NOT NULL,
    report_json     TEXT
  ) STRICT;
  CREATE UNIQUE INDEX matrix_runs_one_running ON matrix_runs(lab_id) WHERE finished_at_ms IS NULL;
  CREATE INDEX matrix_runs_lab ON matrix_runs(lab_id, finished_at_ms);
  `,
  // Issue 13.4: refresh-token rows are bounded. The expired-row sweep that runs
  // on every refresh is a range scan of the expired rows only (it scanned all of
  // a lab's rows); refreshes are counted per family on real time, one row per
  // family, so a loop of refreshes cannot take the server's one thread.
  `
  CREATE INDEX refresh_tokens_lab_expiry ON refresh_tokens(lab_id, expires_at);
  CREATE TABLE refresh_rate_limits (
    lab_id             TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    family_id          TEXT NOT NULL,
    window_started_ms  INTEGER NOT NULL,
    refreshes          INTEGER NOT NULL,
    PRIMARY KEY (lab_id, family_id)
  ) STRICT;
  CREATE INDEX refresh_rate_limits_window ON refresh_rate_limits(lab_id, window_started_ms);
  `,
  // Issue 13.7: a user id is never reused. Without AUTOINCREMENT SQLite hands
  // out max(id)+1, so after the lab holding the newest user is deleted the
  // next user created anywhere gets that id again, and anything still naming
  // the old id (a JWT's sub, a log line) would name someone else. SQLite cannot
  // add AUTOINCREMENT in place: the table is rebuilt (its "12-step" procedure;
  // migrate() runs migrations with foreign keys off and checks them after).
  `
  CREATE TABLE users_autoincrement (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    lab_id         TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    username       TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    demo_password  TEXT,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'user')),
    banned         INTEGER NOT NULL DEFAULT 0 CHECK (banned IN (0, 1)),
    token_version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (lab_id, username)
  ) STRICT;
  INSERT INTO users_autoincrement (id, lab_id, username, password_hash, demo_password, role, banned, token_version)
    SELECT id, lab_id, username, password_hash, demo_password, role, banned, token_version FROM users;
  DROP TABLE users;
  ALTER TABLE users_autoincrement RENAME TO users;
  `,
  // Issue 12: a workshop room. The facilitator key and each participant's
  // cookie are stored as SHA-256 hashes (the raw values are 256-bit random:
  // a fast hash is enough, nothing to stretch). A participant owns one lab;
  // deleting the lab (the idle sweep) or the workshop takes the participant,
  // its mission marks and its answers with it. Solved marks are kept once seen:
  // a later "clear the timeline" must not take a solved mission back.
  `
  CREATE TABLE workshops (
    id                     TEXT PRIMARY KEY,
    join_code              TEXT NOT NULL UNIQUE,
    facilitator_key_hash   TEXT NOT NULL,
    title                  TEXT NOT NULL,
    language               TEXT NOT NULL CHECK (language IN ('en', 'ja')),
    expected_participants  INTEGER NOT NULL,
    capacity               INTEGER NOT NULL,
    created_at_ms          INTEGER NOT NULL,
    last_active_at_ms      INTEGER NOT NULL,
    closed_at_ms           INTEGER,
    anonymous_counter      INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX workshops_last_active ON workshops(last_active_at_ms);

  CREATE TABLE workshop_participants (
    id              TEXT PRIMARY KEY,
    workshop_id     TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    cookie_hash     TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    lab_id          TEXT NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
    joined_at_ms    INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX workshop_participants_workshop ON workshop_participants(workshop_id, joined_at_ms);
  CREATE INDEX workshop_participants_lab ON workshop_participants(lab_id);

  CREATE TABLE workshop_progress (
    participant_id  TEXT NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
    mission_id      TEXT NOT NULL,
    hints_revealed  INTEGER NOT NULL DEFAULT 0,
    solved_at_ms    INTEGER,
    PRIMARY KEY (participant_id, mission_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE workshop_predictions (
    participant_id  TEXT NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
    mission_id      TEXT NOT NULL,
    workshop_id     TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    answer          TEXT NOT NULL,
    answered_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (participant_id, mission_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX workshop_predictions_workshop ON workshop_predictions(workshop_id, mission_id);

  CREATE TABLE workshop_reveals (
    workshop_id     TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    mission_id      TEXT NOT NULL,
    revealed_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, mission_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE workshop_rate_limits (
    bucket             TEXT PRIMARY KEY,
    window_started_ms  INTEGER NOT NULL,
    count              INTEGER NOT NULL
  ) STRICT;
  `,
  // Issue 13.1: who a lab was created for, so live labs and creations can be
  // capped per client (lib/labs/admission.ts). `owner` is `client:<address>`
  // or `workshop:<id>`; a lab created before this migration has no row and
  // counts only against the global cap. Deleted with its lab.
  `
  CREATE TABLE lab_owners (
    lab_id         TEXT PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
    owner          TEXT NOT NULL,
    created_at_ms  INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX lab_owners_owner ON lab_owners(owner, created_at_ms);
  `,
  // Issue 14 (presets). The Firebase preset's "tokens valid after" mark, as a
  // generation per user: sign-out-everywhere, password change and ban move it
  // (a role change does not, as in Firebase); an ID token older than the mark
  // is refused when the server asks (checkRevoked). And one last matrix run
  // per set (strategies, presets), so running one never drops the other's.
  `
  ALTER TABLE users ADD COLUMN revocation_generation INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE matrix_runs ADD COLUMN run_set TEXT NOT NULL DEFAULT 'strategies';
  `,
  // Issue 14: the refresh-token table is shared by jwt-refresh and the presets
  // built on it (clerk-like). Each row names the strategy (or preset) that
  // issued it, so a token is traded only at its own …/{scope}/refresh — a
  // clerk-like refresh cookie is refused at …/jwt-refresh/refresh and the other
  // way round. Rows from before this migration were all issued by jwt-refresh
  // as far as anything can tell, so they keep that scope.
  `
  ALTER TABLE refresh_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'jwt-refresh';
  `,
];
