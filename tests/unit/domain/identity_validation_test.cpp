#include "domain/identity_validation.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "domain/validation.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain {
namespace identity_validation_test {

using testing::field_names;
using testing::make_project;
using testing::ymd;

const Date kToday = ymd(2024, 3, 1);

Money yuan(std::int64_t y) { return Money::from_yuan(y).value(); }

Approval approval_on(Date d) { return Approval{ApprovalKind::kFiling, d, "清徐县发展和改革局", "", std::nullopt}; }

// make_project (signed 2022-06-01, 12.5亿元) with every new field filled in consistently: started
// 2022-09-01, producing 2023-06-01.
Project make_full_project() {
    Project p = make_project();
    p.stage = Stage::kProducing;
    p.actual.start = ymd(2022, 9, 1);
    p.actual.production = ymd(2023, 6, 1);
    p.national_code = "2205-140121-89-01-346948";
    p.approval = approval_on(ymd(2022, 5, 20));
    p.stats_entry_date = ymd(2022, 10, 1);
    p.code_name = "A-07";
    p.funding = {{FundingSource::kSpecialBonds, yuan(250'000'000)}, {FundingSource::kOwnFunds, yuan(1'000'000'000)}};
    p.capacity_agreement = CapacityAgreement{yuan(2'000'000'000), yuan(80'000'000), 500, 25000};
    p.realised = {{2023, yuan(900'000'000), yuan(30'000'000), 260}};
    return p;
}

TEST(ValidateIdentityAndCommitments, AcceptsAProjectWithoutAnyOfThem) {
    EXPECT_TRUE(validate_identity_and_commitments(make_project(), kToday).empty());
}

TEST(ValidateIdentityAndCommitments, AcceptsAConsistentProject) {
    const auto errors = validate_identity_and_commitments(make_full_project(), kToday);
    EXPECT_TRUE(errors.empty()) << errors.at(0).field << ": " << errors.at(0).message.en;
    EXPECT_TRUE(validate_project(make_full_project(), kToday).empty());
}

TEST(ValidateIdentityAndCommitments, AcceptsTheBoundaries) {
    Project p = make_full_project();
    p.approval = approval_on(*p.actual.start);  // filed on the day construction started
    p.stats_entry_date = *p.actual.start;       // entered the same day
    p.national_code = "SX-FG-2016-001234";      // an older provincial code
    p.national_code_legacy = true;
    EXPECT_TRUE(validate_identity_and_commitments(p, kToday).empty());
    p.stats_entry_date = kToday;
    EXPECT_TRUE(validate_identity_and_commitments(p, kToday).empty());
}

struct Case {
    std::string name;
    std::function<void(Project&)> change;
    std::vector<std::string> fields;
};

TEST(ValidateIdentityAndCommitments, NamesTheFieldOfEachProblem) {
    const Case cases[] = {
        {"malformed national code",
         [](Project& p) { p.national_code = "2205-990100-89-01-346948"; },
         {"national_code"}},
        {"national code not normalised", [](Project& p) { p.national_code = "sx-fg-2016-001234"; }, {"national_code"}},
        {"legacy flag on a current code", [](Project& p) { p.national_code_legacy = true; }, {"national_code_legacy"}},
        {"legacy code without the flag",
         [](Project& p) { p.national_code = "2017-140000-34-03-012345"; },
         {"national_code_legacy"}},
        {"legacy flag without a code",
         [](Project& p) {
             p.national_code.clear();
             p.national_code_legacy = true;
         },
         {"national_code_legacy"}},
        {"approval after the start", [](Project& p) { p.approval = approval_on(ymd(2022, 9, 2)); }, {"approval.date"}},
        {"approval in the future",
         [](Project& p) {
             p.approval = approval_on(ymd(2024, 3, 2));
             p.actual = {ymd(2022, 6, 1), std::nullopt, std::nullopt, std::nullopt};
             p.stage = Stage::kSigned;
             p.stats_entry_date.reset();
             p.realised.clear();
         },
         {"approval.date"}},
        {"approval without authority", [](Project& p) { p.approval->authority.clear(); }, {"approval.authority"}},
        {"stats entry before the start",
         [](Project& p) { p.stats_entry_date = ymd(2022, 8, 31); },
         {"stats_entry_date"}},
        {"stats entry in the future", [](Project& p) { p.stats_entry_date = ymd(2024, 3, 2); }, {"stats_entry_date"}},
        {"stats entry without a start",
         [](Project& p) {
             p.actual = {ymd(2022, 6, 1), std::nullopt, std::nullopt, std::nullopt};
             p.stage = Stage::kSigned;
             p.realised.clear();
         },
         {"stats_entry_date"}},
        {"code name equal to the name", [](Project& p) { p.code_name = p.name; }, {"code_name"}},
        {"funding short of the total", [](Project& p) { p.funding.pop_back(); }, {"funding"}},
        {"funding source twice",
         [](Project& p) {
             p.funding = {{FundingSource::kOther, yuan(1)}, {FundingSource::kOther, yuan(1)}};
         },
         {"funding[1].source", "funding"}},
        {"negative commitment",
         [](Project& p) { p.capacity_agreement->tax = Money::from_fen(-1); },
         {"capacity_agreement.tax"}},
        {"realised before production", [](Project& p) { p.realised[0].year = 2022; }, {"realised[0].year"}},
        {"realised without production",
         [](Project& p) {
             p.actual.production.reset();
             p.stage = Stage::kStarted;
         },
         {"realised"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Project p = make_full_project();
        c.change(p);
        EXPECT_EQ(field_names(validate_identity_and_commitments(p, kToday)), c.fields);
    }
}

TEST(ValidateProject, IncludesTheIdentityAndCommitmentChecks) {
    Project p = make_full_project();
    p.funding.pop_back();
    p.stats_entry_date = ymd(2022, 8, 1);
    EXPECT_EQ(field_names(validate_project(p, kToday)), (std::vector<std::string>{"stats_entry_date", "funding"}));
}

}  // namespace identity_validation_test
}  // namespace sanpi::domain
