#pragma once
// Migration 6: photos. A photo belongs to exactly one owner: a monthly report (形象进度照片) or a
// stage-change record of a pause or restart (evidence). The image and its JPEG thumbnail are kept
// in the database on both backends, so a backup, restore or copy carries them like any row.
// `digest` is the BLAKE2b-256 of `bytes` in hex: the strong ETag that downloads answer with.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0006Photos = R"sql(
CREATE TABLE photos (
    id              {{ID_PK}},
    project_id      BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    report_id       BIGINT REFERENCES progress_reports (id) ON DELETE CASCADE,
    stage_change_id BIGINT REFERENCES project_stage_changes (id) ON DELETE CASCADE,
    content_type    TEXT NOT NULL CONSTRAINT ck_photo_content_type
                    CHECK (content_type IN ('image/jpeg', 'image/png')),
    bytes           {{BYTES}} NOT NULL,
    thumbnail       {{BYTES}} NOT NULL,
    width           INTEGER NOT NULL CONSTRAINT ck_photo_width CHECK (width > 0),
    height          INTEGER NOT NULL CONSTRAINT ck_photo_height CHECK (height > 0),
    byte_size       BIGINT NOT NULL CONSTRAINT ck_photo_size CHECK (byte_size > 0 AND byte_size <= 5242880),
    digest          TEXT NOT NULL CONSTRAINT ck_photo_digest CHECK (length(digest) = 64),
    created_by      BIGINT REFERENCES users (id),
    created_at      BIGINT NOT NULL,
    CONSTRAINT ck_photo_owner CHECK ((report_id IS NULL) <> (stage_change_id IS NULL))
);
CREATE INDEX photos_report_id ON photos (report_id, id) WHERE report_id IS NOT NULL;
CREATE INDEX photos_stage_change_id ON photos (stage_change_id, id) WHERE stage_change_id IS NOT NULL;
CREATE INDEX photos_project_id ON photos (project_id, id);
)sql";

}  // namespace sanpi::store::migrations
