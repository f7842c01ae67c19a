// The write-ahead log is copied into the database file by the checkpointer's thread, never inside
// a writer's COMMIT: held paused, the file does not grow however much is committed; let go, it
// catches up by itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/sqlite/sqlite_handle.hpp"
#include "store/sqlite/wal_checkpointer.hpp"

namespace sanpi::store_test {
namespace {

using store::sqlite::Connection;
using store::sqlite::WalCheckpointer;

class WalCheckpointerTest : public ::testing::Test {
protected:
    void TearDown() override {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ec);
    }
    std::uintmax_t file_size() const { return std::filesystem::file_size(path_); }

    const std::string path_ =
        (std::filesystem::temp_directory_path() / ("sanpi-wal-" + std::to_string(::getpid()))).string();
};

TEST_F(WalCheckpointerTest, CommitsLeaveTheCheckpointToItsThread) {
    WalCheckpointer checkpointer(path_, 1000);
    auto writer = Connection::open(path_, false, 1000);  // closed before the checkpointer goes
    checkpointer.attach(writer->raw());
    writer->exec("CREATE TABLE t (b BLOB)");
    const auto before = file_size();
    {
        const auto paused = checkpointer.pause();
        // 6 MB in twelve commits: the log passes WalCheckpointer::kPages (4 MiB) half-way.
        for (int i = 0; i < 12; ++i) writer->exec("INSERT INTO t VALUES (zeroblob(500000))");
        EXPECT_EQ(file_size(), before) << "a COMMIT copied the log into the database file";
        EXPECT_EQ(checkpointer.completed(), 0);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (checkpointer.completed() == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_GE(checkpointer.completed(), 1);
    EXPECT_GT(file_size(), before + 5'000'000) << "the checkpoint copied the committed pages";
    writer.reset();
}

TEST_F(WalCheckpointerTest, SmallCommitsDoNotStartACheckpoint) {
    WalCheckpointer checkpointer(path_, 1000);
    auto writer = Connection::open(path_, false, 1000);
    checkpointer.attach(writer->raw());
    writer->exec("CREATE TABLE t (n INTEGER)");
    for (int i = 0; i < 50; ++i) writer->exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(checkpointer.completed(), 0) << "the log is far below the threshold";
    writer.reset();
}

}  // namespace
}  // namespace sanpi::store_test
