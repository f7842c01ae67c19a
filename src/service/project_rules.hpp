#pragma once
// Checks that need the store: the zone is in the caller's scope, the industry and investors
// exist. Pure field checks live in domain/validation.
#include <vector>

#include "domain/error.hpp"
#include "domain/project.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Province and zone users write projects; everyone else reads.
Result<void> require_project_writer(const Principal& who);

// Every reference problem at once, as field errors; a store failure is returned as the error.
Result<std::vector<FieldError>> check_references(store::Tx& tx, const Principal& who, const domain::Project& p);

}  // namespace sanpi::service
