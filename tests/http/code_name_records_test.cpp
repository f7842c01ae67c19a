// The records that belong to a project name it as the project itself is shown: a reserve project's
// code name stands in for its name in coordination items and monthly reports — lists, details and
// the answers to writes — for everyone but its own zone and the province (domain/code_name.hpp).
#include "identity_fixture.hpp"
#include "report_fixture.hpp"
#include "service/demo_catalog.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr const char* kName = "HTTP测试 代号保密的电池材料项目";
constexpr const char* kCodeName = "代号·磐石-HTTP";

class CodeNameRecordsTest : public IdentityTest {
protected:
    void SetUp() override {
        IdentityTest::SetUp();
        for (const auto& c : service::demo::shanxi_cities()) {
            if (c.code == all_zones().at(1).region.city().str()) city_slug_ = std::string(c.slug);
        }
        ASSERT_FALSE(city_slug_.empty());
        id_ = create_with({{"name", kName}, {"code_name", kCodeName}});
        ASSERT_NE(id_, 0);
    }

    // Who sees the code name (the city, supervisors, viewers) and who sees the name.
    std::vector<std::string> masked_viewers() { return {city_slug_, "supervisor", "viewer"}; }
    std::vector<std::string> naming_viewers() { return {zone_slug_, "province"}; }

    // The name GET /projects/{id} shows `user`: what every record of the project must show them.
    std::string project_name_for(const std::string& user) {
        auto res = as(user)->get(path(id_));
        EXPECT_EQ(res.status, 200) << user << ": " << res.body;
        return res.status == 200 ? std::string(res.json().at("name").as_string()) : "?";
    }

    // The record `id` as a list answers it to `user`, walking the list's pages (`query` without paging).
    json::object find_in_list(const std::string& user, const std::string& query, std::int64_t id) {
        auto client = as(user);
        for (int page = 1; page < 100; ++page) {
            auto res = client->get(query + "&page_size=500&page=" + std::to_string(page));
            EXPECT_EQ(res.status, 200) << user << " " << query << ": " << res.body;
            if (res.status != 200) break;
            const auto items = res.json().at("items").as_array();
            for (const auto& item : items) {
                if (item.at("id") != id) continue;
                EXPECT_EQ(res.body.find(kName) != std::string::npos, expects_name(user)) << user << " " << query;
                return item.as_object();
            }
            if (items.empty()) break;
        }
        ADD_FAILURE() << user << ": record " << id << " not in " << query;
        return {};
    }

    bool expects_name(const std::string& user) { return user == zone_slug_ || user == "province"; }

    // An answer to `user` that names the project: as GET /projects/{id} does, and nowhere the real name
    // for those who see the code name.
    void expect_named_for(const std::string& user, const HttpResponse& res, int status = 200) {
        ASSERT_EQ(res.status, status) << user << ": " << res.body;
        const std::string expected = expects_name(user) ? kName : kCodeName;
        EXPECT_EQ(project_name_for(user), expected) << user;
        EXPECT_EQ(std::string(res.json().at("project_name").as_string()), expected) << user;
        EXPECT_EQ(res.body.find(kName) != std::string::npos, expects_name(user)) << user;
    }

    std::string city_slug_;
    std::int64_t id_ = 0;
};

std::string items_of(std::int64_t project) {
    return "/api/v1/projects/" + std::to_string(project) + "/coordination-items";
}
std::string item_at(std::int64_t id) { return "/api/v1/coordination-items/" + std::to_string(id); }
std::string reports_of(std::int64_t project) { return "/api/v1/projects/" + std::to_string(project) + "/reports"; }
std::string report_at(std::int64_t id) { return "/api/v1/reports/" + std::to_string(id); }
HeaderList if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

json::object item_body() {
    return {{"category", "financing"},
            {"description", "需协调项目前期融资对接"},
            {"responsible_department", "市地方金融监督管理局"},
            {"deadline", "2024-04-30"}};
}

TEST_P(CodeNameRecordsTest, CoordinationItemWritesAnswerWithTheNameTheWriterIsShown) {
    expect_named_for(zone_slug_, as(zone_slug_)->post(items_of(id_), item_body()), 201);
    expect_named_for("province", as("province")->post(items_of(id_), item_body()), 201);
    auto city = as(city_slug_);
    auto raised = city->post(items_of(id_), item_body());
    expect_named_for(city_slug_, raised, 201);
    const auto item = raised.json().at("id").as_int64();
    auto changed = city->patch(item_at(item), {{"responsible_department", "市发展和改革委员会"}}, if_match(1));
    expect_named_for(city_slug_, changed);
    auto by_zone = as(zone_slug_)->patch(item_at(item), {{"status", "in_progress"}}, if_match(2));
    expect_named_for(zone_slug_, by_zone);
}

TEST_P(CodeNameRecordsTest, CoordinationItemReadsNameTheProjectAsItIsShown) {
    auto raised = as(zone_slug_)->post(items_of(id_), item_body());
    ASSERT_EQ(raised.status, 201) << raised.body;
    const auto item = raised.json().at("id").as_int64();
    const std::string across = "/api/v1/coordination-items?zone=" + std::to_string(zone_id_) + "&category=financing";
    for (const auto& user : masked_viewers()) {
        expect_named_for(user, as(user)->get(item_at(item)));
        EXPECT_EQ(find_in_list(user, items_of(id_) + "?category=financing", item).at("project_name"), kCodeName);
        EXPECT_EQ(find_in_list(user, across, item).at("project_name"), kCodeName) << user;
    }
    for (const auto& user : naming_viewers()) {
        expect_named_for(user, as(user)->get(item_at(item)));
        EXPECT_EQ(find_in_list(user, items_of(id_) + "?category=financing", item).at("project_name"), kName);
        EXPECT_EQ(find_in_list(user, across, item).at("project_name"), kName) << user;
    }
}

TEST_P(CodeNameRecordsTest, ReportsNameTheProjectAsItIsShown) {
    // A reserve project cannot report: it reports once signed, and keeps its reports when the
    // signing is corrected away, when its code name stands in for its name again.
    auto zone = as(zone_slug_);
    auto signed_ = zone->post(path(id_) + "/transitions", {{"to", "signed"}, {"date", "2023-12-05"}},
                              {{"If-Match", etag_of(id_)}});
    ASSERT_EQ(signed_.status, 200) << signed_.body;
    auto created = zone->post(reports_of(id_), make_report_body("2023-12"));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto report = created.json().at("id").as_int64();
    ASSERT_EQ(zone->request("POST", report_at(report) + "/submit", "", if_match(1)).status, 200);
    auto corrected = zone->post(path(id_) + "/transitions",
                                {{"to", "reserve"}, {"date", "2024-01-12"}, {"reason", "签约信息误录，退回储备"}},
                                {{"If-Match", etag_of(id_)}});
    ASSERT_EQ(corrected.status, 200) << corrected.body;

    auto returned = as(city_slug_)->post(report_at(report) + "/return", {{"reason", "投资额与合同不符"}}, if_match(2));
    expect_named_for(city_slug_, returned);
    const std::string across = "/api/v1/reports?zone=" + std::to_string(zone_id_) + "&month=2023-12";
    for (const auto& user : masked_viewers()) {
        expect_named_for(user, as(user)->get(report_at(report)));
        EXPECT_EQ(find_in_list(user, reports_of(id_) + "?month=2023-12", report).at("project_name"), kCodeName);
        EXPECT_EQ(find_in_list(user, across, report).at("project_name"), kCodeName) << user;
    }
    for (const auto& user : naming_viewers()) {
        expect_named_for(user, as(user)->get(report_at(report)));
        EXPECT_EQ(find_in_list(user, reports_of(id_) + "?month=2023-12", report).at("project_name"), kName);
        EXPECT_EQ(find_in_list(user, across, report).at("project_name"), kName) << user;
    }
}

TEST_P(CodeNameRecordsTest, AfterSigningEveryoneInScopeSeesTheNameInItsRecords) {
    auto body = item_body();
    body["category"] = "labour";  // kept out of the other tests' lists, where the name stays hidden
    auto raised = as(city_slug_)->post(items_of(id_), body);
    ASSERT_EQ(raised.status, 201) << raised.body;
    const auto item = raised.json().at("id").as_int64();
    // Signed by March 2023, it owes that month's report like the zone's other signed projects.
    auto signed_ = writer()->post(path(id_) + "/transitions", {{"to", "signed"}, {"date", "2023-03-01"}},
                                  {{"If-Match", etag_of(id_)}});
    ASSERT_EQ(signed_.status, 200) << signed_.body;
    for (const auto& user : masked_viewers()) {
        auto res = as(user)->get(item_at(item));
        ASSERT_EQ(res.status, 200) << res.body;
        EXPECT_EQ(res.json().at("project_name"), kName) << user;
        EXPECT_EQ(project_name_for(user), kName) << user;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, CodeNameRecordsTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
