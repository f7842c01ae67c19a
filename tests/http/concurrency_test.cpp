// Optimistic concurrency over HTTP: concurrent writers never lose an update.
#include <atomic>
#include <iostream>
#include <thread>

#include "project_builders.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class ConcurrencyTest : public ProjectWriteTest {};

TEST_P(ConcurrencyTest, OfTwoWritersWithTheSameETagExactlyOneWins) {
    const auto id = create();
    auto alice = writer();
    auto bob = writer();
    const std::string etag = alice->get(path(id)).header("etag");
    ASSERT_EQ(bob->get(path(id)).header("etag"), etag);

    std::atomic<bool> go{false};
    HttpResponse a, b;
    std::thread ta([&] {
        while (!go) std::this_thread::yield();
        a = alice->patch(path(id), {{"responsible_post", "alice"}}, {{"If-Match", etag}});
    });
    std::thread tb([&] {
        while (!go) std::this_thread::yield();
        b = bob->patch(path(id), {{"responsible_post", "bob"}}, {{"If-Match", etag}});
    });
    go = true;
    ta.join();
    tb.join();

    ASSERT_EQ((a.status == 200) + (b.status == 200), 1) << a.status << " " << b.status;
    EXPECT_EQ((a.status == 409) + (b.status == 409), 1) << a.status << " " << b.status;
    const std::string winner = a.status == 200 ? "alice" : "bob";
    const auto stored = read_project(id).project;
    EXPECT_EQ(stored.responsible_post, winner);
    EXPECT_EQ(stored.version, 2);
}

// Each thread increments expected_jobs by read-modify-write, retrying on 409: with optimistic
// locking the final count equals the number of accepted updates.
TEST_P(ConcurrencyTest, RetryingWritersLoseNoIncrement) {
    constexpr int kThreads = 2;
    constexpr int kIncrements = 30;
    const auto id = create();
    const auto start_jobs = read_project(id).project.expected_jobs;
    std::atomic<int> accepted{0}, conflicts{0}, failures{0};

    // Clients are made up front: the fixture's token cache is not meant for concurrent use.
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < kThreads; ++i) clients.push_back(writer());
    auto work = [&](HttpClient* client) {
        for (int done = 0; done < kIncrements && failures == 0;) {
            auto current = client->get(path(id));
            if (current.status != 200) {
                ++failures;
                break;
            }
            const auto jobs = current.json().at("expected_jobs").as_int64();
            auto res = client->patch(path(id), {{"expected_jobs", jobs + 1}}, {{"If-Match", current.header("etag")}});
            if (res.status == 200) {
                ++done;
                ++accepted;
            } else if (res.status == 409) {
                ++conflicts;
            } else {
                ++failures;  // e.g. 503 from a busy database would be a bug worth seeing
                ADD_FAILURE() << res.status << " " << res.body;
            }
        }
    };
    std::vector<std::thread> threads;
    for (auto& client : clients) threads.emplace_back(work, client.get());
    for (auto& t : threads) t.join();

    ASSERT_EQ(failures, 0);
    EXPECT_EQ(accepted, kThreads * kIncrements);
    const auto stored = read_project(id).project;
    EXPECT_EQ(stored.expected_jobs, start_jobs + kThreads * kIncrements);
    EXPECT_EQ(stored.version, 1 + kThreads * kIncrements);
    std::cout << "conflicts retried: " << conflicts << "\n";
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrencyTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
