#pragma once
// Where a chain's figures are counted (service/chain_service.hpp): the area a request names,
// resolved against the dictionary and the caller's scope, and the presences turned into the
// domain's form.
#include <string>
#include <vector>

#include "domain/chain_coverage.hpp"
#include "service/chain_service.hpp"

namespace sanpi::service {

// kInvalidInput naming `region` (not six digits, not in the dictionary) or `zone` (no such zone in
// the caller's scope), or both given.
Result<ChainAreaView> resolve_chain_area(store::Tx& tx, const Principal& who, const ChainAreaRequest& at);

// The chain, or kNotFound.
Result<domain::Chain> load_chain(store::Tx& tx, std::int64_t chain_id);

// Each row as a presence; `place` is its city code ("cities"), its zone id ("zones") or empty.
std::vector<domain::ChainPresence> as_presences(const std::vector<store::ChainPresenceRow>& rows,
                                                const std::string& neighbours);

// Project names replaced by code names where GET /projects/{id} shows the code name.
void mask_project_names(const Principal& who, std::vector<store::ChainPresenceRow>& rows);

}  // namespace sanpi::service
