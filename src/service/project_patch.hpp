#pragma once
// What a caller may set on a project: every field optional, so the same type serves create
// (absent = default) and PATCH (absent = unchanged). Parsed by the HTTP/import layers, applied
// and validated here as a whole.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/approval.hpp"
#include "domain/capacity_agreement.hpp"
#include "domain/date.hpp"
#include "domain/funding.hpp"
#include "domain/money.hpp"
#include "domain/project.hpp"
#include "domain/stage.hpp"
#include "domain/stage_machine.hpp"

namespace sanpi::service {

template <class T>
using Nullable = std::optional<std::optional<T>>;   // absent / explicit null / value

struct ProjectPatch {
    std::optional<std::string> code;
    std::optional<std::string> name;
    std::optional<std::int64_t> zone_id;
    std::optional<std::vector<std::int64_t>> investor_ids;
    std::optional<std::string> industry_code;
    Nullable<std::int64_t> chain_node_id;
    std::optional<domain::Money> total_investment;
    std::optional<std::string> construction_content;
    Nullable<domain::Date> planned_sign;
    Nullable<domain::Date> planned_start;
    Nullable<domain::Date> planned_production;
    Nullable<domain::Date> planned_capacity;
    std::optional<domain::Money> annual_planned_investment;
    std::optional<domain::Money> expected_output_value;
    std::optional<domain::Money> expected_tax;
    std::optional<std::int32_t> expected_jobs;
    std::optional<std::int64_t> land_area_centimu;
    std::optional<std::string> responsible_unit;
    std::optional<std::string> responsible_post;
    std::optional<std::vector<std::string>> tags;
    std::optional<domain::StageMove> stage_move;        // "stage" + "stage_date" (+ "correction_reason")
    std::optional<domain::ProjectStatus> status;        // "status" (+ "status_reason")
    std::string status_reason;

    // Identity and commitments. Texts: empty clears. Lists replace the whole list.
    std::optional<std::string> national_code;  // as typed; the service normalises it
    Nullable<domain::Approval> approval;
    Nullable<domain::Date> stats_entry_date;
    std::optional<std::string> code_name;
    std::optional<domain::FundingBreakdown> funding;
    Nullable<domain::CapacityAgreement> capacity_agreement;
    std::optional<std::vector<domain::AnnualRealisation>> realised;
    std::string planned_reason;  // why planned dates change; required for a slip
};

// Copies every present descriptive field onto the project. Stage and status are not touched:
// they change only through the stage machine.
void apply_fields(domain::Project& p, const ProjectPatch& patch);

}  // namespace sanpi::service
