#include <atomic>
#include <thread>

#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;

class StoreConcurrencyTest : public StoreTest {};

// Read-modify-write from several threads never loses an update: each attempt either wins
// (version + 1) or gets kConflict, and nothing else happens.
TEST_P(StoreConcurrencyTest, OptimisticUpdatesFromManyThreadsNeverLoseOne) {
    const auto w = seed();
    const auto id = add_project(make_project("P-1", w.taiyuan_zone, {w.coal_corp}));
    constexpr int kThreads = 4;
    constexpr int kAttemptsPerThread = 50;
    std::atomic<int> successes{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> other{0};
    auto worker = [&](int thread) {
        for (int i = 0; i < kAttemptsPerThread; ++i) {
            auto view = store::read_value<std::optional<domain::ProjectView>>(
                store(), [&](store::Tx& tx) { return tx.get_project(Scope::all(), id); });
            if (!view || !*view) {
                ++other;
                continue;
            }
            auto p = (*view)->project;
            p.construction_content = "thread " + std::to_string(thread) + " attempt " + std::to_string(i);
            auto r = store().write([&](store::Tx& tx) { return tx.update_project(p, p.version); });
            if (r) {
                ++successes;
            } else if (r.error().code == ErrorCode::kConflict) {
                ++conflicts;
            } else {
                ++other;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, t);
    for (auto& t : threads) t.join();

    RecordProperty("successes", successes.load());
    RecordProperty("conflicts", conflicts.load());
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(successes + conflicts, kThreads * kAttemptsPerThread);
    EXPECT_GT(successes.load(), 0);
    auto final_view = get_project(Scope::all(), id);
    ASSERT_TRUE(final_view);
    EXPECT_EQ(final_view->project.version, 1 + successes.load());
    EXPECT_EQ(final_view->project.investor_ids, std::vector<std::int64_t>{w.coal_corp});
}

TEST_P(StoreConcurrencyTest, ReadersRunAlongsideAWriter) {
    const auto w = seed();
    for (int i = 0; i < 20; ++i) add_project(make_project("P-" + std::to_string(i), w.datong_zone));
    std::atomic<bool> stop{false};
    std::atomic<int> read_failures{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&] {
            while (!stop) {
                auto page = store::read_value<store::Page<domain::ProjectView>>(
                    store(), [](store::Tx& tx) { return tx.list_projects(Scope::all(), {}); });
                if (!page || page->total < 20) ++read_failures;
            }
        });
    }
    for (int i = 20; i < 60; ++i) add_project(make_project("P-" + std::to_string(i), w.datong_zone));
    stop = true;
    for (auto& t : readers) t.join();
    EXPECT_EQ(read_failures.load(), 0);
}

SANPI_STORE_SUITE(StoreConcurrencyTest);

}  // namespace
}  // namespace sanpi::store_test
