// The audit log of the lifecycle records: every report step and coordination item change appends
// one entry in its own transaction, a refused one appends nothing, and the project's audit shows
// the entries of its reports and items beside its own.
#include "coordination_fixture.hpp"
#include "report_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

std::int64_t head_seq(store::Store& store) {
    auto head = store::read_value<std::optional<domain::ChainHead>>(store, [](store::Tx& tx) { return tx.audit_head(); });
    EXPECT_TRUE(head);
    return head && *head ? (*head)->seq : 0;
}

// The project's audit as (action, entity_type, entity_id), newest first.
std::vector<std::tuple<std::string, std::string, std::int64_t>> project_audit(HttpClient& client, std::int64_t project) {
    auto res = client.get("/api/v1/projects/" + std::to_string(project) + "/audit?limit=500");
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::tuple<std::string, std::string, std::int64_t>> out;
    if (res.status != 200) return out;
    const auto body = res.json();
    for (const auto& item : body.at("items").as_array()) {
        out.emplace_back(std::string(item.at("action").as_string()), std::string(item.at("entity_type").as_string()),
                         item.at("entity_id").as_int64());
    }
    return out;
}

json::value change_of(const json::value& entry, std::string_view field) {
    for (const auto& c : entry.at("changes").as_array()) {
        if (c.at("field").as_string() == field) return c;
    }
    return nullptr;
}

class ReportAuditTest : public ReportTest {
protected:
    void SetUp() override {
        ReportTest::SetUp();
        // Tokens are made on first use, itself a write: made before the tests count entries.
        zone_user();
        city_user();
        as("province");
    }
};

TEST_P(ReportAuditTest, EveryReviewStepIsOneEntryWithItsStatusChange) {
    const auto start = head_seq(store());
    const auto id = create();
    ASSERT_NE(id, 0);
    ASSERT_EQ(step(*zone_user(), id, "submit", 1).status, 200);
    ASSERT_EQ(step(*city_user(), id, "return", 2, {{"reason", "投资额与台账不符"}}).status, 200);
    auto changed = zone_user()->patch(path(id), json::object{{"jobs", 130}}, if_match(3));
    ASSERT_EQ(changed.status, 200) << changed.body;
    ASSERT_EQ(step(*zone_user(), id, "submit", 4).status, 200);
    ASSERT_EQ(step(*city_user(), id, "approve", 5).status, 200);
    EXPECT_EQ(head_seq(store()), start + 6);

    auto res = as("province")->get("/api/v1/audit?entity_type=report&entity_id=" + std::to_string(id));
    ASSERT_EQ(res.status, 200) << res.body;
    const auto items = res.json().at("items").as_array();
    ASSERT_EQ(items.size(), 6u);
    const char* actions[] = {"report.approve", "report.submit", "report.update",
                             "report.return",  "report.submit", "report.create"};
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(items[i].at("action"), actions[i]) << i;
    EXPECT_EQ(items[0].at("actor").at("name").as_string(), city_);
    EXPECT_EQ(change_of(items[0], "status"), json::parse(R"({"field":"status","before":"submitted","after":"approved"})"));
    EXPECT_EQ(change_of(items[2], "jobs"), json::parse(R"({"field":"jobs","before":"120","after":"130"})"));
    EXPECT_EQ(change_of(items[3], "return_reason").at("after"), "投资额与台账不符");
    EXPECT_EQ(change_of(items[5], "investment_completed").at("after"), "30000000");
    EXPECT_EQ(change_of(items[5], "month").at("after"), kFreeMonth);
}

TEST_P(ReportAuditTest, RefusedStepsAppendNothing) {
    const auto id = create();
    ASSERT_EQ(step(*zone_user(), id, "submit", 1).status, 200);
    const auto start = head_seq(store());
    EXPECT_EQ(step(*zone_user(), id, "approve", 2).status, 403);                 // zones do not approve
    EXPECT_EQ(step(*city_user(), id, "approve", 1).status, 409);                 // stale version
    EXPECT_EQ(step(*city_user(), id, "return", 2, {{"reason", " "}}).status, 422);  // no reason
    EXPECT_EQ(zone_user()->post(reports_of(project_), make_report_body(kFreeMonth)).status, 409);  // month taken
    EXPECT_EQ(head_seq(store()), start);
}

TEST_P(ReportAuditTest, TheProjectsAuditShowsItsReports) {
    const auto id = create();
    ASSERT_EQ(step(*zone_user(), id, "submit", 1).status, 200);
    const auto entries = project_audit(*zone_user(), project_);
    ASSERT_GE(entries.size(), 2u);
    EXPECT_EQ(entries[0], std::make_tuple(std::string("report.submit"), std::string("report"), id));
    EXPECT_EQ(entries[1], std::make_tuple(std::string("report.create"), std::string("report"), id));
    // Another project's file does not show them.
    const auto other = find_project(zone_.id, domain::Stage::kSigned);
    ASSERT_NE(other, 0);
    for (const auto& e : project_audit(*zone_user(), other)) EXPECT_NE(std::get<1>(e), "report") << std::get<0>(e);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportAuditTest, ::testing::ValuesIn(all_backends()), backend_param_name);

class CoordinationAuditTest : public CoordinationHttpTest {
protected:
    void SetUp() override {
        CoordinationHttpTest::SetUp();
        zone_user();
        city_user();
    }
};

TEST_P(CoordinationAuditTest, RaisingAndMovingAnItemAreRecordedOnTheProject) {
    const auto start = head_seq(store());
    const auto id = create();
    ASSERT_NE(id, 0);
    auto moved = patch_current(id, {{"status", "in_progress"}, {"level", "city"}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(patch_current(id, {{"status", "closed"}}).status, 409);  // not allowed from in_progress
    EXPECT_EQ(head_seq(store()), start + 2);

    auto res = city_user()->get("/api/v1/projects/" + std::to_string(project_) + "/audit?limit=2");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto items = res.json().at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].at("action"), "coordination_item.update");
    EXPECT_EQ(items[0].at("entity_type"), "coordination_item");
    EXPECT_EQ(items[0].at("entity_id").as_int64(), id);
    EXPECT_EQ(change_of(items[0], "status"), json::parse(R"({"field":"status","before":"open","after":"in_progress"})"));
    EXPECT_EQ(change_of(items[0], "level"), json::parse(R"({"field":"level","before":"zone","after":"city"})"));
    EXPECT_EQ(items[1].at("action"), "coordination_item.create");
    EXPECT_EQ(change_of(items[1], "deadline").at("after"), "2024-03-31");
}

INSTANTIATE_TEST_SUITE_P(Backends, CoordinationAuditTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
