#pragma once
// Migration 19: zone rankings. The province's indicator weights as numbered versions (none stored
// means version 1, the defaults of domain/ranking.hpp; the first change stores version 2), and an
// index that finds the audit entries written after a moment, which figures asked "as of" a day
// rewind (service/as_of.hpp). Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0019Rankings = R"sql(
CREATE TABLE ranking_weights (
    version               BIGINT PRIMARY KEY,
    signed_investment     INTEGER NOT NULL,
    start_rate            INTEGER NOT NULL,
    production_rate       INTEGER NOT NULL,
    capacity_rate         INTEGER NOT NULL,
    investment_completion INTEGER NOT NULL,
    coordination_on_time  INTEGER NOT NULL,
    output_per_mu         INTEGER NOT NULL,
    tax_per_mu            INTEGER NOT NULL,
    created_by            BIGINT REFERENCES users (id),
    created_at            BIGINT NOT NULL
);

CREATE INDEX audit_log_type_at ON audit_log (entity_type, at);
)sql";

}  // namespace sanpi::store::migrations
