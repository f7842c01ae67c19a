#pragma once
// A project's warning light (亮灯): the pure evaluation of its facts against the rules as of a day,
// and each reason in words. Green: no rule fires; otherwise the worst reason's colour.
//
// Only active projects are watched: a suspended (停缓建) or cancelled project is green, since its
// schedule no longer runs. Days count as dates in Asia/Shanghai (the caller's `today`): a
// deadline day itself is still on time, the day after is the first day overdue.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/approval.hpp"
#include "domain/capacity_agreement.hpp"
#include "domain/date.hpp"
#include "domain/light.hpp"
#include "domain/money.hpp"
#include "domain/month.hpp"
#include "domain/project.hpp"
#include "domain/stage.hpp"
#include "domain/warning_rules.hpp"

namespace sanpi::domain {

// What the rules look at, read in one query.
struct LightFacts {
    std::int64_t project_id = 0;
    Stage stage = Stage::kReserve;
    ProjectStatus status = ProjectStatus::kActive;
    Milestones planned;
    Milestones actual;
    Money total_investment;
    std::optional<Date> stats_entry_date;
    std::optional<Approval> approval;
    std::optional<CapacityAgreement> agreement;
    std::optional<AnnualRealisation> latest_realised;  // the latest year on record
    Money approved_investment;                          // cumulative, approved reports only
    std::optional<Month> last_approved_month;
    std::int64_t overdue_items = 0;                     // unsettled coordination items past their deadline
    std::optional<Date> earliest_overdue_deadline;
};

ProjectLight evaluate_light(const LightFacts& facts, const WarningRules& rules, Date today);

// The facts of a project that has no reports and no coordination items yet (a new one): all of them
// are on the record itself.
LightFacts facts_of_new(const Project& p);

// The reason in words, with its numbers: "计划开工日期2022-03-01已过45天仍未开工".
std::string reason_text_zh(const LightReason& reason);
std::string reason_text_en(const LightReason& reason);

// The stored form of reasons ("rule:light:p1,p2;rule:light:..."), and back. decode is lenient
// only in what encode never writes: an unknown rule or light is dropped.
std::string encode_reasons(const std::vector<LightReason>& reasons);
std::vector<LightReason> decode_reasons(std::string_view text);

}  // namespace sanpi::domain
