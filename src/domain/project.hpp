#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/approval.hpp"
#include "domain/capacity_agreement.hpp"
#include "domain/date.hpp"
#include "domain/funding.hpp"
#include "domain/light.hpp"
#include "domain/money.hpp"
#include "domain/stage.hpp"

namespace sanpi::domain {

// One date per milestone of the stage machine.
struct Milestones {
    std::optional<Date> sign;
    std::optional<Date> start;
    std::optional<Date> production;
    std::optional<Date> capacity;
    friend bool operator==(const Milestones&, const Milestones&) = default;
};

struct Project {
    std::int64_t id = 0;
    std::string code;                 // unique, e.g. "SX2022-140100-0001"
    std::string name;
    std::int64_t zone_id = 0;
    std::vector<std::int64_t> investor_ids;   // enterprise ids, first is the lead investor
    std::string industry_code;
    std::optional<std::int64_t> chain_node_id;
    Money total_investment;
    std::string construction_content;
    Milestones planned;
    Milestones actual;
    Stage stage = Stage::kReserve;
    ProjectStatus status = ProjectStatus::kActive;
    Money annual_planned_investment;
    Money expected_output_value;      // annual, at capacity
    Money expected_tax;               // annual, at capacity
    std::int32_t expected_jobs = 0;
    std::int64_t land_area_centimu = 0;   // land area in 0.01 亩, exact
    std::string responsible_unit;
    std::string responsible_post;     // a post (e.g. 管委会主任), never a person's name
    std::vector<std::string> tags;    // "provincial_key", "new_infrastructure", ...
    bool synthetic = false;
    std::int64_t version = 0;         // optimistic concurrency: bumped on every write

    // Official identity (all optional: empty or absent until known).
    std::string national_code;        // 项目代码 as ProjectCode::parse normalised it; empty: none yet
    bool national_code_legacy = false;  // ProjectCode::legacy() of national_code
    std::optional<Approval> approval;   // 审批 / 核准 / 备案
    std::optional<Date> stats_entry_date;  // entered the fixed-asset investment statistics (入库)
    std::string code_name;            // confidential 代号 of a reserve project; empty: none

    // Money and commitments.
    FundingBreakdown funding;         // 资金拼盘; empty: not broken down
    std::optional<CapacityAgreement> capacity_agreement;
    std::vector<AnnualRealisation> realised;  // per calendar year, from production on
};

// What lists and detail views show: the project plus names resolved in the same query.
struct ProjectView {
    Project project;
    std::string zone_name;
    std::string region_code;          // the zone's region
    std::string city_code;
    std::vector<std::string> investor_names;
    std::vector<std::string> investor_credit_codes;  // in the same order as the names
    // The project's warning light as stored, where the answer shows it (details and write answers;
    // lists leave it out).
    std::optional<ProjectLight> light;
};

// A change of stage or status kept in history; corrections (backward moves) carry a reason.
struct StageChange {
    std::int64_t project_id = 0;
    Stage from_stage = Stage::kReserve;
    Stage to_stage = Stage::kReserve;
    ProjectStatus from_status = ProjectStatus::kActive;
    ProjectStatus to_status = ProjectStatus::kActive;
    std::optional<Date> date;
    bool correction = false;
    std::string reason;
    std::int64_t id = 0;  // the history record's id once stored (0 before)
};

}  // namespace sanpi::domain
