// The demo's coordination items: every status, category and level, some overdue and some not
// (under the tests' clock and the real one), consistent with their projects, valid by the
// domain's rules, and never duplicated by a second run.
#include "service/demo_coordination.hpp"

#include <set>

#include "domain/coordination_item.hpp"
#include "service/coordination_service.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using store::CoordinationItemRecord;

class DemoCoordinationTest : public ServiceTest {
protected:
    std::vector<CoordinationItemRecord> items() {
        std::vector<CoordinationItemRecord> out;
        store::CoordinationQuery q;
        q.limit = 500;
        for (q.offset = 0;; q.offset += q.limit) {
            auto page = store::read_value<store::Page<CoordinationItemRecord>>(
                store(), [&](store::Tx& tx) { return tx.list_coordination_items(store::Scope::all(), q); });
            EXPECT_TRUE(page);
            if (!page || page->items.empty()) break;
            out.insert(out.end(), page->items.begin(), page->items.end());
        }
        return out;
    }
};

TEST_P(DemoCoordinationTest, EveryStatusCategoryAndLevelAppears) {
    std::set<std::string_view> statuses, categories, levels;
    for (const auto& r : items()) {
        statuses.insert(domain::to_string(r.item.status));
        categories.insert(domain::to_string(r.item.category));
        levels.insert(domain::to_string(r.item.level));
    }
    EXPECT_EQ(statuses.size(), 5u);
    EXPECT_EQ(categories.size(), 7u);
    EXPECT_EQ(levels.size(), 3u);
    EXPECT_EQ(demo_.coordination_items, static_cast<std::int64_t>(items().size()));
}

TEST_P(DemoCoordinationTest, SomeAreOverdueAndSomeNotUnderTheTestAndTheRealClock) {
    for (const domain::Date today :
         {clock_.today(), service::SystemClock().today(), domain::Date::from_ymd(2022, 12, 31).value()}) {
        int overdue = 0, unsettled_on_time = 0;
        for (const auto& r : items()) {
            if (domain::is_overdue(r.item, today)) {
                ++overdue;
            } else if (!domain::is_settled(r.item.status)) {
                ++unsettled_on_time;
            }
        }
        EXPECT_GT(overdue, 10) << today.iso();
        EXPECT_GT(unsettled_on_time, 5) << today.iso();
    }
}

TEST_P(DemoCoordinationTest, ItemsAreValidAndFitTheirProjects) {
    const auto last_demo_day = domain::Date::from_ymd(2022, 12, 20).value();
    for (const auto& r : items()) {
        const auto raised = service::china_date(r.created_at);
        EXPECT_TRUE(domain::validate_coordination_item(r.item, raised).empty()) << r.item.id;
        EXPECT_LE(raised, last_demo_day) << r.item.id;
        EXPECT_TRUE(r.created_by.has_value()) << r.item.id;  // raised by the zone's account
        auto project = projects().get(as("province"), r.item.project_id);
        ASSERT_TRUE(project);
        const auto& p = project->project;
        EXPECT_TRUE(p.synthetic);
        EXPECT_NE(p.status, domain::ProjectStatus::kCancelled) << p.code;
        if (p.actual.sign) {
            EXPECT_GT(raised, *p.actual.sign) << p.code;
        }
        EXPECT_TRUE(r.item.description.ends_with("（模拟数据）")) << r.item.id;
        // updated_at says when the item reached its status; an open one has not moved since.
        if (r.item.status == domain::CoordinationStatus::kOpen) {
            EXPECT_EQ(r.updated_at, r.created_at) << r.item.id;
        } else {
            EXPECT_GT(r.updated_at, r.created_at) << r.item.id;
        }
        EXPECT_LE(service::china_date(r.updated_at), domain::Date::from_ymd(2022, 12, 28).value()) << r.item.id;
    }
}

TEST_P(DemoCoordinationTest, ZonesSeeTheirOwnItemsThroughTheService) {
    service::CoordinationService coordination(store(), clock_);
    const auto z = zone("taiyuan-zgq");
    auto page = coordination.list(as("taiyuan-zgq"), {});
    ASSERT_TRUE(page) << page.error().message.en;
    for (const auto& v : page->items) EXPECT_EQ(v.record.zone_id, z.id);
    store::CoordinationQuery q;
    q.zone_id = z.id;
    auto all = coordination.list(as("province"), q);
    ASSERT_TRUE(all);
    EXPECT_EQ(page->total, all->total);
}

TEST_P(DemoCoordinationTest, RerunningAddsNothing) {
    const auto before = items().size();
    ASSERT_GT(before, 0u);
    auto again = service::load_demo(store(), clock_);
    ASSERT_TRUE(again) << again.error().message.en;
    EXPECT_EQ(again->coordination_items, 0);
    EXPECT_EQ(items().size(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoCoordinationTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
