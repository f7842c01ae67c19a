#pragma once
// Builders for domain tests: a valid project to mutate, and short ways to write dates.
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain::testing {

inline Date ymd(int year, int month, int day) { return Date::from_ymd(year, month, day).value(); }

// A project that passes validation: signed on 2022-06-01, planned through capacity.
inline Project make_project() {
    Project p;
    p.id = 7;
    p.code = "SX2022-140100-0001";
    p.name = "年产10万吨煤基新材料项目";
    p.zone_id = 3;
    p.investor_ids = {11, 12};
    p.industry_code = "coal_chemical";
    p.total_investment = Money::from_fen(12'5000'0000'00);  // 12.5亿元
    p.annual_planned_investment = Money::from_fen(3'0000'0000'00);
    p.planned = {ymd(2022, 6, 1), ymd(2022, 9, 1), ymd(2023, 12, 1), ymd(2024, 12, 1)};
    p.actual.sign = ymd(2022, 6, 1);
    p.stage = Stage::kSigned;
    p.expected_jobs = 300;
    p.land_area_centimu = 25000;
    p.responsible_post = "管委会主任";
    p.tags = {"provincial_key"};
    return p;
}

inline std::vector<std::string> field_names(const std::vector<FieldError>& errors) {
    std::vector<std::string> names;
    for (const auto& e : errors) names.push_back(e.field);
    return names;
}

// The single field error a parser returned. By value: result::error() returns a temporary.
inline FieldError only_field(const Error& e) { return e.fields.at(0); }

}  // namespace sanpi::domain::testing
