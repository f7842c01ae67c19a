// GET /api/v1/coordination-items across projects: scope, every filter, paging, and the overdue
// mark and filter against the domain's rule on the server's today. The demo's items are the data.
#include <set>

#include "coordination_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class CoordinationListTest : public CoordinationHttpTest {
protected:
    // Every page of the list at `query` as `client`; checks the shape of each item on the way.
    std::vector<json::object> fetch_all(HttpClient& client, const std::string& query) {
        std::vector<json::object> out;
        for (int page = 1;; ++page) {
            auto res = client.get("/api/v1/coordination-items?page_size=100&page=" + std::to_string(page) +
                                  (query.empty() ? "" : "&" + query));
            EXPECT_EQ(res.status, 200) << query << " -> " << res.body;
            if (res.status != 200) break;
            auto body = res.json().as_object();
            const auto& items = body.at("items").as_array();
            for (const auto& item : items) {
                const auto& o = item.as_object();
                EXPECT_TRUE(o.at("overdue").is_bool());
                EXPECT_TRUE(o.at("project_id").is_int64());
                EXPECT_FALSE(o.at("project_code").as_string().empty());
                EXPECT_FALSE(o.at("project_name").as_string().empty());
                out.push_back(o);
            }
            if (static_cast<std::int64_t>(out.size()) >= body.at("total").as_int64() || items.empty()) break;
        }
        return out;
    }

    static std::set<std::int64_t> ids(const std::vector<json::object>& items) {
        std::set<std::int64_t> out;
        for (const auto& i : items) out.insert(i.at("id").as_int64());
        return out;
    }

    static std::set<std::int64_t> ids(const std::vector<store::CoordinationItemRecord>& records) {
        std::set<std::int64_t> out;
        for (const auto& r : records) out.insert(r.item.id);
        return out;
    }

    domain::Scope zone_scope() { return domain::Scope::zone(zone_id_); }
};

TEST_P(CoordinationListTest, TheDemoHasItemsToList) {
    const auto items = all_items();
    EXPECT_GT(items.size(), 100u);
    std::set<std::int64_t> projects;
    for (const auto& r : items) projects.insert(r.item.project_id);
    EXPECT_GT(projects.size(), 50u);
}

TEST_P(CoordinationListTest, AZoneSeesOnlyItsOwnItems) {
    create();  // at least one
    const auto listed = fetch_all(*zone_user(), "");
    for (const auto& item : listed) EXPECT_EQ(item.at("zone_id"), zone_id_);
    EXPECT_EQ(ids(listed), ids(all_items(zone_scope())));
    EXPECT_FALSE(listed.empty());
    // Asking for another zone does not widen the list.
    const auto other = all_zones().at(0).id;
    EXPECT_TRUE(fetch_all(*zone_user(), "zone=" + std::to_string(other)).empty());
}

TEST_P(CoordinationListTest, ACitySeesItsZonesAndTheProvinceEverything) {
    const auto city_items = fetch_all(*city_user(), "");
    for (const auto& item : city_items) EXPECT_EQ(std::string(item.at("city_code").as_string()), city_code_);
    EXPECT_EQ(ids(city_items), ids(all_items(domain::Scope::region(domain::RegionCode::parse(city_code_).value()))));
    const auto everything = fetch_all(*as("province"), "");
    EXPECT_EQ(ids(everything), ids(all_items()));
    EXPECT_GT(everything.size(), city_items.size());
    EXPECT_EQ(ids(fetch_all(*as("supervisor"), "")), ids(everything));
}

TEST_P(CoordinationListTest, OverdueTrueReturnsExactlyTheOverdueItems) {
    std::set<std::int64_t> overdue, on_time;
    for (const auto& r : all_items()) (domain::is_overdue(r.item, today()) ? overdue : on_time).insert(r.item.id);
    ASSERT_FALSE(overdue.empty());
    ASSERT_FALSE(on_time.empty());
    const auto late = fetch_all(*as("province"), "overdue=true");
    EXPECT_EQ(ids(late), overdue);
    for (const auto& item : late) EXPECT_EQ(item.at("overdue"), true);
    const auto fine = fetch_all(*as("province"), "overdue=false");
    EXPECT_EQ(ids(fine), on_time);
    for (const auto& item : fine) EXPECT_EQ(item.at("overdue"), false);
    // Within a zone, too.
    std::set<std::int64_t> zone_overdue;
    for (const auto& r : all_items(zone_scope())) {
        if (domain::is_overdue(r.item, today())) zone_overdue.insert(r.item.id);
    }
    EXPECT_EQ(ids(fetch_all(*zone_user(), "overdue=true")), zone_overdue);
}

TEST_P(CoordinationListTest, EachFilterMatchesTheStore) {
    struct Case {
        std::string query;
        store::CoordinationQuery q;
    };
    std::vector<Case> cases;
    auto add = [&](std::string query, auto set) {
        store::CoordinationQuery q;
        set(q);
        cases.push_back({std::move(query), q});
    };
    add("status=reopened", [](auto& q) { q.status = domain::CoordinationStatus::kReopened; });
    add("status=in_progress", [](auto& q) { q.status = domain::CoordinationStatus::kInProgress; });
    add("category=utilities", [](auto& q) { q.category = domain::CoordinationCategory::kUtilities; });
    add("level=province", [](auto& q) { q.level = domain::CoordinationLevel::kProvince; });
    add("zone=" + std::to_string(zone_id_), [&](auto& q) { q.zone_id = zone_id_; });
    add("city=" + city_code_, [&](auto& q) { q.city_code = city_code_; });
    add("status=open&category=land&level=zone", [](auto& q) {
        q.status = domain::CoordinationStatus::kOpen;
        q.category = domain::CoordinationCategory::kLand;
        q.level = domain::CoordinationLevel::kZone;
    });
    for (const auto& c : cases) {
        const auto expected = ids(all_items(domain::Scope::all(), c.q));
        EXPECT_FALSE(expected.empty()) << c.query;
        EXPECT_EQ(ids(fetch_all(*as("province"), c.query)), expected) << c.query;
    }
    for (const auto& item : fetch_all(*as("province"), "status=resolved&category=land")) {
        EXPECT_EQ(item.at("status"), "resolved");
        EXPECT_EQ(item.at("category"), "land");
    }
}

TEST_P(CoordinationListTest, PagesAreMostUrgentFirstAndCountEveryMatch) {
    auto first = as("province")->get("/api/v1/coordination-items?page_size=5");
    ASSERT_EQ(first.status, 200);
    auto body = first.json().as_object();
    EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(all_items().size()));
    EXPECT_EQ(body.at("page"), 1);
    EXPECT_EQ(body.at("page_size"), 5);
    const auto& items = body.at("items").as_array();
    ASSERT_EQ(items.size(), 5u);
    for (std::size_t i = 1; i < items.size(); ++i) {
        EXPECT_LE(items[i - 1].at("deadline").as_string(), items[i].at("deadline").as_string());
    }
    auto second = as("province")->get("/api/v1/coordination-items?page_size=5&page=2").json();
    EXPECT_NE(second.at("items").as_array().at(0).at("id"), items[0].at("id"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CoordinationListTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
