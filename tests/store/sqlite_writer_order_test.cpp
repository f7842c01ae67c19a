// SQLite's one write connection goes to writers in the order they asked: a writer that gives it
// back and asks again at once (the daily sweep, batch after batch) waits behind a request that was
// already waiting, and a writer that gave up waiting does not hold up the ones behind it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "store/sqlite/connection_pool.hpp"

namespace sanpi::store::sqlite {
namespace {

using namespace std::chrono_literals;

class SqliteWriterOrder : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = (std::filesystem::temp_directory_path() /
                 ("sanpi-writer-order-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                    .string();
        std::filesystem::remove(path_);
    }
    void TearDown() override { std::filesystem::remove(path_); }

    std::unique_ptr<ConnectionPool> pool(std::chrono::milliseconds wait) {
        return std::make_unique<ConnectionPool>(path_, Connection::open(path_, false, 1000),
                                                PoolOptions{1, wait, 1000});
    }
    static void until_waiting(const ConnectionPool& p, std::size_t n) {
        for (int i = 0; i < 2000 && p.waiting() < n; ++i) std::this_thread::sleep_for(1ms);
        ASSERT_EQ(p.waiting(), n);
    }

    std::string path_;
};

TEST_F(SqliteWriterOrder, AWriterAskingAgainWaitsBehindTheOneAlreadyWaiting) {
    auto p = pool(5s);
    std::atomic<int> order{0};
    int waiter_turn = 0, again_turn = 0;
    std::optional<ConnectionPool::Lease> held(std::move(p->writer().value()));
    std::thread waiter([&] {
        auto lease = p->writer();
        ASSERT_TRUE(lease);
        waiter_turn = ++order;
        std::this_thread::sleep_for(20ms);
    });
    until_waiting(*p, 1);
    held.reset();  // give it back and ask again at once, as a sweep's next batch does
    {
        auto again = p->writer();
        ASSERT_TRUE(again);
        again_turn = ++order;
    }
    waiter.join();
    EXPECT_EQ(waiter_turn, 1) << "the writer already waiting goes first";
    EXPECT_EQ(again_turn, 2);
}

TEST_F(SqliteWriterOrder, AWriterThatGaveUpDoesNotHoldUpTheOnesBehindIt) {
    auto p = pool(1000ms);
    std::optional<ConnectionPool::Lease> held(std::move(p->writer().value()));
    std::atomic<bool> first_gave_up{false}, second_got{false};
    std::thread first([&] { first_gave_up = !p->writer(); });
    until_waiting(*p, 1);
    std::thread second([&] {
        std::this_thread::sleep_for(300ms);  // asks after the first, gives up after it
        auto lease = p->writer();
        second_got = static_cast<bool>(lease);
    });
    first.join();  // the first gives up at 1 s; the connection is still held
    EXPECT_TRUE(first_gave_up);
    held.reset();  // now free: the second, next in line, gets it before its own second passes
    second.join();
    EXPECT_TRUE(second_got);
}

}  // namespace
}  // namespace sanpi::store::sqlite
