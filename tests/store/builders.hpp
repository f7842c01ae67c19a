#pragma once
// Test data builders: each returns a valid record with sensible defaults; tests override only
// the fields they are about.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/enterprise.hpp"
#include "domain/industry.hpp"
#include "domain/project.hpp"
#include "domain/region.hpp"
#include "domain/user.hpp"
#include "domain/zone.hpp"

namespace sanpi::store_test {

inline domain::RegionCode region_code(std::string_view code) { return domain::RegionCode::parse(code).value(); }

inline domain::Date date(int year, int month, int day) { return domain::Date::from_ymd(year, month, day).value(); }

inline domain::Region make_region(std::string_view code, std::string name_zh, std::string name_en) {
    std::string slug = name_en;
    for (char& c : slug) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return domain::Region{region_code(code), std::move(name_zh), std::move(name_en), std::move(slug)};
}

inline domain::Industry make_industry(std::string code, int sort_order = 1) {
    return domain::Industry{code, code + "（中文）", code + " (en)", sort_order};
}

inline domain::Zone make_zone(std::string code, std::string_view region = "140100") {
    return domain::Zone{.id = 0,
                        .code = code,
                        .name = code + "开发区",
                        .level = domain::ZoneLevel::kNationalEtdz,
                        .region = region_code(region),
                        .leading_industries = {"new_materials", "coal_chemical"},
                        .slug = "zone-" + code};
}

// A valid unified social credit code, different for every serial.
inline domain::CreditCode credit_code(int serial) {
    std::string first17 = "91140100MA0";
    const std::string digits = std::to_string(100000 + serial);
    first17 += digits.substr(digits.size() - 6);
    return domain::CreditCode::parse(first17 + *domain::CreditCode::check_character(first17)).value();
}

inline domain::Enterprise make_enterprise(std::string name, int serial) {
    return domain::Enterprise{.id = 0,
                              .name = std::move(name),
                              .credit_code = credit_code(serial),
                              .ownership = domain::Ownership::kPrivate,
                              .chain_role = domain::ChainRole::kNone,
                              .synthetic = true};
}

inline domain::Project make_project(std::string code, std::int64_t zone_id, std::vector<std::int64_t> investors = {},
                                    std::string industry = "new_materials") {
    domain::Project p;
    p.code = std::move(code);
    p.name = "项目 " + p.code;
    p.zone_id = zone_id;
    p.investor_ids = std::move(investors);
    p.industry_code = std::move(industry);
    p.total_investment = domain::Money::from_fen(1'000'000'00);
    p.construction_content = "厂房及生产线";
    p.planned.sign = date(2022, 3, 1);
    p.planned.start = date(2022, 6, 1);
    p.stage = domain::Stage::kSigned;
    p.actual.sign = date(2022, 3, 15);
    p.annual_planned_investment = domain::Money::from_fen(300'000'00);
    p.responsible_unit = "管委会招商局";
    p.responsible_post = "管委会主任";
    p.tags = {"provincial_key"};
    p.synthetic = true;
    return p;
}

inline domain::User make_user(std::string name, domain::Role role = domain::Role::kProvince) {
    domain::User u;
    u.name = std::move(name);
    u.role = role;
    u.region = region_code("140000");
    u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    return u;
}

inline domain::Campaign make_campaign(std::string name, domain::Date when = date(2022, 6, 22)) {
    domain::Campaign c;
    c.name = std::move(name);
    c.date = when;
    c.year = when.year();
    // (year, sequence) is unique; a test makes a few campaigns at most, beside the demo's 2022 #2.
    static int made = 0;
    c.sequence = 50 + ++made % 49;
    c.venues = {{"主会场", "140000", true}, {"太原分会场", "140100", false}, {"大同分会场", "140200", false}};
    return c;
}

}  // namespace sanpi::store_test
