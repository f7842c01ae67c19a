// Enterprises scoped, and no existence oracle (docs/api.md, "Enterprises" and "Unique keys"): a zone
// sees an enterprise that invests in one of its projects or that it registered; one outside answers
// exactly as a code or id nobody holds, on look-up and on attach. A taken project code is refused
// with the same body whether its holder is inside or outside the caller's scope.
#include <atomic>
#include <set>

#include "domain/credit_code.hpp"
#include "project_builders.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

std::string unheld_credit_code() {
    static std::atomic<int> next{0};
    std::string first17 = "91149900MB" + std::to_string(2000000 + next++);
    return first17 + *domain::CreditCode::check_character(first17);
}

std::string enterprise_lookup(const std::string& code) { return "/api/v1/enterprises?credit_code=" + code; }

// A problem body without what differs from one answer to the next by design (the request id).
json::object comparable(const HttpResponse& res) {
    json::object body = res.json().as_object();
    body.erase("instance");
    body.erase("request_id");
    return body;
}

class ScopeOracleTest : public HttpTest {
protected:
    void SetUp() override {
        const auto zones = all_zones();
        zone_.emplace(zones.at(1));
        other_.emplace(zones.at(2));
        own_project_ = project_in_zone(zone_->id);
        own_investor_ = read_project(own_project_).project.investor_ids.at(0);
        hidden_ = enterprise_only_outside(zone_->id);
        ASSERT_TRUE(hidden_);
    }

    std::int64_t audit_seq() {
        auto head =
            store::read_value<std::optional<domain::ChainHead>>(store(), [](store::Tx& tx) { return tx.audit_head(); });
        return head && *head ? (*head)->seq : 0;
    }

    // An enterprise that invests in some project, none of them in `zone_id`.
    std::optional<domain::Enterprise> enterprise_only_outside(std::int64_t zone_id) {
        std::set<std::int64_t> inside, outside;
        store::ProjectQuery q;
        q.limit = 500;
        for (;; q.offset += q.limit) {
            auto page = store::read_value<store::Page<domain::ProjectView>>(
                store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
            if (!page || page->items.empty()) break;
            for (const auto& v : page->items) {
                for (auto id : v.project.investor_ids) (v.project.zone_id == zone_id ? inside : outside).insert(id);
            }
        }
        for (auto id : outside) {
            if (inside.contains(id)) continue;
            auto e = store::read_value<std::optional<domain::Enterprise>>(
                store(), [&](store::Tx& tx) { return tx.get_enterprise(id); });
            if (e && *e) return **e;
        }
        ADD_FAILURE() << "no enterprise outside zone " << zone_id;
        return std::nullopt;
    }

    std::unique_ptr<HttpClient> zone_writer() { return as(zone_->slug); }

    std::optional<domain::Zone> zone_, other_;
    std::int64_t own_project_ = 0;
    std::int64_t own_investor_ = 0;
    std::optional<domain::Enterprise> hidden_;  // invests only outside zone_
};

TEST_P(ScopeOracleTest, AnEnterpriseOutsideTheZoneLooksUpExactlyLikeACodeNobodyHolds) {
    auto zone = zone_writer();
    auto hidden = zone->get(enterprise_lookup(hidden_->credit_code.str()));
    auto nobody = zone->get(enterprise_lookup(unheld_credit_code()));
    ASSERT_EQ(hidden.status, 200) << hidden.body;
    EXPECT_EQ(hidden.status, nobody.status);
    EXPECT_EQ(hidden.body, nobody.body);
    EXPECT_EQ(hidden.body.find(hidden_->name), std::string::npos);
    // Its own investors it sees; the province sees every enterprise.
    const auto own = read_project(own_project_).investor_credit_codes.at(0);
    const json::value mine = zone->get(enterprise_lookup(own)).json();
    EXPECT_EQ(mine.at("items").as_array().size(), 1u);
    const json::value all = as("province")->get(enterprise_lookup(hidden_->credit_code.str())).json();
    EXPECT_EQ(all.at("items").as_array().size(), 1u);
}

TEST_P(ScopeOracleTest, AZoneCannotAttachAnEnterpriseItCannotSeeAndIsToldNothingMore) {
    auto zone = zone_writer();
    const auto before = snapshot();
    const auto seq = audit_seq();
    auto hidden = zone->post("/api/v1/projects", make_project_body(zone_->id, hidden_->id));
    auto nobody = zone->post("/api/v1/projects", make_project_body(zone_->id, 987654321));
    EXPECT_EQ(hidden.status, 422) << hidden.body;
    EXPECT_EQ(comparable(hidden), comparable(nobody)) << hidden.body << "\n" << nobody.body;
    EXPECT_EQ(hidden.body.find(hidden_->name), std::string::npos);
    // The same on a patch of its own project.
    const auto version = read_project(own_project_).project.version;
    auto patched = zone->patch("/api/v1/projects/" + std::to_string(own_project_),
                               json::object{{"investor_ids", json::array{own_investor_, hidden_->id}}},
                               {{"If-Match", "\"" + std::to_string(version) + "\""}});
    EXPECT_EQ(patched.status, 422) << patched.body;
    EXPECT_NE(patched.body.find("investor_ids[1]"), std::string::npos) << patched.body;
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(audit_seq(), seq);
}

TEST_P(ScopeOracleTest, RegisteringACodeHeldOutsideLinksTheZoneLikeANewRegistration) {
    const auto outside = enterprise_only_outside(other_->id);
    ASSERT_TRUE(outside);
    const domain::Enterprise& hidden = *outside;
    auto zone = as(other_->slug);
    auto fresh = zone->post("/api/v1/enterprises",
                            json::object{{"name", "山西范围测试新公司"}, {"credit_code", unheld_credit_code()}});
    ASSERT_EQ(fresh.status, 201) << fresh.body;
    auto claimed = zone->post("/api/v1/enterprises",
                              json::object{{"name", "山西范围测试旧公司"}, {"credit_code", hidden.credit_code.str()}});
    ASSERT_EQ(claimed.status, 201) << claimed.body;
    const json::value body = claimed.json();
    EXPECT_EQ(body.at("id").as_int64(), hidden.id);
    // From now on the zone sees it and may name it on its projects.
    const json::value found = zone->get(enterprise_lookup(hidden.credit_code.str())).json();
    EXPECT_EQ(found.at("items").as_array().size(), 1u);
    auto created = zone->post("/api/v1/projects", make_project_body(other_->id, hidden.id));
    EXPECT_EQ(created.status, 201) << created.body;
    auto log = as("province")->get("/api/v1/audit?entity_type=enterprise&entity_id=" + std::to_string(hidden.id));
    ASSERT_EQ(log.status, 200) << log.body;
    EXPECT_NE(log.body.find("enterprise.link"), std::string::npos) << log.body;
}

TEST_P(ScopeOracleTest, ACityLooksUpOnlyEnterprisesOfItsOwnZones) {
    // The zones of all_zones() are ordered by region; a city sees the investors of its zones' projects.
    const auto city = zone_->region.str().substr(0, 4) + "00";
    std::string city_account;
    for (const auto& r : store::read_value<std::vector<domain::Region>>(store(), [](store::Tx& tx) {
                             return tx.list_regions();
                         }).value()) {
        if (r.code.str() == city) city_account = r.slug;
    }
    ASSERT_FALSE(city_account.empty());
    auto client = as(city_account);
    const json::value own =
        client->get(enterprise_lookup(read_project(own_project_).investor_credit_codes.at(0))).json();
    EXPECT_EQ(own.at("items").as_array().size(), 1u);
}

// Project codes are unique across the province; a taken code is refused with one generic 409 that
// names the field only, whether the caller could see the holder or not.
TEST_P(ScopeOracleTest, ATakenProjectCodeIsRefusedAlikeInsideAndOutsideTheScope) {
    auto zone = zone_writer();
    const auto inside = read_project(own_project_).project;
    const auto outside = read_project(project_outside_zone(zone_->id)).project;
    const auto before = snapshot();
    const auto seq = audit_seq();
    auto in_body = make_project_body(zone_->id, own_investor_);
    in_body["code"] = inside.code;
    auto out_body = make_project_body(zone_->id, own_investor_);
    out_body["code"] = outside.code;
    auto in_scope = zone->post("/api/v1/projects", in_body);
    auto out_of_scope = zone->post("/api/v1/projects", out_body);
    EXPECT_EQ(in_scope.status, 409) << in_scope.body;
    EXPECT_EQ(comparable(in_scope), comparable(out_of_scope)) << in_scope.body << "\n" << out_of_scope.body;
    // The id as an answer would name it (a bare digit would match the status code).
    const auto id = std::to_string(outside.id);
    for (const auto& text : {outside.name, other_->name, "编号 " + id, "编号" + id, "id " + id, "\"id\":" + id}) {
        EXPECT_EQ(out_of_scope.body.find(text), std::string::npos) << text << " in " << out_of_scope.body;
    }
    // A patch to the code of a project elsewhere: the same answer.
    const auto version = inside.version;
    auto patched = zone->patch("/api/v1/projects/" + std::to_string(own_project_), json::object{{"code", outside.code}},
                               {{"If-Match", "\"" + std::to_string(version) + "\""}});
    EXPECT_EQ(patched.status, 409) << patched.body;
    EXPECT_EQ(comparable(patched), comparable(out_of_scope)) << patched.body;
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(audit_seq(), seq);
}

INSTANTIATE_TEST_SUITE_P(Backends, ScopeOracleTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
