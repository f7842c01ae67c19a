#pragma once
// A migrated store per backend with the demo loaded and real services over it.
#include <gtest/gtest.h>

#include <memory>

#include "service/auth_service.hpp"
#include "service/campaign_service.hpp"
#include "service/catalog_service.hpp"
#include "service/demo.hpp"
#include "service/project_service.hpp"
#include "store/transact.hpp"
#include "support/demo_store.hpp"

namespace sanpi::testing {

// 2024-01-15 08:00 in Beijing: after every demo date, so "today" checks are deterministic.
inline constexpr store::Timestamp kTestNow = 1705276800;

class ServiceTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        auto made = make_demo_store(GetParam(), clock_);
        db_ = std::move(made.db);
        demo_ = made.demo;
    }

    store::Store& store() { return *db_->store; }

    service::Principal as(const std::string& name) {
        auto user = store::read_value<std::optional<domain::User>>(
            store(), [&](store::Tx& tx) { return tx.find_user_by_name(name); });
        EXPECT_TRUE(user && *user) << "no demo user " << name;
        return service::AuthService::principal_for(**user);
    }

    domain::Zone zone(const std::string& code) {
        auto z = store::read_value<std::optional<domain::Zone>>(
            store(), [&](store::Tx& tx) { return tx.find_zone_by_code(code); });
        EXPECT_TRUE(z && *z) << "no demo zone " << code;
        return **z;
    }

    service::AuthService auth() { return service::AuthService(store(), clock_); }
    service::ProjectService projects() { return service::ProjectService(store(), clock_); }
    service::CampaignService campaigns() { return service::CampaignService(store(), clock_); }

    // An active reserve project of the demo, the first by id.
    std::int64_t reserve_project_id() {
        store::ProjectQuery q;
        q.stage = domain::Stage::kReserve;
        q.status = domain::ProjectStatus::kActive;
        q.limit = 1;
        auto page = projects().list(as("province"), q).value();
        EXPECT_FALSE(page.items.empty());
        return page.items.front().project.id;
    }

    // An active project of `zone_code` at `stage` (the first by id), as stored.
    domain::Project project_at(const std::string& zone_code, domain::Stage stage) {
        store::ProjectQuery q;
        q.stage = stage;
        q.status = domain::ProjectStatus::kActive;
        q.zone_id = zone(zone_code).id;
        q.limit = 50;
        auto page = projects().list(as("province"), q).value();
        EXPECT_FALSE(page.items.empty()) << zone_code;
        // Demo projects in a batch already are entered in the demo campaign: pick one that is not,
        // and that signed before the campaigns these tests hold in 2023.
        for (const auto& item : page.items) {
            const auto& sign = item.project.actual.sign;
            if (sign && domain::Date::from_ymd(2023, 9, 1).value() < *sign) continue;
            auto entries = store::read_value<std::vector<domain::CampaignEntry>>(
                store(), [&](store::Tx& tx) { return tx.project_campaign_entries(item.project.id); });
            if (entries && entries->empty()) return projects().get(as("province"), item.project.id).value().project;
        }
        ADD_FAILURE() << "no unentered project at that stage in " << zone_code;
        return {};
    }

    // A new planning campaign, created by the province (venues: the province's main venue).
    domain::Campaign planned_campaign(const std::string& name, domain::Date date) {
        service::CampaignDraft draft;
        draft.name = name;
        draft.date = date;
        draft.venues = std::vector<domain::Venue>{{"主会场", "140000", true}};
        auto made = campaigns().create(as("province"), draft);
        EXPECT_TRUE(made) << (made ? "" : made.error().message.en);
        return made ? *made : domain::Campaign{};
    }

    std::unique_ptr<TestStore> db_;
    service::FixedClock clock_{kTestNow};
    service::DemoReport demo_;
};

}  // namespace sanpi::testing
