// A campaign's summary broken down by city, zone and industry, and its entry list, through the
// service: scoped for every role, adding up to the batch totals, and fresh after a write.
#include <map>
#include <set>

#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;
using domain::BatchSummary;

class CampaignSummaryTest : public ServiceTest {
protected:
    domain::CampaignSummary summary(const service::Principal& who) {
        auto s = campaigns().summary(who, demo_.campaign_id);
        EXPECT_TRUE(s) << s.error().message.en;
        return s ? *s : domain::CampaignSummary{};
    }

    // Every entry of the batch the caller sees, page by page.
    std::vector<store::CampaignEntryView> all_entries(const service::Principal& who, BatchKind batch,
                                                      std::int64_t* total = nullptr) {
        std::vector<store::CampaignEntryView> out;
        store::CampaignEntryQuery q;
        q.campaign_id = demo_.campaign_id;
        q.batch = batch;
        q.limit = 100;
        for (;; q.offset += q.limit) {
            auto page = campaigns().entries(who, q);
            EXPECT_TRUE(page) << page.error().message.en;
            if (!page) break;
            if (total) *total = page->total;
            out.insert(out.end(), page->items.begin(), page->items.end());
            if (static_cast<std::int64_t>(page->items.size()) < q.limit) break;
        }
        return out;
    }

    // Each breakdown of each batch adds up to the batch's count and investment.
    static void expect_breakdowns_add_up(const domain::CampaignSummary& s, bool with_places) {
        for (const auto& b : s.batches) {
            const auto sums = [&](const auto& lines, const char* what) {
                std::int64_t projects = 0, fen = 0;
                for (const auto& l : lines) {
                    projects += l.projects;
                    fen += l.investment.fen();
                }
                EXPECT_EQ(projects, b.projects) << what << " of " << domain::to_string(b.batch);
                EXPECT_EQ(fen, b.total_investment.fen()) << what << " of " << domain::to_string(b.batch);
            };
            sums(b.by_industry, "industries");
            if (with_places) {
                sums(b.by_city, "cities");
                sums(b.by_zone, "zones");
            }
        }
    }
};

TEST_P(CampaignSummaryTest, TheProvincesBreakdownsAddUpToTheReportsFigures) {
    const auto s = summary(as("province"));
    ASSERT_EQ(s.batches.size(), 3u);
    EXPECT_EQ(s.batches[0].projects, 321);
    EXPECT_EQ(s.batches[1].projects, 302);
    EXPECT_EQ(s.batches[2].projects, 189);
    expect_breakdowns_add_up(s, true);
    const auto& sign = s.batches[0];
    ASSERT_EQ(sign.by_industry.size(), 8u);  // every industry of the dictionary, in its order
    EXPECT_EQ(sign.by_industry[0].industry_code, "modern_coal_chemical");
    EXPECT_FALSE(sign.by_industry[0].name.empty());
    EXPECT_FALSE(sign.by_industry[0].name_en.empty());
    ASSERT_EQ(sign.by_city.size(), 11u);  // Shanxi's cities, each with zones
    EXPECT_EQ(sign.by_city[0].city_code, "140100");
    EXPECT_EQ(sign.by_city[0].name, "太原市");
    EXPECT_EQ(sign.by_city[0].name_en, "Taiyuan");
    for (std::size_t i = 1; i < sign.by_city.size(); ++i)
        EXPECT_LT(sign.by_city[i - 1].city_code, sign.by_city[i].city_code);
    for (const auto& z : sign.by_zone) {
        EXPECT_GT(z.projects, 0);  // zones without entries are left out
        EXPECT_FALSE(z.name.empty());
    }
    EXPECT_EQ(summary(as("supervisor")).batches[2].by_city.size(), 11u);
}

TEST_P(CampaignSummaryTest, ACityAndAZoneSeeOnlyTheirOwnFigures) {
    const auto province = summary(as("province"));
    const auto city = summary(as("taiyuan"));
    expect_breakdowns_add_up(city, true);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& b = city.batches[i];
        ASSERT_EQ(b.by_city.size(), 1u);
        EXPECT_EQ(b.by_city[0].city_code, "140100");
        EXPECT_EQ(b.projects, province.batches[i].by_city[0].projects);
        EXPECT_EQ(b.total_investment, province.batches[i].by_city[0].investment);
        for (const auto& z : b.by_zone) EXPECT_EQ(z.city_code, "140100");
    }
    const auto own = zone("taiyuan-zgq");
    const auto zone_summary = summary(as("taiyuan-zgq"));
    expect_breakdowns_add_up(zone_summary, true);
    for (const auto& b : zone_summary.batches) {
        for (const auto& z : b.by_zone) EXPECT_EQ(z.zone_id, own.id);
    }
}

TEST_P(CampaignSummaryTest, ANationalSummaryListsIndustriesButNoCitiesOrZones) {
    ASSERT_TRUE(auth().add_user("ministry", domain::Role::kSupervisor, "national", "a-long-password"));
    const auto national = summary(as("ministry"));
    const auto province = summary(as("province"));
    expect_breakdowns_add_up(national, false);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(national.batches[i].projects, province.batches[i].projects);
        EXPECT_TRUE(national.batches[i].by_city.empty());
        EXPECT_TRUE(national.batches[i].by_zone.empty());
        EXPECT_EQ(national.batches[i].by_industry.size(), 8u);
    }
}

TEST_P(CampaignSummaryTest, EachBatchsEntriesAreItsCountInEveryScope) {
    for (const char* user : {"province", "taiyuan", "taiyuan-zgq"}) {
        const auto who = as(user);
        const auto s = summary(who);
        for (const auto& b : s.batches) {
            std::int64_t total = -1;
            const auto entries = all_entries(who, b.batch, &total);
            EXPECT_EQ(total, b.projects) << user << " " << domain::to_string(b.batch);
            EXPECT_EQ(static_cast<std::int64_t>(entries.size()), b.projects) << user;
            std::set<std::int64_t> projects;
            std::int64_t fen = 0;
            for (const auto& e : entries) {
                projects.insert(e.entry.project_id);
                fen += e.project.project.total_investment.fen();
                EXPECT_EQ(e.entry.batch, b.batch);
                EXPECT_EQ(e.entry.project_id, e.project.project.id);
                if (std::string(user) == "taiyuan") {
                    EXPECT_EQ(e.project.city_code, "140100");
                }
                if (std::string(user) == "taiyuan-zgq") {
                    EXPECT_EQ(e.project.project.zone_id, zone("taiyuan-zgq").id);
                }
            }
            EXPECT_EQ(projects.size(), entries.size()) << "each project once per batch";
            EXPECT_EQ(fen, b.total_investment.fen()) << user;
        }
    }
}

TEST_P(CampaignSummaryTest, AnUnknownCampaignHasNoEntries) {
    store::CampaignEntryQuery q;
    q.campaign_id = 987654;
    auto r = campaigns().entries(as("province"), q);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

// The kept answer (per scope, with the figures' generation) is replaced when a project entered in
// a planned campaign moves to another industry, through any server; a held campaign's (the
// demo's) stays as it was counted.
TEST_P(CampaignSummaryTest, AnEnteredProjectsNewIndustryShowsInAPlannedCampaignsNextSummaryOnly) {
    service::CampaignService server(store(), clock_);
    const auto who = as("province");
    const auto held_before = server.summary(who, demo_.campaign_id).value();
    service::CampaignDraft draft;
    draft.name = "第三次活动";
    draft.date = domain::Date::from_ymd(2023, 9, 20).value();
    const auto planned = campaigns().create(who, draft).value();
    // A project the demo counted as signed that the new campaign may count as started.
    domain::Project entered;
    for (const auto& e : all_entries(who, BatchKind::kSign)) {
        if (campaigns().add_entry(who, planned.id, e.project.project.id, BatchKind::kStart)) {
            entered = e.project.project;
            break;
        }
    }
    ASSERT_NE(entered.id, 0);
    const auto before = server.summary(who, planned.id).value();
    const auto& lines = before.batches[1].by_industry;
    const auto other = std::find_if(lines.begin(), lines.end(),
                                    [&](const auto& l) { return l.industry_code != entered.industry_code; });
    ASSERT_NE(other, lines.end());
    service::ProjectPatch move;
    move.industry_code = other->industry_code;
    auto moved = projects().update(who, entered.id, entered.version, move);
    ASSERT_TRUE(moved) << moved.error().message.en;
    const auto after = server.summary(who, planned.id).value();
    const auto count = [](const domain::CampaignSummary& s, std::size_t batch, const std::string& code) {
        for (const auto& l : s.batches[batch].by_industry) {
            if (l.industry_code == code) return l.projects;
        }
        return std::int64_t{-1};
    };
    EXPECT_EQ(count(after, 1, other->industry_code), count(before, 1, other->industry_code) + 1);
    EXPECT_EQ(count(after, 1, entered.industry_code), count(before, 1, entered.industry_code) - 1);
    EXPECT_EQ(after.batches[1].projects, 1);
    expect_breakdowns_add_up(after, true);

    const auto held_after = server.summary(who, demo_.campaign_id).value();
    EXPECT_EQ(count(held_after, 0, other->industry_code), count(held_before, 0, other->industry_code));
    EXPECT_EQ(count(held_after, 0, entered.industry_code), count(held_before, 0, entered.industry_code));
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignSummaryTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
