// The daily sweep's many-row writes, on both backends, with more rows than one statement takes
// (value_rows.hpp), so each is split: audit entries appended together chain as if appended one by
// one; ladder notices skip exactly the rungs that hold one; lights, their rules and history are
// stored as save_light stores them one at a time.
#include <map>
#include <set>

#include "domain/audit_check.hpp"
#include "domain/warning_light.hpp"
#include "service/audit_trail.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::AuditEntry;
using domain::Light;
using domain::Notice;

// More than two statements' worth of rows (kRowsPerStatement is 200), and not a multiple of it.
constexpr int kMany = 450;

// The chain's own hash (BLAKE2b), as the service seals entries.
const domain::HashFunction kHash = service::audit_hash_function();

class SweepBatchesTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        world_ = seed();
    }

    std::vector<std::int64_t> add_projects(int n) {
        std::vector<std::int64_t> ids;
        write_void([&](store::Tx& tx) -> Result<void> {
            for (int i = 0; i < n; ++i) {
                auto id = tx.insert_project(make_project("SWEEP-" + std::to_string(i), world_.taiyuan_zone));
                if (!id) return id.error();
                ids.push_back(*id);
            }
            return {};
        });
        return ids;
    }

    Notice ladder_notice(std::int64_t project, domain::LadderStep step, domain::Date since) const {
        Notice n;
        n.target = domain::NoticeTarget::kProject;
        n.project_id = project;
        n.zone_id = world_.taiyuan_zone;
        n.level = step == domain::LadderStep::kRed ? domain::NoticeLevel::kProvince : domain::NoticeLevel::kCity;
        n.problem = "连续预警";
        n.action_requested = "说明原因";
        n.deadline = date(2024, 3, 1);
        n.ladder_step = step;
        n.ladder_since = since;
        return n;
    }

    World world_;
};

TEST_P(SweepBatchesTest, EntriesAppendedTogetherChainAsIfAppendedOneByOne) {
    write<AuditEntry>([](store::Tx& tx) {
        AuditEntry e;
        e.actor_name = "province";
        e.at = 1705276800;
        e.action = "project.update";
        e.entity_type = "project";
        e.entity_id = 1;
        return tx.append_audit(e, kHash);
    });
    std::vector<AuditEntry> drafts;
    for (int i = 0; i < kMany; ++i) {
        AuditEntry e;
        e.actor_name = "system";
        e.at = 1705276800 + i;
        e.action = "notice.issue";
        e.entity_type = "notice";
        e.entity_id = i + 1;
        e.changes = {{"problem", std::nullopt, "第" + std::to_string(i) + "条"}};
        drafts.push_back(e);
    }
    const auto sealed = write<std::vector<AuditEntry>>([&](store::Tx& tx) { return tx.append_audits(drafts, kHash); });
    ASSERT_EQ(sealed.size(), drafts.size());

    const auto head = read<std::optional<domain::ChainHead>>([](store::Tx& tx) { return tx.audit_head(); });
    ASSERT_TRUE(head);
    EXPECT_EQ(head->seq, kMany + 1);
    EXPECT_EQ(head->hash, sealed.back().hash);
    domain::AuditChainCheck check(kHash, head);
    std::vector<AuditEntry> stored;
    for (std::int64_t after = 0;;) {
        const auto page =
            read<std::vector<AuditEntry>>([&](store::Tx& tx) { return tx.audit_chain_page(after, 1000); });
        if (page.empty()) break;
        for (const auto& e : page) {
            const auto finding = check.add(e);
            ASSERT_FALSE(finding) << finding->message.en;
            stored.push_back(e);
        }
        after = page.back().seq;
    }
    EXPECT_FALSE(check.finish());
    ASSERT_EQ(stored.size(), drafts.size() + 1);
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        EXPECT_EQ(stored[i + 1].seq, static_cast<std::int64_t>(i) + 2);
        EXPECT_EQ(stored[i + 1].hash, sealed[i].hash);
        EXPECT_EQ(stored[i + 1].changes, drafts[i].changes);
    }
    // The next single append links to the batch's last entry.
    const auto next = write<AuditEntry>([&](store::Tx& tx) { return tx.append_audit(drafts.front(), kHash); });
    EXPECT_EQ(next.seq, kMany + 2);
    EXPECT_EQ(next.prev_hash, sealed.back().hash);
}

TEST_P(SweepBatchesTest, LadderNoticesSkipExactlyTheRungsThatHoldOne) {
    const auto projects = add_projects(kMany / 2);
    const auto spell = date(2024, 1, 15);
    const auto earlier = date(2023, 10, 1);
    // Project 0: an open yellow-rung notice of an earlier spell. Project 1: a closed one of this
    // spell. Project 2: a closed one of an earlier spell (not in the way).
    write_void([&](store::Tx& tx) -> Result<void> {
        for (const auto& [index, since, closed] :
             {std::tuple{0, earlier, false}, std::tuple{1, spell, true}, std::tuple{2, earlier, true}}) {
            auto n = ladder_notice(projects[static_cast<std::size_t>(index)], domain::LadderStep::kYellowStreak, since);
            if (closed) n.status = domain::NoticeStatus::kClosed;
            if (auto id = tx.insert_notice(n, 1705276800); !id) return id.error();
        }
        return {};
    });
    std::vector<Notice> wanted;
    for (const auto id : projects) {
        wanted.push_back(ladder_notice(id, domain::LadderStep::kYellowStreak, spell));
        wanted.push_back(ladder_notice(id, domain::LadderStep::kRed, spell));
    }
    const auto written =
        write<std::vector<Notice>>([&](store::Tx& tx) { return tx.insert_ladder_notices(wanted, 1705363200); });

    ASSERT_EQ(written.size(), wanted.size() - 2);
    std::set<std::int64_t> ids;
    std::size_t w = 0;
    for (const auto& n : wanted) {
        const bool held = n.ladder_step == domain::LadderStep::kYellowStreak &&
                          (n.project_id == projects[0] || n.project_id == projects[1]);
        if (held) continue;
        ASSERT_LT(w, written.size());
        const auto& got = written[w++];  // in the order given
        EXPECT_EQ(got.project_id, n.project_id);
        EXPECT_EQ(got.ladder_step, n.ladder_step);
        ids.insert(got.id);
        const auto stored = read<std::optional<store::NoticeRecord>>(
            [&](store::Tx& tx) { return tx.get_notice(domain::Scope::all(), got.id); });
        ASSERT_TRUE(stored) << "notice " << got.id;
        EXPECT_EQ(stored->notice.project_id, n.project_id);
        EXPECT_EQ(stored->notice.ladder_step, n.ladder_step);
        EXPECT_EQ(stored->notice.ladder_since, spell);
        EXPECT_EQ(stored->notice.level, n.level);
        EXPECT_EQ(stored->notice.version, 1);
    }
    EXPECT_EQ(ids.size(), written.size());

    // Their events, many at once, each on its notice.
    std::vector<store::NoticeEvent> events;
    for (const auto& n : written) {
        store::NoticeEvent e;
        e.notice_id = n.id;
        e.at = 1705363200;
        e.text = n.problem;
        e.deadline = n.deadline;
        e.level = n.level;
        events.push_back(e);
    }
    write_void([&](store::Tx& tx) { return tx.insert_notice_events(events); });
    for (const auto id : {written.front().id, written[written.size() / 2].id, written.back().id}) {
        const auto stored = read<std::vector<store::NoticeEvent>>([&](store::Tx& tx) { return tx.notice_events(id); });
        ASSERT_EQ(stored.size(), 1u) << "notice " << id;
        EXPECT_EQ(stored[0].text, "连续预警");
    }

    // Asked again, every rung holds one: nothing is written.
    EXPECT_TRUE(write<std::vector<Notice>>([&](store::Tx& tx) {
                    return tx.insert_ladder_notices(wanted, 1705449600);
                }).empty());
}

TEST_P(SweepBatchesTest, LightsSavedTogetherAreStoredAsOneAtATime) {
    const auto projects = add_projects(kMany);
    const auto first_day = date(2024, 1, 15);
    const domain::LightReason late{domain::WarningRule::kStartOverdue, Light::kRed, {40}};
    const domain::LightReason quiet{domain::WarningRule::kReportMissing, Light::kYellow, {2}};
    // Day one: every project lit, a third red with two reasons, the rest yellow with one.
    std::vector<store::LightWrite> lit;
    for (std::size_t i = 0; i < projects.size(); ++i) {
        domain::ProjectLight light = i % 3 == 0 ? domain::ProjectLight{Light::kRed, {late, quiet}}
                                                : domain::ProjectLight{Light::kYellow, {quiet}};
        lit.push_back({projects[i], light, store::StoredLight{}, first_day, 1});
    }
    write_void([&](store::Tx& tx) { return tx.save_lights(lit); });
    // Day two: the red ones turn green, the yellow ones stay yellow with a new reason list.
    const auto second_day = date(2024, 1, 16);
    const auto stored_then = read<std::vector<std::pair<std::int64_t, store::StoredLight>>>(
        [](store::Tx& tx) { return tx.all_stored_lights(); });
    ASSERT_EQ(stored_then.size(), projects.size());
    std::vector<store::LightWrite> relit;
    for (std::size_t i = 0; i < projects.size(); ++i) {
        ASSERT_EQ(stored_then[i].first, projects[i]);
        domain::ProjectLight light = i % 3 == 0 ? domain::ProjectLight{} : domain::ProjectLight{Light::kYellow, {late}};
        relit.push_back({projects[i], light, stored_then[i].second, second_day, 2});
    }
    write_void([&](store::Tx& tx) { return tx.save_lights(relit); });

    const auto stored = read<std::vector<std::pair<std::int64_t, store::StoredLight>>>(
        [](store::Tx& tx) { return tx.all_stored_lights(); });
    std::map<std::int64_t, store::StoredLight> by_project(stored.begin(), stored.end());
    for (std::size_t i = 0; i < projects.size(); ++i) {
        const auto found = by_project.find(projects[i]);
        const auto history =
            read<std::vector<store::LightHistoryEntry>>([&](store::Tx& tx) { return tx.light_history(projects[i]); });
        if (i % 3 == 0) {
            EXPECT_EQ(found, by_project.end()) << "project " << projects[i] << " is green: no row";
            ASSERT_EQ(history.size(), 2u);
            EXPECT_EQ(history[1].from, Light::kRed);
            EXPECT_EQ(history[1].to, Light::kGreen);
            EXPECT_EQ(history[1].on, second_day);
            continue;
        }
        ASSERT_NE(found, by_project.end());
        EXPECT_EQ(found->second.light, Light::kYellow);
        EXPECT_EQ(found->second.reasons, domain::encode_reasons({late}));
        EXPECT_EQ(found->second.since, first_day) << "the colour did not change: its day stays";
        EXPECT_EQ(found->second.rule_version, 2);
        ASSERT_EQ(history.size(), 1u) << "no history row without a change of colour";
        EXPECT_EQ(history[0].to, Light::kYellow);
    }
    // The per-rule rows follow the reasons (the warnings list filters by rule).
    store::WarningQuery by_rule;
    by_rule.rule = domain::WarningRule::kStartOverdue;
    by_rule.limit = 1000;
    const auto late_ones = read<store::Page<store::WarningItem>>(
        [&](store::Tx& tx) { return tx.list_warnings(domain::Scope::all(), by_rule); });
    EXPECT_EQ(late_ones.total, kMany - kMany / 3);
    by_rule.rule = domain::WarningRule::kReportMissing;
    const auto quiet_ones = read<store::Page<store::WarningItem>>(
        [&](store::Tx& tx) { return tx.list_warnings(domain::Scope::all(), by_rule); });
    EXPECT_EQ(quiet_ones.total, 0);
}

SANPI_STORE_SUITE(SweepBatchesTest);

}  // namespace
}  // namespace sanpi::store_test
