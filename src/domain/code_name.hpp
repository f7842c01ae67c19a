#pragma once
// A reserve project may carry a confidential code name (代号): while the investor is still being
// courted, only the project's own zone and the province see the real name; everyone else (other
// zones, the cities — the zone's own city included —, supervisors, viewers) sees the code name
// until the project is signed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/project.hpp"
#include "domain/stage.hpp"
#include "domain/user.hpp"

namespace sanpi::domain {

enum class ShownName { kName, kCodeName };

// What the decision needs to know about the project.
struct CodeNameSubject {
    std::int64_t zone_id = 0;
    std::string_view zone_region_code;  // GB/T 2260 code of the zone's region, e.g. "140105"
    Stage stage = Stage::kReserve;
    std::string_view code_name;  // empty: the project has none
};

// kName when the project has no code name, has reached signing, or the viewer is a zone user of
// its zone (role zone, scope of that zone) or a province user whose scope covers its region;
// kCodeName otherwise. The role matters beside the scope: a supervisor or viewer with the
// province's scope is still not "the province".
ShownName shown_name(const CodeNameSubject& project, Role viewer_role, const Scope& viewer_scope);

// True when shown_name gives kName for every project inside `viewer_scope` (a zone user whose scope
// is its zone, a province user with a region-wide scope): such a viewer's lists need no masking.
bool sees_every_name(Role viewer_role, const Scope& viewer_scope);

// The name lists and details show for the viewer.
const std::string& displayed_name(const ProjectView& view, Role viewer_role, const Scope& viewer_scope);

// Empty is "no code name". Otherwise not blank, valid UTF-8, at most 50 characters, and not the
// project's name (which would reveal what it hides).
std::vector<FieldError> validate_code_name(std::string_view code_name, std::string_view name,
                                           std::string_view field = "code_name");

}  // namespace sanpi::domain
