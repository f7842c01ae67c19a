// The warning rules: read by all, changed by the province only, validated (nothing written on a
// refusal), versioned with If-Match semantics, audited, and every light recomputed under them.
#include "service/audit_service.hpp"
#include "warning_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Light;

class WarningRulesTest : public WarningTest {
protected:
    std::int64_t version() { return warnings().rules(as("viewer")).value().rules.version; }
};

TEST_P(WarningRulesTest, DefaultsAreVersionOne) {
    auto rules = warnings().rules(as("viewer"));
    ASSERT_TRUE(rules) << rules.error().message.en;
    EXPECT_EQ(rules->rules, domain::WarningRules{});
    EXPECT_EQ(rules->rules.version, 1);
    EXPECT_FALSE(rules->created_by);
}

TEST_P(WarningRulesTest, OnlyTheProvinceChangesThemAndNothingIsWrittenOnARefusal) {
    domain::WarningRules next;
    next.start_overdue_red_days = 30;
    for (const char* who : {"taiyuan", "taiyuan-zgq", "supervisor", "viewer"}) {
        auto r = warnings().update_rules(as(who), 1, next);
        ASSERT_FALSE(r) << who;
        EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << who;
    }
    auto stale = warnings().update_rules(as("province"), 7, next);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    domain::WarningRules bad;
    bad.coordination_overdue_red_days = -3;
    bad.investment_behind_yellow_points = 35;  // above red (30)
    bad.commitment_yellow_percent = 120;
    auto invalid = warnings().update_rules(as("province"), 1, bad);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidInput);
    std::vector<std::string> fields;
    for (const auto& f : invalid.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"coordination_overdue_red_days", "commitment_yellow_percent"}));
    EXPECT_EQ(version(), 1);
}

TEST_P(WarningRulesTest, ANewVersionIsAuditedAndRelightsEveryProject) {
    auto made = signed_project(ymd(2023, 11, 1), ymd(2023, 12, 1));  // 45 days late: yellow
    ASSERT_EQ(made.light->light, Light::kYellow);
    domain::WarningRules next;
    next.start_overdue_red_days = 30;
    auto stored = warnings().update_rules(as("province"), 1, next);
    ASSERT_TRUE(stored) << stored.error().message.en;
    EXPECT_EQ(stored->rules.version, 2);
    EXPECT_EQ(stored->rules.start_overdue_red_days, 30);
    EXPECT_EQ(stored->created_by_name, "province");
    EXPECT_EQ(version(), 2);
    auto light = light_of(made.project.id);
    EXPECT_EQ(light.light, Light::kRed);
    EXPECT_EQ(light.rule_version, 2);
    EXPECT_EQ(light.history.back().rule_version, 2);
    expect_kept_lights_equal_recomputation();

    store::AuditQuery q;
    q.entity_type = "warning_rules";
    auto page = store::read_value<store::AuditPage>(store(), [&](store::Tx& tx) { return tx.list_audit(q); });
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].action, "warning_rules.update");
    EXPECT_EQ(page->items[0].entity_id, 2);
    bool found = false;
    for (const auto& c : page->items[0].changes) {
        if (c.field != "start_overdue_red_days") continue;
        found = true;
        EXPECT_EQ(c.before, "90");
        EXPECT_EQ(c.after, "30");
    }
    EXPECT_TRUE(found);
    auto stale = warnings().update_rules(as("province"), 1, next);  // based on version 1
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_P(WarningRulesTest, WarningsStayInsideTheCallersScope) {
    auto all = warnings().list(as("province"), {}).value();
    auto zone_user = as("taiyuan-zgq");
    auto mine = warnings().list(zone_user, {}).value();
    const auto own_zone = zone("taiyuan-zgq").id;
    ASSERT_GT(mine.page.total, 0);
    EXPECT_LT(mine.page.total, all.page.total);
    for (const auto& item : mine.page.items) EXPECT_EQ(item.zone_id, own_zone);
    ASSERT_EQ(mine.counts.by_zone.size(), 1u);
    EXPECT_EQ(mine.counts.by_zone[0].key, std::to_string(own_zone));
    EXPECT_EQ(mine.counts.red + mine.counts.yellow, mine.page.total);
    // A project of another zone: as if it did not exist.
    store::WarningQuery datong;
    datong.zone_id = zone("datong-etdz").id;
    auto theirs = warnings().list(as("province"), datong).value();
    ASSERT_FALSE(theirs.page.items.empty());
    auto hidden = warnings().project_light(zone_user, theirs.page.items[0].project_id);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
    auto filtered = warnings().list(zone_user, datong).value();  // filtering cannot widen the scope
    EXPECT_EQ(filtered.page.total, 0);
    auto city = warnings().list(as("taiyuan"), {}).value();
    for (const auto& c : city.counts.by_city) EXPECT_EQ(c.key, "140100");
}

TEST_P(WarningRulesTest, CountsAddUpAcrossCitiesZonesIndustriesAndRules) {
    auto list = warnings().list(as("province"), {}).value();
    const auto sum = [](const std::vector<store::WarningCount>& counts) {
        std::int64_t red = 0, yellow = 0;
        for (const auto& c : counts) red += c.red, yellow += c.yellow;
        return std::pair(red, yellow);
    };
    const auto total = std::pair(list.counts.red, list.counts.yellow);
    EXPECT_EQ(list.counts.red + list.counts.yellow, list.page.total);
    EXPECT_EQ(sum(list.counts.by_city), total);
    EXPECT_EQ(sum(list.counts.by_zone), total);
    EXPECT_EQ(sum(list.counts.by_industry), total);
    for (const auto& c : list.counts.by_rule) {
        store::WarningQuery q;
        q.rule = domain::warning_rule_from_string(c.key);
        ASSERT_TRUE(q.rule) << c.key;
        EXPECT_EQ(warnings().list(as("province"), q).value().page.total, c.red + c.yellow) << c.key;
    }
    store::WarningQuery red;
    red.light = Light::kRed;
    auto reds = warnings().list(as("province"), red).value();
    EXPECT_EQ(reds.page.total, list.counts.red);
    for (const auto& item : reds.page.items) EXPECT_EQ(item.light, Light::kRed);
}

INSTANTIATE_TEST_SUITE_P(Backends, WarningRulesTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
