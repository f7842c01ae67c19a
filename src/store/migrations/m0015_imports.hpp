#pragma once
// Migration 15: imports of spreadsheets. Each upload is kept with its bytes, so a preview can be
// committed later (by any server) exactly as it was previewed, and every import stays on record:
// who, when, the file's name and BLAKE2b-256 checksum, and what it did. A commit moves the row
// from 'previewed' to 'committed' once; a second commit finds it committed.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0015Imports = R"sql(
CREATE TABLE imports (
    id             {{ID_PK}},
    kind           TEXT NOT NULL CONSTRAINT ck_import_kind CHECK (kind IN ('projects', 'reports', 'coordination', 'entries')),
    file_name      TEXT NOT NULL,
    checksum       TEXT NOT NULL CONSTRAINT ck_import_checksum CHECK (length(checksum) = 64),
    byte_size      BIGINT NOT NULL CONSTRAINT ck_import_size CHECK (byte_size > 0),
    content        {{BYTES}} NOT NULL,
    sheet          INTEGER NOT NULL DEFAULT 0,
    zone_id        BIGINT REFERENCES zones (id),
    status         TEXT NOT NULL DEFAULT 'previewed' CONSTRAINT ck_import_status CHECK (status IN ('previewed', 'committed')),
    created_by     BIGINT REFERENCES users (id),
    created_at     BIGINT NOT NULL,
    committed_at   BIGINT,
    rows_created   BIGINT NOT NULL DEFAULT 0,
    rows_updated   BIGINT NOT NULL DEFAULT 0,
    rows_unchanged BIGINT NOT NULL DEFAULT 0,
    rows_rejected  BIGINT NOT NULL DEFAULT 0,
    rows_repeated  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX imports_created_by ON imports (created_by, id);
)sql";

}  // namespace sanpi::store::migrations
