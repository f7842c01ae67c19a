#pragma once
// Where a chain's figures are counted (service/chain_service.hpp): the area a request names,
// resolved against the dictionary and the caller's scope, and the presences turned into the
// domain's form.
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/chain_coverage.hpp"
#include "service/chain_service.hpp"
#include "service/clock.hpp"

namespace sanpi::service {

// kInvalidInput naming `region` (not six digits, not in the dictionary) or `zone` (no such zone in
// the caller's scope), or both given.
Result<ChainAreaView> resolve_chain_area(store::Tx& tx, const Principal& who, const ChainAreaRequest& at);

// The chain, or kNotFound.
Result<domain::Chain> load_chain(store::Tx& tx, std::int64_t chain_id);

// Province users only (kForbidden).
Result<void> require_province(const Principal& who);

// The chain at `expected_version`: kNotFound, or kConflict when it has moved on.
Result<domain::Chain> load_chain_at(store::Tx& tx, std::int64_t chain_id, std::int64_t expected_version);

// One audit entry of a chain write.
Result<void> record_chain_write(store::Tx& tx, const Clock& clock, const Principal& who, std::string_view action,
                                std::string_view entity, std::int64_t id, const domain::FieldValues& before,
                                const domain::FieldValues& after);

// Each row as a presence; `place` is its city code ("cities"), its zone id ("zones") or empty.
std::vector<domain::ChainPresence> as_presences(const std::vector<store::ChainPresenceRow>& rows,
                                                const std::string& neighbours);

// Project names replaced by code names where GET /projects/{id} shows the code name.
void mask_project_names(const Principal& who, std::vector<store::ChainPresenceRow>& rows);

}  // namespace sanpi::service
