// GET /api/v1/projects: every filter, sort and paging, parameter errors, and scope.
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <set>

#include "domain/money.hpp"
#include "domain/stage.hpp"
#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class ProjectListTest : public HttpTest {
protected:
    json::object list(const std::string& user, const std::string& query) {
        auto res = as(user)->get("/api/v1/projects" + query);
        EXPECT_EQ(res.status, 200) << query << " " << res.body;
        return res.status == 200 ? res.json().as_object() : json::object{};
    }

    std::vector<std::string> error_fields(const std::string& query) {
        auto res = as("province")->get("/api/v1/projects" + query);
        EXPECT_EQ(res.status, 400) << query;
        std::vector<std::string> out;
        if (res.status != 400) return out;
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
        return out;
    }
};

std::int64_t fen(const json::value& v) {
    return domain::Money::parse(std::string_view(v.as_string())).value().amount.fen();
}

TEST_P(ProjectListTest, DefaultsToTheFirstPageOfTwentyOverEverythingInScope) {
    auto body = list("province", "");
    EXPECT_EQ(body.at("page"), 1);
    EXPECT_EQ(body.at("page_size"), 20);
    EXPECT_EQ(body.at("total"), static_cast<std::int64_t>(snapshot().size()));
    EXPECT_EQ(body.at("items").as_array().size(), 20u);
}

TEST_P(ProjectListTest, PagesAreConsecutiveSlicesOfTheSortedList) {
    auto both = list("province", "?sort=id&page_size=14").at("items").as_array();
    auto first = list("province", "?sort=id&page_size=7&page=1").at("items").as_array();
    auto second = list("province", "?sort=id&page_size=7&page=2").at("items").as_array();
    ASSERT_EQ(both.size(), 14u);
    for (std::size_t i = 0; i < 7; ++i) {
        EXPECT_EQ(first[i].at("id"), both[i].at("id"));
        EXPECT_EQ(second[i].at("id"), both[i + 7].at("id"));
    }
    // The deepest page OFFSET serves starts 10000 rows in; deeper ones follow next_cursor.
    auto beyond = list("province", "?page=21&page_size=500");
    EXPECT_TRUE(beyond.at("items").as_array().empty());
    EXPECT_GT(beyond.at("total").as_int64(), 0);
    EXPECT_EQ(error_fields("?page=22&page_size=500"), std::vector<std::string>{"page"});
    EXPECT_EQ(error_fields("?page=100000&page_size=500"), std::vector<std::string>{"page"});
}

TEST_P(ProjectListTest, EachFilterNarrowsTheList) {
    const auto zone = all_zones().front();
    struct Case {
        std::string query, field, expected;
    };
    const std::vector<Case> cases = {
        {"?city=140100", "city_code", "140100"},
        {"?zone=" + std::to_string(zone.id), "zone_id", std::to_string(zone.id)},
        {"?industry=new_energy", "industry", "new_energy"},
        {"?stage=started", "stage", "started"},
        {"?status=active", "status", "active"},
    };
    const auto total = list("province", "").at("total").as_int64();
    for (const auto& c : cases) {
        auto body = list("province", c.query + "&page_size=500");
        auto items = body.at("items").as_array();
        EXPECT_FALSE(items.empty()) << c.query;
        EXPECT_LT(body.at("total").as_int64(), total) << c.query;
        for (const auto& item : items) {
            const auto& v = item.at(c.field);
            EXPECT_EQ(v.is_string() ? std::string(v.as_string()) : json::serialize(v), c.expected) << c.query;
        }
    }
}

TEST_P(ProjectListTest, TextSearchMatchesNameOrInvestor) {
    auto sample = list("province", "?page_size=1").at("items").at(0);
    const std::string name(sample.at("name").as_string());
    const std::string needle = name.substr(0, std::min<std::size_t>(name.size(), 6));  // two CJK characters
    auto query = "?page_size=500&q=" + boost::urls::encode(needle, boost::urls::unreserved_chars);
    const auto body = list("province", query);
    auto items = body.at("items").as_array();
    ASSERT_FALSE(items.empty());
    // The demo has far fewer matches than a search counts (store::kTextSearchCountLimit).
    EXPECT_EQ(body.at("total_exact"), true);
    if (body.at("next_cursor").is_null()) {
        EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(items.size()));
    }
    for (const auto& item : items) {
        bool hit = std::string_view(item.at("name").as_string()).find(needle) != std::string_view::npos;
        for (const auto& investor : item.at("investors").as_array()) {
            hit = hit || std::string_view(investor.as_string()).find(needle) != std::string_view::npos;
        }
        EXPECT_TRUE(hit) << item.at("name");
    }
}

TEST_P(ProjectListTest, SortsByEveryKeyInBothDirections) {
    auto asc = list("province", "?sort=total_investment&order=asc&page_size=50").at("items").as_array();
    for (std::size_t i = 1; i < asc.size(); ++i) {
        EXPECT_LE(fen(asc[i - 1].at("total_investment")), fen(asc[i].at("total_investment")));
    }
    auto desc = list("province", "?sort=total_investment&order=desc&page_size=50").at("items").as_array();
    for (std::size_t i = 1; i < desc.size(); ++i) {
        EXPECT_GE(fen(desc[i - 1].at("total_investment")), fen(desc[i].at("total_investment")));
    }
    for (const char* key : {"name", "code"}) {
        auto items = list("province", std::string("?page_size=50&sort=") + key).at("items").as_array();
        for (std::size_t i = 1; i < items.size(); ++i) {
            EXPECT_LE(std::string(items[i - 1].at(key).as_string()), std::string(items[i].at(key).as_string())) << key;
        }
    }
    auto by_stage = list("province", "?page_size=500&sort=stage&order=desc").at("items").as_array();
    for (std::size_t i = 1; i < by_stage.size(); ++i) {
        auto rank = [&](std::size_t k) { return *domain::stage_from_string(by_stage[k].at("stage").as_string()); };
        EXPECT_GE(rank(i - 1), rank(i));
    }
    auto by_id = list("province", "?sort=id&order=desc&page_size=50").at("items").as_array();
    for (std::size_t i = 1; i < by_id.size(); ++i)
        EXPECT_GT(by_id[i - 1].at("id").as_int64(), by_id[i].at("id").as_int64());
    auto planned = list("province", "?sort=planned_start&page_size=50").at("items").as_array();
    std::string previous;
    for (const auto& item : planned) {
        const auto& start = item.at("planned").at("start");
        if (!start.is_string()) continue;
        EXPECT_LE(previous, std::string(start.as_string()));
        previous = std::string(start.as_string());
    }
}

TEST_P(ProjectListTest, BadParametersAreNamedAllAtOnce) {
    using V = std::vector<std::string>;
    EXPECT_EQ(error_fields("?page=0"), V{"page"});
    EXPECT_EQ(error_fields("?page=abc"), V{"page"});
    EXPECT_EQ(error_fields("?page_size=501"), V{"page_size"});
    EXPECT_EQ(error_fields("?page_size=-5"), V{"page_size"});
    EXPECT_EQ(error_fields("?sort=price"), V{"sort"});
    EXPECT_EQ(error_fields("?order=up"), V{"order"});
    EXPECT_EQ(error_fields("?stage=built"), V{"stage"});
    EXPECT_EQ(error_fields("?status=paused"), V{"status"});
    EXPECT_EQ(error_fields("?city=1401"), V{"city"});
    EXPECT_EQ(error_fields("?city=140000"), V{"city"});  // the province is not a city
    EXPECT_EQ(error_fields("?zone=1e3"), V{"zone"});
    EXPECT_EQ(error_fields("?colour=red"), V{"colour"});
    EXPECT_EQ(error_fields("?page=1&page=2"), V{"page"});
    EXPECT_EQ(error_fields("?page=9223372036854775807&page_size=500"), V{"page"});
    EXPECT_EQ(error_fields("?page=0&sort=x&foo=1"), (V{"page", "sort", "foo"}));
}

TEST_P(ProjectListTest, AZoneUserSeesOnlyItsZone) {
    const auto zones = all_zones();
    for (const auto& zone : {zones.front(), zones.back()}) {
        auto body = list(zone.slug, "?page_size=500");
        EXPECT_GT(body.at("total").as_int64(), 0);
        for (const auto& item : body.at("items").as_array()) EXPECT_EQ(item.at("zone_id"), zone.id) << zone.slug;
        // Asking for another zone explicitly does not widen the scope.
        auto other = list(zone.slug,
                          "?zone=" + std::to_string(zone.id == zones.front().id ? zones.back().id : zones.front().id));
        EXPECT_EQ(other.at("total"), 0);
    }
}

TEST_P(ProjectListTest, ACityUserSeesOnlyItsCity) {
    auto city = list("datong", "?page_size=500");
    EXPECT_GT(city.at("total").as_int64(), 0);
    EXPECT_LT(city.at("total").as_int64(), list("province", "").at("total").as_int64());
    for (const auto& item : city.at("items").as_array()) EXPECT_EQ(item.at("city_code"), "140200");
    EXPECT_EQ(list("datong", "?city=140100").at("total"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectListTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
