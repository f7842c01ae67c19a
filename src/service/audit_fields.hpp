#pragma once
// Each entity as the audit log sees it: field name -> value as text, diffed before -> after by
// domain::diff_fields. Names are the API's JSON names (nested ones dotted: "planned.start"), values
// the API's spellings: money as exact yuan ("1250000000", "1200000.5"), dates ISO, booleans
// true/false, lists comma-joined, enums by their stable name; an absent value is no value.
// Secrets never appear: a user's password hash is reported only as changed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/campaign.hpp"
#include "domain/coordination_item.hpp"
#include "domain/enterprise.hpp"
#include "domain/industry.hpp"
#include "domain/money.hpp"
#include "domain/progress_report.hpp"
#include "domain/project.hpp"
#include "domain/region.hpp"
#include "domain/user.hpp"
#include "domain/zone.hpp"

namespace sanpi::service {

std::string audit_text(domain::Money amount);
std::optional<std::string> audit_text(const std::optional<domain::Date>& date);
std::string audit_text(bool flag);
std::string audit_list(const std::vector<std::int64_t>& values);
std::string audit_list(const std::vector<std::string>& values);
std::string audit_centimu(std::int64_t centimu);  // 0.01 亩 as a decimal of 亩, like the API's land_area_mu

domain::FieldValues audit_fields(const domain::Project& p);
domain::FieldValues audit_fields(const domain::User& u);  // without the password
domain::FieldValues audit_fields(const domain::Zone& z);
domain::FieldValues audit_fields(const domain::Enterprise& e);
domain::FieldValues audit_fields(const domain::Campaign& c);
domain::FieldValues audit_fields(const domain::Region& r);
domain::FieldValues audit_fields(const domain::Industry& i);
// The lifecycle records (audit_fields_lifecycle.cpp): their content and review or workflow state;
// who reviewed is the entry's actor, not a field.
domain::FieldValues audit_fields(const domain::ProgressReport& r);
domain::FieldValues audit_fields(const domain::CoordinationItem& item);

// A user's changes (none before: created), with "password" when its hash changed: "(set)" on
// creation, "(hidden)" -> "(changed)" afterwards.
std::vector<domain::FieldChange> user_changes(const std::optional<domain::User>& before, const domain::User& after);

}  // namespace sanpi::service
