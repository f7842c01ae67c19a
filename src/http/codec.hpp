#pragma once
// JSON shapes of the API (see docs/api.md): domain values out, request bodies in.
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/audit.hpp"
#include "domain/campaign.hpp"
#include "domain/dashboard.hpp"
#include "domain/enterprise.hpp"
#include "domain/industry.hpp"
#include "domain/project.hpp"
#include "domain/region.hpp"
#include "domain/zone.hpp"
#include "http/problem.hpp"
#include "service/campaign_workflow.hpp"
#include "service/coordination_service.hpp"
#include "service/enterprise_service.hpp"
#include "service/principal.hpp"
#include "service/project_patch.hpp"
#include "service/project_transition.hpp"
#include "store/store.hpp"

namespace sanpi::http {

boost::json::object to_json(const domain::Region& region);
boost::json::object to_json(const domain::Zone& zone);
boost::json::object to_json(const domain::Industry& industry);
// Only what identifies an enterprise: id, name, credit code (all public register information).
boost::json::object to_json(const domain::Enterprise& enterprise);
// A project as lists show it; project_detail_json adds what only details carry (funding, realised).
boost::json::object to_json(const domain::ProjectView& view);
// With the project's warning light when the view carries it: "light" and "light_reasons" (their
// words in `lang`).
boost::json::object project_detail_json(const domain::ProjectView& view, Lang lang = Lang::kZh);
boost::json::object to_json(const domain::StageChange& change);
boost::json::object to_json(const store::PlannedDateChangeEntry& entry);
boost::json::object to_json(const domain::Campaign& campaign);
// A summary's batches with their totals only (the dashboard's campaign); campaign_summary_json adds
// each batch's by_city, by_zone and by_industry (GET .../summary).
boost::json::object to_json(const domain::CampaignSummary& summary);
boost::json::object campaign_summary_json(const domain::CampaignSummary& summary);
boost::json::object to_json(const store::CampaignEntryView& view);
boost::json::object to_json(const domain::Dashboard& dashboard);
boost::json::object to_json(const service::Principal& who);  // the signed-in user
boost::json::object to_json(const service::CoordinationItemView& view);

boost::json::object to_json(const domain::AuditEntry& entry);
boost::json::object to_json(const store::AuditPage& page);  // {"items": [...], "next_before": seq | null}
// Unix seconds as China Standard Time with its offset: "2022-06-22T10:30:00+08:00".
std::string china_time(std::int64_t unix_seconds);

// Money travels as an exact decimal string of yuan: "1250000000", "1200000.5".
boost::json::string money_json(domain::Money money);
// Dates travel as "YYYY-MM-DD" or null.
boost::json::value date_json(const std::optional<domain::Date>& date);
// Optional text travels as a string or null.
boost::json::value optional_text(const std::optional<std::string>& text);
// Land area travels as a decimal string of 亩: "12", "12.5", "12.05".
std::string mu_decimal(std::int64_t centimu);

template <class T>
boost::json::object items_json(const std::vector<T>& items) {
    boost::json::array out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(to_json(item));
    return {{"items", std::move(out)}};
}

// Either the decoded value or the problem to answer with.
template <class T>
using Decoded = std::variant<T, Problem>;

// A JSON object body; anything else (syntax error, invalid UTF-8, an array) is a 400.
Decoded<boost::json::object> parse_object(std::string_view body);
// POST/PATCH body of a project. Wrong JSON types, unknown and read-only fields give 400;
// well-typed but unacceptable values (bad amount, bad date, stage without stage_date) give 422.
Decoded<service::ProjectPatch> decode_project_patch(std::string_view body);
// POST /projects/{id}/transitions body: "to" (a stage, or suspended / resumed / cancelled),
// "date", "evidence", "reason". Wrong types and unknown fields give 400; a missing or unknown
// "to" and a bad date give 422. What each kind of move requires is the service's to check.
Decoded<service::TransitionRequest> decode_transition(std::string_view body);
// POST /projects/{id}/coordination-items and PATCH /coordination-items/{id} body. Wrong JSON
// types, unknown and read-only fields give 400; an unknown category, level or status and a bad
// date give 422. What each use allows (no status on POST, ...) is the service's to check.
Decoded<service::CoordinationInput> decode_coordination_input(std::string_view body);
// POST /enterprises body: "name" and "credit_code", both strings. Wrong JSON types and unknown
// fields give 400; what the values must be is the service's to check (422).
Decoded<service::EnterpriseInput> decode_enterprise_input(std::string_view body);
// POST /campaigns and PATCH /campaigns/{id} body: name, date, year, sequence, venues, status.
// Wrong JSON types, unknown and read-only fields give 400; an unknown status, a bad date or a
// venue without name or region_code give 422. What each use allows is the service's to check.
Decoded<service::CampaignDraft> decode_campaign_draft(std::string_view body);
// POST /campaigns/{id}/entries body.
struct CampaignEntryInput {
    std::int64_t project_id = 0;
    domain::BatchKind batch = domain::BatchKind::kSign;
};
Decoded<CampaignEntryInput> decode_campaign_entry(std::string_view body);
boost::json::object to_json(const domain::CampaignChanges& changes);
// Rewrites field names in a service error to the API's names (industry_code -> industry, ...).
Error with_api_field_names(Error error);

}  // namespace sanpi::http
