// The demo's monthly reports and coordination items are in the audit log like any other write:
// one `report.load` entry per project naming exactly the months and states loaded, and one
// `coordination_item.create` per item.
#include <map>
#include <set>

#include "audit_fixture.hpp"

namespace sanpi::testing {
namespace {

class DemoAuditTest : public AuditTest {
protected:
    std::vector<domain::AuditEntry> whole_chain() {
        std::vector<domain::AuditEntry> out;
        for (std::int64_t after = 0;;) {
            auto page = entries_after(after);
            if (page.empty()) return out;
            after = page.back().seq;
            out.insert(out.end(), page.begin(), page.end());
        }
    }
};

TEST_P(DemoAuditTest, EveryLoadedReportIsInItsProjectsLoadEntry) {
    std::map<std::int64_t, std::string> logged;  // project id -> "2022-01:approved,2022-02:submitted,…"
    for (const auto& e : whole_chain()) {
        if (e.action != "report.load") continue;
        EXPECT_EQ(e.entity_type, "project");
        EXPECT_EQ(e.actor_name, "system");
        const auto months = change_of(e, "reports");
        ASSERT_TRUE(months && months->after) << e.seq;
        EXPECT_TRUE(logged.emplace(e.entity_id, *months->after).second) << "two load entries for " << e.entity_id;
    }

    std::vector<std::int64_t> ids;
    for (std::int64_t id = 1; id <= demo_.projects; ++id) ids.push_back(id);
    auto reports = store::read_value<std::vector<domain::ProgressReport>>(
        store(), [&](store::Tx& tx) { return tx.list_reports_of_projects(ids); });
    ASSERT_TRUE(reports);
    std::map<std::int64_t, std::string> loaded;
    for (const auto& r : *reports) {
        auto& text = loaded[r.project_id];
        text += (text.empty() ? "" : ",") + r.month.to_string() + ":" + std::string(domain::to_string(r.status));
    }
    EXPECT_EQ(static_cast<std::int64_t>(reports->size()), demo_.progress_reports);
    EXPECT_GT(loaded.size(), 100u);
    EXPECT_EQ(logged, loaded);
}

TEST_P(DemoAuditTest, EveryCoordinationItemHasItsCreateEntry) {
    std::set<std::int64_t> logged;
    for (const auto& e : whole_chain()) {
        if (e.action != "coordination_item.create") continue;
        EXPECT_EQ(e.entity_type, "coordination_item");
        EXPECT_TRUE(change_of(e, "description")) << e.seq;
        logged.insert(e.entity_id);
    }
    std::set<std::int64_t> items;
    store::CoordinationQuery q;
    q.limit = 100;
    for (;; q.offset += q.limit) {
        auto page = store::read_value<store::Page<store::CoordinationItemRecord>>(
            store(), [&](store::Tx& tx) { return tx.list_coordination_items(domain::Scope::all(), q); });
        ASSERT_TRUE(page);
        if (page->items.empty()) break;
        for (const auto& rec : page->items) items.insert(rec.item.id);
    }
    EXPECT_EQ(static_cast<std::int64_t>(items.size()), demo_.coordination_items);
    EXPECT_EQ(logged, items);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoAuditTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
