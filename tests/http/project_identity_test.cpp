// The project's official identity and commitments through the API: national code, approval,
// statistics entry, funding, capacity agreement, realised figures and planned-date history.
#include "domain/approval.hpp"
#include "domain/capacity_agreement.hpp"
#include "identity_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using domain::Money;

Money yuan(std::int64_t n) { return Money::from_fen(n * 100); }

// A producing project (reached on 2022-12-01) with every identity and commitment field.
json::object producing_fields(const std::string& code) {
    return {{"stage", "producing"},
            {"stage_date", "2022-12-01"},
            {"national_code", code},
            {"approval",
             {{"kind", "verification"},
              {"date", "2022-10-01"},
              {"authority", "太原市行政审批服务管理局"},
              {"document_number", "并审管核准〔2022〕12号"}}},
            {"stats_entry_date", "2022-12-20"},
            {"funding", json::array{{{"source", "own_funds"}, {"amount", "7.5亿元"}},
                                    {{"source", "bank_loans"}, {"amount", "40000万元"}},
                                    {{"source", "special_bonds"}, {"amount", 100000000}}}},
            {"capacity_agreement",
             {{"output_value", "5亿元"}, {"tax", "3000万元"}, {"jobs", 300}, {"land_area_mu", "120.5"}}},
            {"realised", json::array{{{"year", 2023}, {"output_value", "4亿元"}, {"tax", "2100万元"}, {"jobs", 240}}}}};
}

class ProjectIdentityTest : public IdentityTest {};

TEST_P(ProjectIdentityTest, CreateStoresAndAnswersEveryField) {
    const auto code = national_code(101);
    auto fields = producing_fields(code);
    auto b = body();
    for (const auto& [key, value] : fields) b[key] = value;
    auto res = writer()->post("/api/v1/projects", b);
    ASSERT_EQ(res.status, 201) << res.body;
    const auto p = res.json().as_object();
    EXPECT_EQ(p.at("national_code").as_string(), code);
    EXPECT_EQ(p.at("national_code_legacy"), false);
    const auto& approval = p.at("approval").as_object();
    EXPECT_EQ(approval.at("kind"), "verification");
    EXPECT_EQ(approval.at("date"), "2022-10-01");
    EXPECT_EQ(approval.at("authority"), "太原市行政审批服务管理局");
    EXPECT_EQ(approval.at("document_number"), "并审管核准〔2022〕12号");
    EXPECT_TRUE(approval.at("extension").is_null());
    EXPECT_EQ(approval.at("start_deadline"), "2024-10-01");  // two years after the decision
    EXPECT_EQ(approval.at("lapse_date"), "2024-10-02");
    EXPECT_EQ(p.at("stats_entry_date"), "2022-12-20");
    EXPECT_TRUE(p.at("code_name").is_null());
    const auto& funding = p.at("funding").as_array();
    ASSERT_EQ(funding.size(), 3u);
    EXPECT_EQ(funding[0].at("source"), "own_funds");  // in the order given
    EXPECT_EQ(funding[0].at("amount"), "750000000");
    EXPECT_EQ(funding[1].at("amount"), "400000000");
    EXPECT_EQ(funding[2].at("amount"), "100000000");
    const auto& agreement = p.at("capacity_agreement").as_object();
    const domain::CapacityAgreement expected{yuan(500'000'000), yuan(30'000'000), 300, 12'050};
    EXPECT_EQ(agreement.at("output_value"), "500000000");
    EXPECT_EQ(agreement.at("land_area_mu"), "120.5");
    EXPECT_EQ(agreement.at("output_per_mu").as_string(),
              domain::committed_output_per_mu(expected)->to_decimal(domain::MoneyUnit::kYuan));
    EXPECT_EQ(agreement.at("tax_per_mu"), "248962.66");  // 30,000,000 / 120.5, to the fen
    const auto& year = p.at("realised").as_array().at(0).as_object();
    EXPECT_EQ(year.at("year"), 2023);
    EXPECT_EQ(year.at("output_value"), "400000000");
    EXPECT_EQ(year.at("output_share_bp"), 8000);  // 4亿 of 5亿
    EXPECT_EQ(year.at("tax_share_bp"), 7000);
    EXPECT_EQ(year.at("jobs_share_bp"), 8000);
    EXPECT_EQ(year.at("tax_per_mu").as_string(),
              domain::per_mu(yuan(21'000'000), 12'050)->to_decimal(domain::MoneyUnit::kYuan));
    // What was answered is what is stored and read back.
    EXPECT_EQ(as("province")->get(path(p.at("id").as_int64())).json(), res.json());
}

TEST_P(ProjectIdentityTest, NationalCodesAreStoredNormalisedAndFoundBySearch) {
    const auto code = national_code(102);
    // A full-width digit and an en dash, as pasted from a document.
    const std::string typed = "\xEF\xBC\x92" + code.substr(1, 3) + "\xE2\x80\x93" + code.substr(5);
    const auto id = create_with({{"national_code", " " + typed + " "}});
    EXPECT_EQ(read_project(id).project.national_code, code);
    auto client = as("province");
    auto exact = client->get("/api/v1/projects?national_code=" + code);
    ASSERT_EQ(exact.status, 200) << exact.body;
    ASSERT_EQ(exact.json().at("total"), 1);
    const auto item = exact.json().at("items").at(0).as_object();
    EXPECT_EQ(item.at("id"), id);
    EXPECT_EQ(item.at("national_code").as_string(), code);
    EXPECT_FALSE(item.contains("funding"));  // lists do not carry the breakdown
    auto folded = client->get("/api/v1/projects?national_code=%EF%BC%92" + code.substr(1));  // full-width 2
    EXPECT_EQ(folded.json().at("total"), 1);
    auto part = client->get("/api/v1/projects?q=" + code.substr(12));
    EXPECT_EQ(part.json().at("total"), 1);
    EXPECT_EQ(client->get("/api/v1/projects?national_code=%20").status, 400);
}

TEST_P(ProjectIdentityTest, OlderLayoutsAreKeptWithTheLegacyFlag) {
    const auto id = create();
    auto res = patch(id, {{"national_code", "2019-" + region_ + "-99-01-000103"}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("national_code_legacy"), true);
    res = patch(id, {{"national_code", "gf2019-0001234"}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("national_code"), "GF2019-0001234");
    EXPECT_EQ(res.json().at("national_code_legacy"), true);
    res = patch(id, {{"national_code", nullptr}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_TRUE(res.json().at("national_code").is_null());
    EXPECT_EQ(res.json().at("national_code_legacy"), false);
}

TEST_P(ProjectIdentityTest, ApprovalExtensionsAndClearingFields) {
    const auto id = create_with({{"code_name", "代号·测试"}});
    auto res = patch(id, {{"approval",
                           {{"kind", "filing"},
                            {"date", "2021-06-01"},
                            {"authority", "太原市行政审批服务管理局"},
                            {"extension", {{"granted_on", "2023-05-01"}, {"start_by", "2024-03-01"}}}}},
                          {"funding", json::array{{{"source", "own_funds"}, {"amount", "12.5亿元"}}}},
                          {"capacity_agreement", {{"output_value", "1亿元"}, {"tax", "500万元"}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    const auto approval = res.json().at("approval");
    EXPECT_EQ(approval.at("document_number"), "");
    EXPECT_EQ(approval.at("extension").at("start_by"), "2024-03-01");
    EXPECT_EQ(approval.at("start_deadline"), "2024-03-01");
    EXPECT_EQ(res.json().at("capacity_agreement").at("jobs"), 0);
    EXPECT_TRUE(res.json().at("capacity_agreement").at("output_per_mu").is_null());  // no land agreed
    res = patch(
        id,
        {{"approval", nullptr}, {"funding", json::array{}}, {"capacity_agreement", nullptr}, {"code_name", nullptr}});
    ASSERT_EQ(res.status, 200) << res.body;
    for (const char* key : {"approval", "capacity_agreement", "code_name"}) EXPECT_TRUE(res.json().at(key).is_null());
    EXPECT_TRUE(res.json().at("funding").as_array().empty());
    const auto stored = read_project(id).project;
    EXPECT_FALSE(stored.approval);
    EXPECT_TRUE(stored.funding.empty());
    EXPECT_EQ(stored.code_name, "");
}

TEST_P(ProjectIdentityTest, PlannedDateChangesAreKeptInHistory) {
    const auto id = create();  // planned start 2024-06-01, no planned production
    auto res = patch(id, {{"planned", {{"start", "2024-09-01"}}}, {"planned_reason", "土地征收延期"}});
    ASSERT_EQ(res.status, 200) << res.body;
    ASSERT_EQ(patch(id, {{"planned", {{"start", "2024-08-01"}, {"production", "2025-06-01"}}}}).status, 200);
    ASSERT_EQ(patch(id, {{"name", "只改名称"}, {"planned_reason", "无计划日期变化"}}).status, 200);
    auto history = writer()->get(path(id) + "/history");
    ASSERT_EQ(history.status, 200);
    EXPECT_TRUE(history.json().at("items").as_array().empty());  // stage changes, as before
    const auto changes = history.json().at("planned_date_changes").as_array();
    ASSERT_EQ(changes.size(), 3u);
    const auto& slip = changes[0].as_object();
    EXPECT_EQ(slip.at("milestone"), "start");
    EXPECT_EQ(slip.at("field"), "planned.start");
    EXPECT_EQ(slip.at("old_date"), "2024-06-01");
    EXPECT_EQ(slip.at("new_date"), "2024-09-01");
    EXPECT_EQ(slip.at("slip"), true);
    EXPECT_EQ(slip.at("reason"), "土地征收延期");
    EXPECT_EQ(slip.at("user").as_string(), zone_slug_);
    EXPECT_EQ(slip.at("changed_at"), "2024-01-15T00:00:00Z");
    EXPECT_EQ(changes[1].at("slip"), false);  // moved earlier: no reason needed
    EXPECT_EQ(changes[1].at("reason"), "");
    EXPECT_EQ(changes[2].at("milestone"), "production");
    EXPECT_TRUE(changes[2].at("old_date").is_null());  // the first planned production date
    EXPECT_EQ(changes[2].at("slip"), false);
}

TEST_P(ProjectIdentityTest, DemoProjectsCarryIdentityAndCommitments) {
    auto client = as("province");
    auto producing = client->get("/api/v1/projects?stage=at_capacity&page_size=100");
    ASSERT_EQ(producing.status, 200);
    int with_realised = 0;
    const auto items = producing.json().at("items").as_array();
    for (const auto& item : items) {
        if (!item.at("synthetic").as_bool()) continue;  // made by another test of this process
        EXPECT_FALSE(item.at("capacity_agreement").is_null());
        EXPECT_FALSE(item.at("national_code").is_null());
        auto detail = client->get(path(item.at("id").as_int64())).json();
        EXPECT_FALSE(detail.at("funding").as_array().empty());
        if (!detail.at("realised").as_array().empty()) ++with_realised;
    }
    EXPECT_GT(with_realised, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectIdentityTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
