#pragma once
// Migration 9: one number that grows whenever something a dashboard or campaign summary shows
// changes (a kept figure, a zone, a region or industry name, a campaign). Servers keep answers
// they have computed, each with the number it was computed at, and reuse an answer while the
// number read in the request's own snapshot is still the same, so an unchanged dashboard costs one
// row read and several servers on one PostgreSQL never serve each other's stale answers.
//
// Writers raise it as their last statement before COMMIT, so the row is held only while
// committing. Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0009FiguresGeneration = R"sql(
CREATE TABLE figures_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO figures_generation (id, generation) VALUES (1, 1);
)sql";

}  // namespace sanpi::store::migrations
