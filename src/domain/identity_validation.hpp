#pragma once
// Whole-record checks of what a project carries beside its core record: the national code, the
// approval, the statistics library entry, the code name, the funding breakdown and the capacity
// agreement with its realised figures. validate_project includes them; every field is optional,
// so a project that has none of them passes.
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

// national_code (when present) parses as ProjectCode, is stored as it normalises, and its legacy
// flag agrees; the approval passes validate_approval and predates the actual start (construction
// may begin only once approved or filed); stats_entry_date is not after `today` and, since
// projects enter the fixed-asset investment statistics once construction has started (开工后
// 入库), needs an actual start on or before it; the code name passes validate_code_name; the
// funding parts add up to total_investment; the capacity agreement and realised figures pass
// their checks.
std::vector<FieldError> validate_identity_and_commitments(const Project& p, Date today);

}  // namespace sanpi::domain
