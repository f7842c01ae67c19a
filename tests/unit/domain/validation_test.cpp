#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "domain/tags.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain {
namespace validation_test {

using testing::field_names;
using testing::make_project;
using testing::ymd;

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

const Date kToday = ymd(2022, 6, 30);

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

TEST(ValidateProject, AcceptsAValidProject) { EXPECT_TRUE(validate_project(make_project(), kToday).empty()); }

TEST(ValidateProject, AcceptsTheBoundaries) {
    Project p = make_project();
    p.code = std::string(40, 'A');
    p.name = repeat("项", 200);
    p.responsible_post = repeat("岗", 100);
    p.annual_planned_investment = p.total_investment;
    p.planned = {ymd(2022, 6, 1), ymd(2022, 6, 1), std::nullopt, ymd(2022, 6, 1)};
    p.actual.sign = kToday;
    p.tags = {};
    p.investor_ids = {};
    EXPECT_TRUE(validate_project(p, kToday).empty()) << field_names(validate_project(p, kToday)).at(0);
}

struct Case {
    std::string name;
    std::function<void(Project&)> change;
    std::vector<std::string> fields;
};

TEST(ValidateProject, NamesTheFieldOfEachProblem) {
    const Case cases[] = {
        {"empty code", [](Project& p) { p.code = ""; }, {"code"}},
        {"code with a space", [](Project& p) { p.code = "SX 2022"; }, {"code"}},
        {"code too long", [](Project& p) { p.code = std::string(41, 'A'); }, {"code"}},
        {"code with Chinese", [](Project& p) { p.code = "项目1"; }, {"code"}},
        {"empty name", [](Project& p) { p.name = ""; }, {"name"}},
        {"blank name", [](Project& p) { p.name = "   "; }, {"name"}},
        {"name too long", [](Project& p) { p.name = repeat("项", 201); }, {"name"}},
        {"name not UTF-8", [](Project& p) { p.name = "项目\xC0\xAF"; }, {"name"}},
        {"no zone", [](Project& p) { p.zone_id = 0; }, {"zone_id"}},
        {"negative zone", [](Project& p) { p.zone_id = -3; }, {"zone_id"}},
        {"no industry", [](Project& p) { p.industry_code = ""; }, {"industry"}},
        {"bad chain node", [](Project& p) { p.chain_node_id = 0; }, {"chain_node_id"}},
        {"zero investment",
         [](Project& p) {
             p.total_investment = Money();
             p.annual_planned_investment = Money();
         },
         {"total_investment"}},
        {"annual above total",
         [](Project& p) { p.annual_planned_investment = Money::from_fen(p.total_investment.fen() + 1); },
         {"annual_planned_investment"}},
        {"negative annual",
         [](Project& p) { p.annual_planned_investment = Money::from_fen(-1); },
         {"annual_planned_investment"}},
        {"negative output",
         [](Project& p) { p.expected_output_value = Money::from_fen(-1); },
         {"expected_output_value"}},
        {"negative tax", [](Project& p) { p.expected_tax = Money::from_fen(-1); }, {"expected_tax"}},
        {"negative jobs", [](Project& p) { p.expected_jobs = -1; }, {"expected_jobs"}},
        {"negative land", [](Project& p) { p.land_area_centimu = -1; }, {"land_area_mu"}},
        {"planned start before sign", [](Project& p) { p.planned.start = ymd(2022, 5, 1); }, {"planned.start"}},
        {"planned production before sign, start missing",
         [](Project& p) {
             p.planned.start.reset();
             p.planned.production = ymd(2022, 5, 1);
         },
         {"planned.production"}},
        {"planned capacity before production",
         [](Project& p) { p.planned.capacity = ymd(2023, 1, 1); },
         {"planned.capacity"}},
        {"actual start while only signed", [](Project& p) { p.actual.start = ymd(2022, 6, 10); }, {"actual.start"}},
        {"actual sign missing while started",
         [](Project& p) {
             p.stage = Stage::kStarted;
             p.actual = {std::nullopt, ymd(2022, 6, 10), std::nullopt, std::nullopt};
         },
         {"actual.sign"}},
        {"actual start missing while producing",
         [](Project& p) {
             p.stage = Stage::kProducing;
             p.actual.production = ymd(2022, 6, 10);
         },
         {"actual.start"}},
        {"actual start before actual sign",
         [](Project& p) {
             p.stage = Stage::kStarted;
             p.actual.start = ymd(2022, 5, 1);
         },
         {"actual.start"}},
        {"actual sign in the future", [](Project& p) { p.actual.sign = kToday.add_days(1); }, {"actual.sign"}},
        {"reserve with a sign date", [](Project& p) { p.stage = Stage::kReserve; }, {"actual.sign"}},
        {"post too long", [](Project& p) { p.responsible_post = repeat("岗", 101); }, {"responsible_post"}},
        {"post not UTF-8", [](Project& p) { p.responsible_post = "\xFF"; }, {"responsible_post"}},
        {"unit not UTF-8", [](Project& p) { p.responsible_unit = "\xED\xA0\x80"; }, {"responsible_unit"}},
        {"content not UTF-8", [](Project& p) { p.construction_content = "\x80"; }, {"construction_content"}},
        {"unknown tag",
         [](Project& p) {
             p.tags = {"provincial_key", "vip"};
         },
         {"tags"}},
        {"duplicate tag",
         [](Project& p) {
             p.tags = {"new_infrastructure", "new_infrastructure"};
         },
         {"tags"}},
        {"bad investor id",
         [](Project& p) {
             p.investor_ids = {11, 0};
         },
         {"investor_ids"}},
        {"duplicate investor",
         [](Project& p) {
             p.investor_ids = {11, 12, 11};
         },
         {"investor_ids"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Project p = make_project();
        c.change(p);
        const auto errors = validate_project(p, kToday);
        EXPECT_EQ(field_names(errors), c.fields);
        for (const auto& e : errors) {
            EXPECT_FALSE(e.message.zh.empty());
            EXPECT_FALSE(e.message.en.empty());
        }
    }
}

TEST(ValidateProject, ReportsEveryProblemAtOnce) {
    Project p = make_project();
    p.code = "bad code!";
    p.name = "";
    p.zone_id = 0;
    p.industry_code = "";
    p.total_investment = Money();  // annual planned is then not compared with it: one problem, one error
    p.expected_jobs = -5;
    p.planned.start = ymd(2022, 1, 1);
    p.stage = Stage::kStarted;  // actual.start missing
    p.actual.production = ymd(2022, 6, 2);
    p.tags = {"unknown"};
    p.investor_ids = {11, 11};
    const auto errors = validate_project(p, kToday);
    EXPECT_EQ(sorted(field_names(errors)),
              sorted({"code", "name", "zone_id", "industry", "investor_ids", "total_investment", "expected_jobs",
                      "planned.start", "actual.start", "actual.production", "tags"}));
}

TEST(ValidateProject, FutureAndOutOfOrderDatesAreBothReported) {
    Project p = make_project();
    p.stage = Stage::kStarted;
    p.actual.sign = kToday.add_days(10);
    p.actual.start = kToday.add_days(5);
    const std::vector<std::string> expected{"actual.sign", "actual.start", "actual.start"};
    EXPECT_EQ(field_names(validate_project(p, kToday)), expected);
}

TEST(ValidateProject, MessagesSayWhatIsWrong) {
    Project p = make_project();
    p.planned.start = ymd(2022, 5, 1);
    const auto errors = validate_project(p, kToday);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].message.zh.find("计划开工日期不能早于计划签约日期（2022-06-01）"), std::string::npos)
        << errors[0].message.zh;
    EXPECT_EQ(errors[0].message.en, "planned start is before planned sign (2022-06-01)");

    p = make_project();
    p.annual_planned_investment = Money::from_fen(p.total_investment.fen() + 100);
    EXPECT_NE(validate_project(p, kToday).at(0).message.zh.find("125000万元"), std::string::npos);

    p = make_project();
    p.tags = {"vip"};
    EXPECT_EQ(validate_project(p, kToday).at(0).message.en, "unknown project tag 'vip'");
    p.tags = {"\xFF"};
    EXPECT_EQ(validate_project(p, kToday).at(0).message.en, "unknown project tag");
}

TEST(KnownTags, ListsTheCampaignTags) {
    for (const std::string_view code :
         {"provincial_key", "new_infrastructure", "chain_extension", "foreign_investment", "hundred_million"}) {
        EXPECT_TRUE(is_known_tag(code)) << code;
    }
    EXPECT_FALSE(is_known_tag(""));
    EXPECT_FALSE(is_known_tag("Provincial_Key"));
    for (const auto& tag : known_tags()) {
        EXPECT_TRUE(is_known_tag(tag.code));
        EXPECT_FALSE(tag.label_zh.empty());
        EXPECT_FALSE(tag.label_en.empty());
    }
    const auto& tags = known_tags();
    const auto key = std::find_if(tags.begin(), tags.end(), [](const Tag& t) { return t.code == "provincial_key"; });
    ASSERT_NE(key, tags.end());
    EXPECT_EQ(key->label_zh, "省级重点项目");
}

}  // namespace validation_test
}  // namespace sanpi::domain
