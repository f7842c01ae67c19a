#pragma once
// Whole-record checks; every problem at once, each naming its field in Chinese and English.
#include <vector>

#include "domain/campaign.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

// Name present and <= 200 chars, code pattern, zone and industry set, money non-negative,
// annual planned <= total, planned dates in order, actual dates consistent with the stage and
// monotonic and not after `today`, jobs and land area non-negative, tags known; and the checks of
// validate_identity_and_commitments (national code, approval, statistics entry, code name, funding,
// capacity agreement).
std::vector<FieldError> validate_project(const Project& p, Date today);

}  // namespace sanpi::domain
