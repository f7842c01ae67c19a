// The kept figures (m0008) against a full recount after many random writes, committed and rolled
// back, on every backend; and with several writers at once.
#include <atomic>
#include <random>
#include <thread>

#include "service/figures_check.hpp"
#include "store/open_store.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::BatchKind;
using domain::ProjectStatus;
using domain::Scope;
using domain::Stage;

class StoreFiguresTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        zones_ = {w_.xiaodian_zone, w_.taiyuan_zone, w_.datong_zone};
    }

    domain::KeptFigures kept(const Scope& scope = Scope::all()) {
        return read<domain::KeptFigures>([&](store::Tx& tx) { return tx.kept_figures(scope); });
    }
    domain::KeptFigures recounted() {
        return read<domain::KeptFigures>([](store::Tx& tx) { return tx.recomputed_figures(); });
    }
    void expect_figures_equal_recount() {
        const auto check = must(service::check_figures(store()));
        EXPECT_TRUE(check.equal()) << check.stage_rows << " stage, " << check.industry_rows << " industry, "
                                   << check.batch_rows << " batch, " << check.campaign_industry_rows
                                   << " campaign industry rows differ, " << check.stale_entries << " stale entries";
        EXPECT_EQ(kept(), recounted());
        EXPECT_EQ(
            read<std::vector<domain::BatchIndustryFigure>>([](store::Tx& tx) { return tx.kept_campaign_industries(); }),
            read<std::vector<domain::BatchIndustryFigure>>(
                [](store::Tx& tx) { return tx.recomputed_campaign_industries(); }));
    }

    // Random figure-relevant fields; the store takes any (the stage machine is the service's).
    static void randomize(domain::Project& p, std::mt19937_64& rng, const std::vector<std::int64_t>& zones) {
        const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        const auto some_date = [&]() -> std::optional<domain::Date> {
            if (pick(4) == 0) return std::nullopt;
            return date(2021 + pick(3), 1 + pick(12), 1 + pick(28));
        };
        switch (pick(6)) {
            case 0:
                p.zone_id = zones[static_cast<std::size_t>(pick(static_cast<int>(zones.size())))];
                break;
            case 1:
                p.industry_code = pick(2) == 0 ? "new_materials" : "coal_chemical";
                break;
            case 2:
                p.stage = static_cast<Stage>(pick(5));
                break;
            case 3:
                p.status = static_cast<ProjectStatus>(pick(3));
                break;
            case 4:
                p.total_investment = domain::Money::from_fen(static_cast<std::int64_t>(rng() % 10'000'000'000));
                break;
            default:
                p.planned.start = some_date();
                p.actual.start = some_date();
                p.planned.production = some_date();
                p.actual.production = some_date();
                p.planned.capacity = some_date();
                p.actual.capacity = some_date();
                break;
        }
    }

    World w_;
    std::vector<std::int64_t> zones_;
};

TEST_P(StoreFiguresTest, AProjectAndItsEntriesMoveTheirFiguresWithThem) {
    const auto campaign = write<std::int64_t>([](store::Tx& tx) { return tx.insert_campaign(make_campaign("活动")); });
    auto p = make_project("P-1", w_.taiyuan_zone);
    p.total_investment = domain::Money::from_fen(500);
    p.id = add_project(p);
    p.version = 1;
    write_void([&](store::Tx& tx) { return tx.insert_campaign_entry({campaign, p.id, BatchKind::kSign}); });
    auto figures = kept();
    ASSERT_EQ(figures.stages.size(), 1u);
    EXPECT_EQ(figures.stages[0].zone_id, w_.taiyuan_zone);
    EXPECT_EQ(figures.stages[0].stage, Stage::kSigned);
    EXPECT_EQ(figures.stages[0].projects, 1);
    EXPECT_EQ(figures.stages[0].investment.fen(), 500);
    ASSERT_EQ(figures.batches.size(), 1u);
    EXPECT_EQ(figures.batches[0].investment.fen(), 500);

    // Moved to Datong with a new investment and started on time: every row follows.
    p.zone_id = w_.datong_zone;
    p.total_investment = domain::Money::from_fen(700);
    p.stage = Stage::kStarted;
    p.actual.start = p.planned.start;
    write_void([&](store::Tx& tx) { return tx.update_project(p, 1); });
    figures = kept();
    ASSERT_EQ(figures.stages.size(), 1u);
    EXPECT_EQ(figures.stages[0].zone_id, w_.datong_zone);
    EXPECT_EQ(figures.stages[0].stage, Stage::kStarted);
    EXPECT_EQ(figures.stages[0].started_on_time, 1);
    ASSERT_EQ(figures.batches.size(), 1u);
    EXPECT_EQ(figures.batches[0].zone_id, w_.datong_zone);
    EXPECT_EQ(figures.batches[0].investment.fen(), 700);
    EXPECT_TRUE(kept(Scope::zone(w_.taiyuan_zone)).stages.empty());
    const auto summary = read<std::vector<domain::BatchSummary>>(
        [&](store::Tx& tx) { return tx.campaign_batches(Scope::zone(w_.datong_zone), campaign); });
    EXPECT_EQ(summary[0].projects, 1);
    EXPECT_EQ(summary[0].total_investment.fen(), 700);

    // A stale write changes nothing.
    p.zone_id = w_.taiyuan_zone;
    EXPECT_EQ(write_error([&](store::Tx& tx) { return tx.update_project(p, 1); }).code, ErrorCode::kConflict);
    EXPECT_EQ(kept(), figures);
    expect_figures_equal_recount();
}

TEST_P(StoreFiguresTest, TheGenerationMovesWithEveryWriteADashboardShowsAndOnlyThen) {
    const auto generation = [&] { return read<std::int64_t>([](store::Tx& tx) { return tx.figures_generation(); }); };
    auto p = make_project("P-G", w_.taiyuan_zone);
    auto last = generation();
    const auto expect_moved = [&](bool moved, const char* what) {
        const auto now = generation();
        if (moved) {
            EXPECT_GT(now, last) << what;
        } else {
            EXPECT_EQ(now, last) << what;
        }
        last = now;
    };
    p.id = add_project(p);
    p.version = 1;
    expect_moved(true, "a new project");
    p.responsible_post = "副主任";
    write_void([&](store::Tx& tx) { return tx.update_project(p, p.version); });
    ++p.version;
    expect_moved(false, "a field no figure depends on");
    p.total_investment = domain::Money::from_fen(p.total_investment.fen() + 100);
    write_void([&](store::Tx& tx) { return tx.update_project(p, p.version); });
    ++p.version;
    expect_moved(true, "the investment");
    const auto campaign = write<std::int64_t>([](store::Tx& tx) { return tx.insert_campaign(make_campaign("G")); });
    expect_moved(true, "a campaign");
    write_void([&](store::Tx& tx) { return tx.insert_campaign_entry({campaign, p.id, BatchKind::kSign}); });
    expect_moved(true, "a campaign entry");
    write_void([](store::Tx& tx) { return tx.upsert_region(make_region("140300", "阳泉市", "Yangquan")); });
    expect_moved(true, "a region");
    write_void([](store::Tx& tx) { return tx.upsert_industry(make_industry("new_energy", 3)); });
    expect_moved(true, "an industry");
    write<std::int64_t>([](store::Tx& tx) { return tx.insert_zone(make_zone("TY-NEW", "140100")); });
    expect_moved(true, "a zone");
    // A write that fails leaves the number (and the figures) as they were.
    auto stale = p;
    stale.total_investment = domain::Money::from_fen(1);
    EXPECT_EQ(write_error([&](store::Tx& tx) { return tx.update_project(stale, p.version - 1); }).code,
              ErrorCode::kConflict);
    expect_moved(false, "a refused write");
    write_void([](store::Tx& tx) { return tx.rebuild_figures(); });
    expect_moved(true, "a rebuild");
}

TEST_P(StoreFiguresTest, ThousandsOfRandomWritesKeepTheFiguresEqualToARecount) {
    std::mt19937_64 rng(20221122);
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<std::int64_t> campaigns;
    for (const char* name : {"第一次", "第二次", "第三次"}) {
        campaigns.push_back(
            write<std::int64_t>([&](store::Tx& tx) { return tx.insert_campaign(make_campaign(name)); }));
    }
    std::vector<domain::Project> projects;  // as stored, version included
    int next_code = 0, operations = 0, refused = 0;
    for (int round = 0; round < 300; ++round) {
        // Halfway, the first campaign is held: its entries' figures freeze while the others follow.
        if (round == 150) {
            write_void([&](store::Tx& tx) -> Result<void> {
                auto c = tx.get_campaign(campaigns[0]);
                if (!c) return c.error();
                auto held = **c;
                held.status = domain::CampaignStatus::kHeld;
                held.held_on = date(2022, 6, 22);
                return tx.update_campaign(held, held.version);
            });
        }
        // Ten operations per transaction; a refused one (stale version, missing zone, counted
        // twice) is undone alone, and one transaction in ten is rolled back whole at the end.
        std::vector<domain::Project> changed = projects;
        const bool roll_back = pick(10) == 0;
        auto r = store().write([&](store::Tx& tx) -> Result<void> {
            for (int i = 0; i < 10; ++i, ++operations) {
                const int op = changed.empty() ? 0 : pick(10);
                if (op <= 1) {
                    auto p =
                        make_project("R-" + std::to_string(next_code++), zones_[static_cast<std::size_t>(pick(3))]);
                    randomize(p, rng, zones_);
                    randomize(p, rng, zones_);
                    auto id = tx.insert_project(p);
                    if (!id) return id.error();
                    p.id = *id;
                    p.version = 1;
                    changed.push_back(p);
                } else if (op <= 7) {
                    auto& p = changed[static_cast<std::size_t>(pick(static_cast<int>(changed.size())))];
                    auto next = p;
                    randomize(next, rng, zones_);
                    const bool stale = pick(12) == 0, bad_zone = pick(40) == 0;
                    if (bad_zone) next.zone_id = 999999;
                    auto updated = tx.update_project(next, stale ? p.version + 1 : p.version);
                    if (stale || bad_zone) {
                        if (updated) return Error::internal("应失败", "a refused update succeeded");
                        ++refused;
                        continue;
                    }
                    if (!updated) return updated.error();
                    next.version = p.version + 1;
                    p = next;
                } else if (op == 8) {
                    const auto& p = changed[static_cast<std::size_t>(pick(static_cast<int>(changed.size())))];
                    domain::CampaignEntry e{campaigns[static_cast<std::size_t>(pick(3))], p.id,
                                            static_cast<BatchKind>(pick(3))};
                    e.status = pick(3) == 0 ? domain::EntryStatus::kProposed : domain::EntryStatus::kConfirmed;
                    auto entered = tx.insert_campaign_entry(e);
                    if (!entered) ++refused;  // already in that batch kind: undone alone
                } else {
                    // An entry confirmed, withdrawn or removed.
                    const auto& p = changed[static_cast<std::size_t>(pick(static_cast<int>(changed.size())))];
                    auto found = tx.find_campaign_entry(p.id, static_cast<BatchKind>(pick(3)));
                    if (!found) return found.error();
                    if (!*found) continue;
                    const auto& e = **found;
                    const int action = pick(3);
                    Result<void> done;
                    if (action == 0 && e.status == domain::EntryStatus::kProposed) {
                        done = tx.set_campaign_entry_status(e, domain::EntryStatus::kConfirmed, "");
                    } else if (action == 1 && e.status == domain::EntryStatus::kConfirmed) {
                        done = tx.set_campaign_entry_status(e, domain::EntryStatus::kWithdrawn, "测试撤回");
                    } else {
                        done = tx.delete_campaign_entry(e);
                    }
                    if (!done) return done.error();
                }
            }
            if (roll_back) return Error::conflict("回滚", "rolled back on purpose");
            return {};
        });
        if (roll_back) {
            ASSERT_FALSE(r);
        } else {
            ASSERT_TRUE(r) << r.error().message.en;
            projects = std::move(changed);
        }
    }
    RecordProperty("operations", operations);
    RecordProperty("refused", refused);
    EXPECT_GE(operations, 3000);
    EXPECT_GT(refused, 0);
    EXPECT_GT(kept().batches.size(), 3u);
    EXPECT_GT(read<std::vector<domain::BatchIndustryFigure>>([](store::Tx& tx) {
                  return tx.kept_campaign_industries();
              }).size(),
              kept().batches.size());  // entries of both industries in some zone and batch
    expect_figures_equal_recount();

    // A rebuild gives the same rows; the scoped read is the union's part.
    write_void([](store::Tx& tx) { return tx.rebuild_figures(); });
    expect_figures_equal_recount();
    for (const auto& f : kept(Scope::zone(w_.datong_zone)).stages) EXPECT_EQ(f.zone_id, w_.datong_zone);
}

// Several servers on one database: each store below has its own connections, and writers in
// every one of them move the same rows at once.
TEST_P(StoreFiguresTest, ConcurrentWritersFromTwoStoresKeepTheFiguresRight) {
    auto second = must(store::open_store(db_->url));
    const auto campaign = write<std::int64_t>([](store::Tx& tx) { return tx.insert_campaign(make_campaign("活动")); });
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 8; ++i) ids.push_back(add_project(make_project("C-" + std::to_string(i), zones_[i % 3])));
    std::atomic<int> failures{0}, successes{0};
    auto worker = [&](store::Store& s, int thread) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(thread));
        for (int i = 0; i < 60; ++i) {
            const auto id = ids[rng() % ids.size()];
            auto r = s.write([&](store::Tx& tx) -> Result<void> {
                auto view = tx.get_project(Scope::all(), id);
                if (!view) return view.error();
                auto p = (*view)->project;
                randomize(p, rng, zones_);
                randomize(p, rng, zones_);
                if (auto u = tx.update_project(p, p.version); !u) return u;
                if (rng() % 3 == 0) {
                    // Counted at most once per kind: a refusal is expected and undone alone.
                    (void)tx.insert_campaign_entry(
                        {campaign, ids[rng() % ids.size()], static_cast<BatchKind>(rng() % 3)});
                }
                return {};
            });
            if (r) {
                ++successes;
            } else if (r.error().code != ErrorCode::kConflict) {
                ++failures;
                ADD_FAILURE() << r.error().message.en;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back(worker, t % 2 == 0 ? std::ref(store()) : std::ref(*second), t);
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_GT(successes.load(), 100);
    expect_figures_equal_recount();
}

// Writers that each change two projects of their own in one transaction, moving them between
// zones, share only figure rows. Written as each project was changed, those rows were taken in
// opposite orders and PostgreSQL aborted one writer as deadlocked; kept until COMMIT and written
// in key order, every write goes through.
TEST_P(StoreFiguresTest, WritersOfTwoProjectsEachNeverDeadlockOnTheFigures) {
    auto second = must(store::open_store(db_->url));
    constexpr int kThreads = 4;
    std::vector<std::vector<std::int64_t>> owned(kThreads);
    for (int i = 0; i < 4 * kThreads; ++i) {
        owned[i % kThreads].push_back(add_project(make_project("D-" + std::to_string(i), zones_[i % 3])));
    }
    std::atomic<int> failures{0};
    auto worker = [&](store::Store& s, int thread) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(100 + thread));
        const auto& mine = owned[static_cast<std::size_t>(thread)];
        for (int i = 0; i < 40; ++i) {
            auto r = s.write([&](store::Tx& tx) -> Result<void> {
                for (const auto id : {mine[rng() % 2], mine[2 + rng() % 2]}) {
                    auto view = tx.get_project(Scope::all(), id);
                    if (!view) return view.error();
                    auto p = (*view)->project;
                    p.zone_id = zones_[rng() % zones_.size()];
                    p.total_investment = domain::Money::from_fen(static_cast<std::int64_t>(rng() % 1000) * 1'000'000);
                    if (auto u = tx.update_project(p, p.version); !u) return u;
                }
                return {};
            });
            if (!r) {
                ++failures;
                ADD_FAILURE() << r.error().message.en;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(worker, t % 2 == 0 ? std::ref(store()) : std::ref(*second), t);
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    expect_figures_equal_recount();
}

}  // namespace

SANPI_STORE_SUITE(StoreFiguresTest);

}  // namespace sanpi::store_test
