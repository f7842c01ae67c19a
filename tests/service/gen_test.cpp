// `sanpi gen`: the synthetic national dataset is reproducible, has the counts asked for, holds
// data the system itself would accept, and its `nation` account sees every province.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/validation.hpp"
#include "service/auth_service.hpp"
#include "service/campaign_service.hpp"
#include "service/catalog_service.hpp"
#include "service/china_regions_data.hpp"
#include "service/gen.hpp"
#include "service/gen_plan.hpp"
#include "service/project_service.hpp"
#include "store/checksum.hpp"
#include "store/transact.hpp"
#include "support/test_store.hpp"

namespace sanpi::testing {
namespace {

constexpr std::int64_t kProjects = 400;

class GenTest : public ::testing::TestWithParam<Backend> {
protected:
    std::unique_ptr<TestStore> generated(std::uint64_t seed, service::GenReport* report = nullptr) {
        auto db = make_test_store(GetParam());
        auto r = service::generate_national(*db->store, {kProjects, 3, seed});
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en);
        if (r && report) *report = *r;
        return db;
    }

    static std::map<std::string, store::TableChecksum> sums(store::Store& s) {
        auto list = store::table_checksums(s);
        EXPECT_TRUE(list);
        std::map<std::string, store::TableChecksum> out;
        for (auto& t : *list) out[t.table] = t;
        return out;
    }

    static service::Principal as(store::Store& s, const std::string& name) {
        auto user = store::read_value<std::optional<domain::User>>(
            s, [&](store::Tx& tx) { return tx.find_user_by_name(name); });
        EXPECT_TRUE(user && *user) << "no account " << name;
        return service::AuthService::principal_for(**user);
    }

    static std::vector<domain::ProjectView> all_projects(store::Store& s, const service::Principal& who) {
        service::FixedClock clock(1705276800);
        store::ProjectQuery q;
        q.limit = kProjects + 10;
        auto page = service::ProjectService(s, clock).list(who, q);
        EXPECT_TRUE(page) << (page ? "" : page.error().message.en);
        return page ? page->items : std::vector<domain::ProjectView>{};
    }
};

TEST_P(GenTest, CountsAreAsAskedAndEveryRegionIsThere) {
    service::GenReport report;
    auto db = generated(7, &report);
    EXPECT_EQ(report.projects, kProjects);
    EXPECT_EQ(report.regions, static_cast<std::int64_t>(service::gen::kChinaRegions.size()));
    EXPECT_EQ(report.regions, 31 + 342);
    EXPECT_GE(report.zones, 2000);   // "a few thousand"
    EXPECT_LE(report.zones, 5000);
    EXPECT_EQ(report.enterprises, 1000);
    EXPECT_GT(report.campaign_entries, 0);
    EXPECT_GT(report.progress_reports, kProjects);  // three months of most signed projects
    auto t = sums(*db->store);
    EXPECT_EQ(t["projects"].rows, kProjects);
    EXPECT_EQ(t["regions"].rows, report.regions);
    EXPECT_EQ(t["zones"].rows, report.zones);
    EXPECT_EQ(t["project_investors"].rows, report.investors);
    EXPECT_EQ(t["campaign_entries"].rows, report.campaign_entries);
    EXPECT_EQ(t["progress_reports"].rows, report.progress_reports);
    EXPECT_EQ(t["users"].rows, report.users);
    EXPECT_EQ(t["audit_log"].rows, 0);
}

TEST_P(GenTest, SameSeedSameRowsOtherSeedOtherRows) {
    auto a = generated(7);
    auto b = generated(7);
    auto c = generated(8);
    auto sa = sums(*a->store), sb = sums(*b->store), sc = sums(*c->store);
    for (const auto& [table, sum] : sa) {
        if (table == "users") continue;  // password hashes are salted at random
        EXPECT_EQ(sum.digest, sb[table].digest) << table;
        EXPECT_EQ(sum.rows, sb[table].rows) << table;
    }
    EXPECT_EQ(sa["users"].rows, sb["users"].rows);
    EXPECT_NE(sa["projects"].digest, sc["projects"].digest);
    EXPECT_EQ(sa["regions"].digest, sc["regions"].digest);  // facts do not depend on the seed
}

TEST_P(GenTest, EveryProjectIsValidAndItsStageMatchesItsDates) {
    auto db = generated(3);
    const auto projects = all_projects(*db->store, as(*db->store, "nation"));
    ASSERT_EQ(static_cast<std::int64_t>(projects.size()), kProjects);
    std::set<domain::Stage> stages;
    for (const auto& v : projects) {
        service::FixedClock clock(1705276800);
        auto full = service::ProjectService(*db->store, clock).get(as(*db->store, "nation"), v.project.id);
        ASSERT_TRUE(full);
        const auto& p = full->project;
        EXPECT_TRUE(p.synthetic) << p.code;
        const auto problems = domain::validate_project(p, service::gen::as_of());
        EXPECT_TRUE(problems.empty()) << p.code << ": " << (problems.empty() ? "" : problems.front().field + " " +
                                                                                       problems.front().message.en);
        EXPECT_EQ(p.actual.sign.has_value(), p.stage >= domain::Stage::kSigned) << p.code;
        EXPECT_EQ(p.actual.capacity.has_value(), p.stage == domain::Stage::kAtCapacity) << p.code;
        stages.insert(p.stage);
    }
    EXPECT_EQ(stages.size(), 5u);  // every stage appears
}

TEST_P(GenTest, NationSeesEveryProvinceOthersKeepTheirScope) {
    auto db = generated(7);
    auto& s = *db->store;
    const auto nation = as(s, "nation");
    EXPECT_EQ(nation.scope.kind, domain::Scope::Kind::kAll);
    EXPECT_FALSE(nation.user.can_write_projects());
    service::FixedClock clock(1705276800);
    auto zones = service::CatalogService(s).zones(nation);
    ASSERT_TRUE(zones);
    std::set<std::string> provinces;
    for (const auto& z : *zones) provinces.insert(z.region.province().str());
    EXPECT_EQ(provinces.size(), 31u);

    const auto everywhere = all_projects(s, nation);
    const auto shanxi = all_projects(s, as(s, "province"));
    const auto taiyuan = all_projects(s, as(s, "taiyuan"));
    EXPECT_EQ(static_cast<std::int64_t>(everywhere.size()), kProjects);
    EXPECT_GT(shanxi.size(), 0u);
    EXPECT_LT(shanxi.size(), everywhere.size());
    for (const auto& v : shanxi) EXPECT_TRUE(v.region_code.starts_with("14")) << v.project.code;
    for (const auto& v : taiyuan) EXPECT_TRUE(v.region_code.starts_with("1401")) << v.project.code;
    std::set<std::string> seen;
    for (const auto& v : everywhere) seen.insert(v.region_code.substr(0, 2));
    EXPECT_GT(seen.size(), 20u);
    // A project elsewhere is not found by Shanxi's province account.
    for (const auto& v : everywhere) {
        if (v.region_code.starts_with("14")) continue;
        auto got = service::ProjectService(s, clock).get(as(s, "province"), v.project.id);
        ASSERT_FALSE(got);
        EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
        break;
    }
    // The campaign counts the same entries the generator wrote, nationally.
    auto summary = service::CampaignService(s, clock).summary(nation, 1);
    ASSERT_TRUE(summary) << summary.error().message.en;
    std::int64_t entered = 0;
    for (const auto& b : summary->batches) entered += b.projects;
    EXPECT_EQ(entered, sums(s)["campaign_entries"].rows);
    EXPECT_EQ(summary->campaign.venues.size(), 31u);
}

TEST_P(GenTest, RefusesADatabaseThatHoldsData) {
    auto db = generated(7);
    auto again = service::generate_national(*db->store, {10, 1, 7});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

INSTANTIATE_TEST_SUITE_P(Backends, GenTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
