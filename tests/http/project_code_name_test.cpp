// A reserve project's code name: its zone and the province see the name; everyone else who may see
// the project (its city, supervisors, viewers) sees only the code name, in lists, details and
// searches, until it is signed. Other zones do not see the project at all.
#include "identity_fixture.hpp"
#include "service/demo_catalog.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr const char* kName = "HTTP测试 光伏组件项目";
constexpr const char* kCodeName = "代号·启明-HTTP";  // and a suffix of its own per test

class CodeNameTest : public IdentityTest {
protected:
    void SetUp() override {
        IdentityTest::SetUp();
        for (const auto& c : service::demo::shanxi_cities()) {
            if (c.code == region_) city_slug_ = std::string(c.slug);
        }
        for (const auto& z : all_zones()) {
            if (z.id != zone_id_) other_zone_slug_ = z.slug;
        }
        ASSERT_FALSE(city_slug_.empty());
        // The tests of a process share one database: each project's code name is its own.
        suffix_ = "-n" + std::to_string(serial_base_ / 1000) + "x";
        code_name_ = kCodeName + suffix_;
        id_ = create_with({{"code_name", code_name_}, {"national_code", national_code(301)}});
    }

    json::object detail_as(const std::string& user) {
        auto res = as(user)->get(path(id_));
        EXPECT_EQ(res.status, 200) << user << ": " << res.body;
        return res.status == 200 ? res.json().as_object() : json::object{};
    }

    // The items of a list search as `user`.
    json::array search_as(const std::string& user, const std::string& query) {
        auto res = as(user)->get("/api/v1/projects?" + query);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json().at("items").as_array();
    }

    std::string suffix_;
    std::string code_name_;
    std::string city_slug_;
    std::string other_zone_slug_;
    std::int64_t id_ = 0;
};

TEST_P(CodeNameTest, TheZoneAndTheProvinceSeeTheName) {
    for (const std::string& user : std::vector<std::string>{zone_slug_, "province"}) {
        const auto p = detail_as(user);
        EXPECT_EQ(p.at("name"), kName) << user;
        EXPECT_EQ(p.at("code_name").as_string(), code_name_) << user;
        EXPECT_EQ(p.at("investor_ids").as_array().size(), 1u) << user;
        EXPECT_EQ(p.at("national_code").as_string(), national_code(301)) << user;
    }
}

TEST_P(CodeNameTest, TheCitySupervisorsAndViewersSeeOnlyTheCodeName) {
    for (const std::string& user : std::vector<std::string>{city_slug_, "supervisor", "viewer"}) {
        const auto p = detail_as(user);
        EXPECT_EQ(p.at("name").as_string(), code_name_) << user;
        EXPECT_EQ(p.at("code_name").as_string(), code_name_) << user;
        EXPECT_TRUE(p.at("investor_ids").as_array().empty()) << user;
        EXPECT_TRUE(p.at("investors").as_array().empty()) << user;
        EXPECT_TRUE(p.at("national_code").is_null()) << user;
        EXPECT_TRUE(p.at("approval").is_null()) << user;
        EXPECT_EQ(p.at("construction_content"), "") << user;
        EXPECT_EQ(as(user)->get(path(id_)).body.find(kName), std::string::npos) << user;
    }
}

TEST_P(CodeNameTest, OtherZonesDoNotSeeTheProjectAtAll) {
    EXPECT_EQ(as(other_zone_slug_)->get(path(id_)).status, 404);
    EXPECT_TRUE(search_as(other_zone_slug_, "q=%E4%BB%A3%E5%8F%B7%C2%B7%E5%90%AF%E6%98%8E").empty());  // 代号·启明
}

TEST_P(CodeNameTest, SearchesDoNotRevealWhatTheCodeNameHides) {
    const std::string by_name = "q=HTTP%E6%B5%8B%E8%AF%95&zone=" + std::to_string(zone_id_);  // HTTP测试
    const std::string by_code_name = "q=%E5%90%AF%E6%98%8E-HTTP" + suffix_;                   // 启明-HTTP-nNx
    const std::string by_national_code = "national_code=" + national_code(301);
    for (const std::string& user : std::vector<std::string>{city_slug_, "viewer"}) {
        for (const auto& item : search_as(user, by_name)) EXPECT_NE(item.at("id"), id_) << user;
        EXPECT_TRUE(search_as(user, by_national_code).empty()) << user;
        const auto found = search_as(user, by_code_name);
        ASSERT_EQ(found.size(), 1u) << user;
        EXPECT_EQ(found[0].at("name").as_string(), code_name_);
        EXPECT_TRUE(found[0].at("investors").as_array().empty());
    }
    bool seen = false;
    // by_name matches every test's project of this process: the national code narrows it to this one.
    for (const auto& item : search_as("province", by_name + "&" + by_national_code))
        seen = seen || item.at("id") == id_;
    EXPECT_TRUE(seen);
    EXPECT_EQ(search_as(zone_slug_, by_national_code).size(), 1u);
}

TEST_P(CodeNameTest, SigningRevealsTheName) {
    auto res = writer()->post(path(id_) + "/transitions", {{"to", "signed"}, {"date", "2024-01-10"}},
                              {{"If-Match", etag_of(id_)}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(detail_as(city_slug_).at("name"), kName);
    EXPECT_EQ(detail_as("viewer").at("investors").as_array().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CodeNameTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
