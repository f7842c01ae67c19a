// The campaign write routes: their answers (status codes, Location, ETag, shapes), the refusals
// of bad input by field, and that a refused request writes nothing. The rules themselves are
// proven in tests/service/campaign_workflow_test.cpp.
#include "http_fixture.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class CampaignWriteTest : public HttpTest {
protected:
    // Dated before the demo's campaign, so the dashboard's latest campaign stays the demo's.
    json::object new_campaign(const std::string& name, const std::string& date = "2021-11-18") {
        auto res = as("province")->post("/api/v1/campaigns",
                                         json::object{{"name", name},
                                                      {"date", date},
                                                      {"venues", json::array{json::object{{"name", "主会场"},
                                                                                          {"region_code", "140000"},
                                                                                          {"main", true}}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().as_object() : json::object{};
    }

    static std::string path_of(const json::object& campaign, const std::string& rest = "") {
        return "/api/v1/campaigns/" + std::to_string(campaign.at("id").as_int64()) + rest;
    }

    static std::set<std::string> fields_of(const HttpResponse& res) {
        std::set<std::string> out;
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
        return out;
    }

    // A reserve project of the zone (a sign batch needs no earlier stage).
    std::int64_t reserve_in(const std::string& zone_code) {
        for (const auto& z : all_zones()) {
            if (z.code != zone_code) continue;
            store::ProjectQuery q;
            q.zone_id = z.id;
            q.stage = domain::Stage::kReserve;
            q.status = domain::ProjectStatus::kActive;
            q.limit = 1;
            auto page = store::read_value<store::Page<domain::ProjectView>>(
                store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
            if (page && !page->items.empty()) return page->items.front().project.id;
        }
        ADD_FAILURE() << "no reserve project in " << zone_code;
        return 0;
    }

    // A project counted in the demo campaign's sign batch.
    std::int64_t signed_at_the_demo() {
        auto res = as("province")->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) +
                                       "/entries?batch=sign&page_size=1");
        EXPECT_EQ(res.status, 200);
        return res.json().at("items").at(0).at("project_id").as_int64();
    }
};

TEST_P(CampaignWriteTest, AProvinceCreatesReadsAndEditsACampaignWithVersions) {
    const auto c = new_campaign("2021年第一次测试活动");
    EXPECT_EQ(c.at("status"), "planning");
    EXPECT_EQ(c.at("year").as_int64(), 2021);
    EXPECT_GE(c.at("sequence").as_int64(), 1);
    EXPECT_TRUE(c.at("held_on").is_null());
    EXPECT_EQ(c.at("venues").at(0).at("zone_id"), nullptr);

    auto read = as("viewer")->get(path_of(c));
    EXPECT_EQ(read.status, 200);
    EXPECT_EQ(read.header("etag"), "\"1\"");

    auto without = as("province")->patch(path_of(c), json::object{{"name", "改名"}});
    EXPECT_EQ(without.status, 428) << without.body;
    auto edited = as("province")->patch(path_of(c), json::object{{"name", "2021年第一次测试活动（改）"}},
                                        {{"If-Match", "\"1\""}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.header("etag"), "\"2\"");
    EXPECT_EQ(edited.json().at("name"), "2021年第一次测试活动（改）");
    auto stale = as("province")->patch(path_of(c), json::object{{"name", "再改"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(stale.status, 409);

    const auto listed = as("viewer")->get("/api/v1/campaigns").json();
    bool found = false;
    for (const auto& item : listed.at("items").as_array()) found |= item.at("id") == c.at("id");
    EXPECT_TRUE(found);
}

TEST_P(CampaignWriteTest, BadCampaignBodiesAreRefusedByFieldAndWriteNothing) {
    const auto before = as("province")->get("/api/v1/campaigns").json().at("items").as_array().size();
    auto city = as("taiyuan")->post("/api/v1/campaigns", json::object{{"name", "市里的活动"}, {"date", "2021-01-01"}});
    EXPECT_EQ(city.status, 403);
    auto unknown = as("province")->post("/api/v1/campaigns",
                                        json::object{{"name", "x"}, {"date", "2021-01-01"}, {"colour", "red"}, {"id", 9}});
    ASSERT_EQ(unknown.status, 400) << unknown.body;
    EXPECT_EQ(fields_of(unknown), (std::set<std::string>{"colour", "id"}));
    auto missing = as("province")->post("/api/v1/campaigns", json::object{{"venues", json::array{}}});
    ASSERT_EQ(missing.status, 422) << missing.body;
    EXPECT_EQ(fields_of(missing), (std::set<std::string>{"name", "date"}));
    auto bad_date = as("province")->post("/api/v1/campaigns", json::object{{"name", "x"}, {"date", "2021-02-30"}});
    EXPECT_EQ(bad_date.status, 422);
    auto venue = as("province")->post(
        "/api/v1/campaigns",
        json::object{{"name", "x"}, {"date", "2021-01-01"}, {"venues", json::array{json::object{{"main", "yes"}}}}});
    ASSERT_EQ(venue.status, 400) << venue.body;
    EXPECT_TRUE(fields_of(venue).contains("venues[0].main"));
    EXPECT_EQ(as("province")->get("/api/v1/campaigns").json().at("items").as_array().size(), before);
}

TEST_P(CampaignWriteTest, EntriesAreProposedConfirmedListedAndRemoved) {
    const auto c = new_campaign("2021年入库测试活动");
    const auto zone_project = reserve_in("taiyuan-zgq");
    auto proposed = as("taiyuan-zgq")->post(path_of(c, "/entries"),
                                            json::object{{"project_id", zone_project}, {"batch", "sign"}});
    ASSERT_EQ(proposed.status, 201) << proposed.body;
    EXPECT_EQ(proposed.json().at("status"), "proposed");
    EXPECT_EQ(proposed.header("location"), path_of(c, "/entries/" + std::to_string(zone_project) + "/sign"));

    auto listed = as("taiyuan")->get(path_of(c, "/entries?status=proposed"));
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.json().at("total").as_int64(), 1);
    EXPECT_EQ(as("taiyuan")->get(path_of(c, "/entries?status=confirmed")).json().at("total").as_int64(), 0);
    EXPECT_EQ(as("datong")->get(path_of(c, "/entries")).json().at("total").as_int64(), 0);

    auto confirmed =
        as("taiyuan")->post(path_of(c, "/entries/" + std::to_string(zone_project) + "/sign/confirm"), json::object{});
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(confirmed.json().at("status"), "confirmed");
    EXPECT_EQ(as("taiyuan")->get(path_of(c, "/entries")).json().at("total").as_int64(), 1);
    EXPECT_EQ(as("province")->get(path_of(c, "/summary")).json().at("batches").at(0).at("projects").as_int64(), 1);

    auto removed = as("taiyuan")->request("DELETE", path_of(c, "/entries/" + std::to_string(zone_project) + "/sign"));
    EXPECT_EQ(removed.status, 204) << removed.body;
    EXPECT_EQ(as("taiyuan")->get(path_of(c, "/entries")).json().at("total").as_int64(), 0);
    auto bad_batch = as("taiyuan")->request("DELETE", path_of(c, "/entries/" + std::to_string(zone_project) + "/big"));
    EXPECT_EQ(bad_batch.status, 400);
}

TEST_P(CampaignWriteTest, BadEntriesAreRefusedWithTheReasonAndWriteNothing) {
    const auto c = new_campaign("2021年拒绝测试活动");
    const auto before = snapshot();
    const auto zone_project = reserve_in("taiyuan-zgq");
    const auto other_zone = reserve_in("datong-etdz");

    auto outside = as("taiyuan-zgq")->post(path_of(c, "/entries"), json::object{{"project_id", other_zone}, {"batch", "sign"}});
    EXPECT_EQ(outside.status, 404) << outside.body;
    auto unknown_batch = as("province")->post(path_of(c, "/entries"), json::object{{"project_id", zone_project}, {"batch", "sow"}});
    ASSERT_EQ(unknown_batch.status, 422);
    EXPECT_EQ(fields_of(unknown_batch), std::set<std::string>{"batch"});
    auto missing = as("province")->post(path_of(c, "/entries"), json::object{});
    ASSERT_EQ(missing.status, 422);
    EXPECT_EQ(fields_of(missing), (std::set<std::string>{"project_id", "batch"}));
    auto wrong_type = as("province")->post(path_of(c, "/entries"), json::object{{"project_id", "42"}, {"batch", "sign"}});
    EXPECT_EQ(wrong_type.status, 400);
    auto not_signed = as("province")->post(path_of(c, "/entries"), json::object{{"project_id", zone_project}, {"batch", "start"}});
    ASSERT_EQ(not_signed.status, 422) << not_signed.body;
    EXPECT_EQ(fields_of(not_signed), std::set<std::string>{"batch"});
    auto no_such = as("province")->post("/api/v1/campaigns/999999/entries", json::object{{"project_id", zone_project}, {"batch", "sign"}});
    EXPECT_EQ(no_such.status, 404);

    // Counted in the demo campaign's sign batch: a second sign entry names that campaign.
    auto twice = as("province")->post(path_of(c, "/entries"),
                                      json::object{{"project_id", signed_at_the_demo()}, {"batch", "sign"}});
    ASSERT_EQ(twice.status, 409) << twice.body;
    EXPECT_NE(twice.body.find("三个一批"), std::string::npos) << twice.body;
    EXPECT_EQ(fields_of(twice), std::set<std::string>{"project_id"});

    EXPECT_EQ(as("province")->get(path_of(c, "/entries")).json().at("total").as_int64(), 0);
    EXPECT_EQ(snapshot(), before);
}

TEST_P(CampaignWriteTest, HoldingLocksTheEntriesAndShowsTheChangesSince) {
    const auto c = new_campaign("2021年举办测试活动");
    const auto project = reserve_in("jinzhong-etdz");
    ASSERT_EQ(as("province")->post(path_of(c, "/entries"), json::object{{"project_id", project}, {"batch", "sign"}}).status,
              201);
    auto planning_changes = as("province")->get(path_of(c, "/changes"));
    EXPECT_EQ(planning_changes.status, 409);
    auto held = as("province")->post(path_of(c, "/hold"), json::object{});
    ASSERT_EQ(held.status, 200) << held.body;
    EXPECT_EQ(held.json().at("status"), "held");
    EXPECT_TRUE(held.json().at("held_on").is_string());
    EXPECT_EQ(read_project(project).project.stage, domain::Stage::kSigned);

    auto locked = as("province")->post(path_of(c, "/entries"), json::object{{"project_id", reserve_in("taiyuan-zgq")}, {"batch", "sign"}});
    EXPECT_EQ(locked.status, 409);
    const std::string entry = path_of(c, "/entries/" + std::to_string(project) + "/sign");
    EXPECT_EQ(as("province")->request("DELETE", entry).status, 409);
    auto no_reason = as("province")->post(entry + "/withdraw", json::object{{"reason", "  "}});
    ASSERT_EQ(no_reason.status, 422) << no_reason.body;
    EXPECT_EQ(fields_of(no_reason), std::set<std::string>{"reason"});
    auto withdrawn = as("province")->post(entry + "/withdraw", json::object{{"reason", "项目主体变更"}});
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(withdrawn.json().at("status"), "withdrawn");
    EXPECT_EQ(withdrawn.json().at("reason"), "项目主体变更");

    auto changes = as("province")->get(path_of(c, "/changes"));
    ASSERT_EQ(changes.status, 200) << changes.body;
    const auto body = changes.json().as_object();
    EXPECT_EQ(body.at("changed").as_int64(), 1);
    EXPECT_EQ(body.at("batches").at(0).at("projects_counted").as_int64(), 1);
    EXPECT_EQ(body.at("batches").at(0).at("projects_now").as_int64(), 0);
    EXPECT_EQ(body.at("entries").at(0).at("status"), "withdrawn");

    auto closed = as("province")->post(path_of(c, "/close"), json::object{}, {{"If-Match", held.header("etag")}});
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_EQ(closed.json().at("status"), "closed");
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignWriteTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
