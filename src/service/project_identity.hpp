#pragma once
// The service's part in a project's official identity and commitments: the national code written
// in its normal form, the checks that need the store (the code's region exists), the history of
// planned dates, and what a viewer outside the zone and the province sees of a reserve project
// with a code name. The rules themselves are the domain's (project_code, code_name,
// planned_date_change, identity_validation).
#include <string_view>
#include <vector>

#include "domain/code_name.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/planned_date_change.hpp"
#include "domain/project.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Writes a national code that parses in its normal form with the matching legacy flag (one that
// does not parse is left as typed for validation to report), and orders realised figures by year.
void normalise_identity(domain::Project& p, domain::Date today);

// The region inside the national code must exist in the region table (field national_code).
Result<std::vector<FieldError>> check_identity_references(store::Tx& tx, const domain::Project& p, domain::Date today);

// Keeps the changes domain::planned_date_changes found in the project's planned-date history.
Result<void> save_planned_date_changes(store::Tx& tx, const std::vector<domain::PlannedDateChange>& changes);

// True when the viewer sees every project in its scope by its name (lists need no masking).
bool sees_every_name(const Principal& who);

// True when `who` is shown the project's code name in place of its name (domain::shown_name): the
// one decision behind show_to and behind the project name that the records belonging to a project
// carry (coordination items, monthly reports), so that they name it as GET /projects/{id} does.
bool shows_code_name(const Principal& who, const domain::CodeNameSubject& project);

// What the viewer may see: a reserve project whose code name stands in for its name (outside its
// zone and the province) shows the code name as its name, and neither its investors, its national
// code, its approval nor its construction content, which would reveal what the code name hides.
void show_to(const Principal& who, domain::ProjectView& view);

}  // namespace sanpi::service
