// Rankings and as-of figures on both backends, over the demo: a ranking and a dashboard asked as of
// a day stay as they stood after later corrections (which are listed), the weights are versioned
// and audited, and bad asks are refused naming the field.
#include "service/ranking_service.hpp"

#include "service/audit_service.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Date;

constexpr store::Timestamp kDay = 86'400;

class RankingServiceTest : public ServiceTest {
protected:
    service::RankingService rankings() { return service::RankingService(store(), clock_); }
    static Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

    service::Ranking rank(const std::string& who, const service::RankingQuery& q) {
        auto r = rankings().rank(as(who), q);
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en);
        return r ? *r : service::Ranking{};
    }

    // A new project of `zone_code`, signed on `signed_on`.
    domain::ProjectView signed_project(const std::string& zone_code, Date signed_on, std::int64_t yi) {
        service::ProjectPatch p;
        p.name = "排名测试项目" + std::to_string(signed_on.days_since_epoch());
        p.zone_id = zone(zone_code).id;
        p.industry_code = "new_energy";
        p.total_investment = domain::Money::from_fen(yi * 10'000'000'000);
        p.stage_move = domain::StageMove{domain::Stage::kSigned, signed_on, std::nullopt};
        auto made = projects().create(as("province"), p);
        EXPECT_TRUE(made) << (made ? "" : made.error().message.en);
        return *made;
    }

    static void expect_same_ranking(const service::Ranking& a, const service::Ranking& b) {
        ASSERT_EQ(a.items.size(), b.items.size());
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            const auto& x = a.items[i];
            const auto& y = b.items[i];
            EXPECT_EQ(x.ranked.zone_id, y.ranked.zone_id) << "rank " << i + 1;
            EXPECT_EQ(x.ranked.score_micro, y.ranked.score_micro) << "zone " << x.ranked.zone_id;
            EXPECT_EQ(x.previous_rank, y.previous_rank) << "zone " << x.ranked.zone_id;
            for (std::size_t k = 0; k < domain::kRankingIndicatorCount; ++k) {
                EXPECT_EQ(x.measure.values[k].numerator, y.measure.values[k].numerator) << "zone " << x.ranked.zone_id;
                EXPECT_EQ(x.measure.values[k].denominator, y.measure.values[k].denominator)
                    << "zone " << x.ranked.zone_id;
            }
        }
    }

    static void expect_same_dashboard(const domain::Dashboard& a, const domain::Dashboard& b) {
        EXPECT_EQ(a.figures.total.projects, b.figures.total.projects);
        EXPECT_EQ(a.figures.total.investment, b.figures.total.investment);
        EXPECT_EQ(a.figures.counts.signed_count, b.figures.counts.signed_count);
        EXPECT_EQ(a.figures.counts.started, b.figures.counts.started);
        EXPECT_EQ(a.figures.counts.started_on_time, b.figures.counts.started_on_time);
        EXPECT_EQ(a.figures.counts.producing_on_time, b.figures.counts.producing_on_time);
        ASSERT_EQ(a.by_zone.size(), b.by_zone.size());
        for (std::size_t i = 0; i < a.by_zone.size(); ++i) {
            EXPECT_EQ(a.by_zone[i].id, b.by_zone[i].id);
            EXPECT_EQ(a.by_zone[i].figures.total.projects, b.by_zone[i].figures.total.projects) << a.by_zone[i].name;
            EXPECT_EQ(a.by_zone[i].figures.total.investment, b.by_zone[i].figures.total.investment)
                << a.by_zone[i].name;
            EXPECT_EQ(a.by_zone[i].figures.counts.producing, b.by_zone[i].figures.counts.producing)
                << a.by_zone[i].name;
        }
        ASSERT_EQ(a.by_status.size(), b.by_status.size());
        for (std::size_t i = 0; i < a.by_status.size(); ++i) {
            EXPECT_EQ(a.by_status[i].total.projects, b.by_status[i].total.projects);
        }
        ASSERT_EQ(a.by_industry.size(), b.by_industry.size());
        for (std::size_t i = 0; i < a.by_industry.size(); ++i) {
            EXPECT_EQ(a.by_industry[i].total.investment, b.by_industry[i].total.investment) << a.by_industry[i].code;
        }
    }
};

TEST_P(RankingServiceTest, AsOfADayTheRankingAndDashboardStandAfterLaterCorrections) {
    // Day one, five days after the demo was loaded: a project signed in 2023Q2 joins taiyuan-zgq.
    clock_.set(kTestNow + 5 * kDay);
    const Date day_one = clock_.today();
    auto made = signed_project("taiyuan-zgq", ymd(2023, 5, 10), 30);
    const service::RankingQuery q2{{2023, 2}, std::nullopt, std::nullopt};
    const auto ranking_then = rank("province", q2);
    auto dashboard_then = campaigns().dashboard(as("province"), {});
    ASSERT_TRUE(dashboard_then);

    // Asked as of day one on day one, both equal what is kept now.
    auto as_of = q2;
    as_of.as_of = day_one;
    expect_same_ranking(rank("province", as_of), ranking_then);
    auto dashboard_same_day = campaigns().dashboard_as_of(as("province"), {}, day_one);
    ASSERT_TRUE(dashboard_same_day) << dashboard_same_day.error().message.en;
    expect_same_dashboard(dashboard_same_day->dashboard, **dashboard_then);
    EXPECT_TRUE(dashboard_same_day->corrections.empty());

    // Day two: the project's investment corrected, then moved to another city's zone; another
    // project signed in 2023Q2 recorded late; a demo project cancelled.
    clock_.set(kTestNow + 10 * kDay);
    service::ProjectPatch bigger;
    bigger.total_investment = domain::Money::from_fen(55 * 10'000'000'000LL);
    auto corrected = projects().update(as("province"), made.project.id, made.project.version, bigger);
    ASSERT_TRUE(corrected) << corrected.error().message.en;
    service::ProjectPatch moved;
    moved.zone_id = zone("datong-etdz").id;
    ASSERT_TRUE(projects().update(as("province"), made.project.id, corrected->project.version, moved));
    auto late = signed_project("yuncheng-jkq", ymd(2023, 4, 3), 12);
    const auto cancelled = project_at("changzhi-gxq", domain::Stage::kStarted);
    service::ProjectPatch cancel;
    cancel.status = domain::ProjectStatus::kCancelled;
    cancel.status_reason = "企业放弃投资";
    auto done = projects().update(as("province"), cancelled.id, cancelled.version, cancel);
    ASSERT_TRUE(done) << done.error().message.en;

    const auto ranking_now = rank("province", q2);
    const auto zone_id = zone("taiyuan-zgq").id;
    auto score_of = [&](const service::Ranking& r, std::int64_t id) {
        for (const auto& line : r.items) {
            if (line.ranked.zone_id == id) return line.measure[domain::RankingIndicator::kSignedInvestment].numerator;
        }
        return std::int64_t{-1};
    };
    EXPECT_EQ(score_of(ranking_now, zone_id) + 30 * 10'000'000'000LL, score_of(ranking_then, zone_id));

    const auto ranking_as_of = rank("province", as_of);
    expect_same_ranking(ranking_as_of, ranking_then);
    ASSERT_TRUE(ranking_as_of.as_of);
    EXPECT_EQ(ranking_as_of.as_of->day, day_one);
    bool investment_listed = false, move_listed = false, late_listed = false, cancel_listed = false;
    for (const auto& c : ranking_as_of.corrections) {
        for (const auto& change : c.changes) {
            investment_listed =
                investment_listed || (c.entity_id == made.project.id && change.field == "total_investment");
            move_listed = move_listed || (c.entity_id == made.project.id && change.field == "zone_id");
            late_listed =
                late_listed || (c.entity_id == late.project.id && change.field == "zone_id" && !change.before);
            cancel_listed = cancel_listed || (c.entity_id == cancelled.id && change.field == "status");
        }
    }
    EXPECT_TRUE(investment_listed && move_listed && late_listed && cancel_listed);
    for (std::size_t i = 1; i < ranking_as_of.corrections.size(); ++i) {
        EXPECT_GT(ranking_as_of.corrections[i - 1].seq, ranking_as_of.corrections[i].seq);  // newest first
    }

    auto dashboard_as_of = campaigns().dashboard_as_of(as("province"), {}, day_one);
    ASSERT_TRUE(dashboard_as_of) << dashboard_as_of.error().message.en;
    expect_same_dashboard(dashboard_as_of->dashboard, **dashboard_then);
    EXPECT_FALSE(dashboard_as_of->corrections.empty());
    // The kept dashboard has moved on.
    auto dashboard_now = campaigns().dashboard(as("province"), {});
    ASSERT_TRUE(dashboard_now);
    EXPECT_EQ((*dashboard_now)->figures.total.projects,
              (*dashboard_then)->figures.total.projects);  // +1 new, -1 cancelled
    EXPECT_NE((*dashboard_now)->figures.total.investment, (*dashboard_then)->figures.total.investment);

    // A city sees its own zones as they stood: datong's zone had no such project then.
    auto datong = rank("datong", as_of);
    for (const auto& line : datong.items) EXPECT_EQ(line.city_code, "140200");
    for (const auto& c : datong.corrections) EXPECT_NE(c.entity_id, late.project.id);
}

TEST_P(RankingServiceTest, BeforeTheDemoWasLoadedNothingExisted) {
    service::RankingQuery q{{2023, 0}, ymd(2024, 1, 14), std::nullopt};
    const auto then = rank("province", q);
    ASSERT_FALSE(then.items.empty());
    for (const auto& line : then.items) {
        EXPECT_EQ(line.ranked.score_micro, 0);
        EXPECT_EQ(line.measure[domain::RankingIndicator::kStartRate].denominator, 0);
    }
    auto dashboard = campaigns().dashboard_as_of(as("province"), {}, ymd(2024, 1, 14));
    ASSERT_TRUE(dashboard);
    EXPECT_EQ(dashboard->dashboard.figures.total.projects, 0);
    EXPECT_FALSE(dashboard->dashboard.campaign);
    q.as_of.reset();
    const auto now = rank("province", q);
    EXPECT_GT(now.items.front().ranked.score_micro, 0);
    EXPECT_EQ(now.items.front().ranked.rank, 1);
}

TEST_P(RankingServiceTest, ScopesAndRefusals) {
    const service::RankingQuery q{{2023, 2}, std::nullopt, std::nullopt};
    const auto zone_view = rank("taiyuan-zgq", q);
    ASSERT_EQ(zone_view.items.size(), 1u);
    EXPECT_EQ(zone_view.items[0].ranked.zone_id, zone("taiyuan-zgq").id);
    const auto city_view = rank("taiyuan", q);
    EXPECT_EQ(city_view.items.size(), 2u);  // taiyuan's two demo zones

    auto narrowed = q;
    narrowed.city_code = "140200";
    const auto datong = rank("province", narrowed);
    EXPECT_EQ(datong.items.size(), 2u);
    auto outside = rankings().rank(as("taiyuan"), narrowed);
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().fields.at(0).field, "city");

    auto future = q;
    future.as_of = clock_.today().add_days(1);
    auto refused = rankings().rank(as("province"), future);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "as_of");
    auto dashboard = campaigns().dashboard_as_of(as("province"), {}, clock_.today().add_days(1));
    ASSERT_FALSE(dashboard);
    EXPECT_EQ(dashboard.error().fields.at(0).field, "as_of");

    const service::RankingQuery not_begun{{2024, 2}, std::nullopt, std::nullopt};
    auto early = rankings().rank(as("province"), not_begun);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().fields.at(0).field, "period");
    // The current quarter counts up to today.
    const auto running = rank("province", {{2024, 1}, std::nullopt, std::nullopt});
    EXPECT_EQ(running.counted_until, clock_.today());
}

TEST_P(RankingServiceTest, WeightsAreVersionedAuditedAndUsedAsOfTheirDay) {
    auto current = rankings().weights(as("viewer"));
    ASSERT_TRUE(current);
    EXPECT_EQ(current->weights.version, 1);
    EXPECT_EQ(current->created_at, 0);

    auto w = domain::RankingWeights::defaults();
    w.weights = {40, 10, 10, 10, 10, 10, 5, 5};
    auto forbidden = rankings().update_weights(as("taiyuan"), 1, w);
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);
    auto bad = w;
    bad.weights[1] = 11;
    auto invalid = rankings().update_weights(as("province"), 1, bad);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().fields.at(0).field, "weights");
    auto stale = rankings().update_weights(as("province"), 7, w);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);

    clock_.set(kTestNow + 3 * kDay);
    auto stored = rankings().update_weights(as("province"), 1, w);
    ASSERT_TRUE(stored) << stored.error().message.en;
    EXPECT_EQ(stored->weights.version, 2);
    EXPECT_EQ(stored->weights.weights, w.weights);
    EXPECT_EQ(stored->created_by_name, "province");

    store::AuditQuery audit;
    audit.entity_type = "ranking_weights";
    auto entries = service::AuditService(store()).list(as("province"), audit);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->items.size(), 1u);
    EXPECT_EQ(entries->items[0].action, "ranking_weights.update");

    const service::RankingQuery now{{2023, 0}, std::nullopt, std::nullopt};
    EXPECT_EQ(rank("province", now).weights.weights.version, 2);
    auto before = now;
    before.as_of = Date::from_days(static_cast<std::int32_t>((kTestNow + 8 * 3600) / kDay));  // the load day
    EXPECT_EQ(rank("province", before).weights.weights.version, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RankingServiceTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
