#pragma once
// SQLite allows one writer at a time, so the pool keeps exactly one read-write connection (in-process
// writers queue here instead of spinning on SQLITE_BUSY) and several read-only connections that
// read concurrently from WAL snapshots. Writers are served in the order they asked: one that
// writes batch after batch (the daily sweep) cannot take the connection back ahead of a request
// already waiting for it.
//
// A database that cannot be written (a read-only file system, a file without write permission)
// is served read-only: the pool starts without its writer, and each write asks for one again, so
// writes answer 503 until the file is writable and then succeed without a restart.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

struct PoolOptions {
    std::size_t max_readers = 4;
    std::chrono::milliseconds wait{5000};  // for a free connection, then kUnavailable
    int busy_timeout_ms = 5000;            // SQLite's own wait on locks held by other processes
};

class ConnectionPool {
public:
    // Hands a connection out exclusively; returns it when destroyed.
    class Lease {
    public:
        Lease(ConnectionPool* pool, Connection* conn, bool writer) : pool_(pool), conn_(conn), writer_(writer) {
            pool_->in_use_.fetch_add(1, std::memory_order_relaxed);
        }
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();
        Connection& operator*() const { return *conn_; }

    private:
        ConnectionPool* pool_;
        Connection* conn_;
        bool writer_;
    };

    // `writer` may be null: the database is read-only for now. `on_writer_opened` is told of a
    // writer opened later.
    ConnectionPool(std::string path, std::unique_ptr<Connection> writer, PoolOptions options,
                   std::function<void(Connection&)> on_writer_opened = {});

    // The read-only database's error (503) while no writer can be opened.
    Result<Lease> writer();
    Result<Lease> reader();
    // Closes the read connections nobody holds (they open again on demand). A bulk load does this
    // so that it can leave WAL mode, which no other open connection may see happen.
    void close_idle_readers();

    const std::string& path() const { return path_; }
    // False while the database is served read-only (no writer could be opened yet).
    bool writable() const {
        std::lock_guard lock(mutex_);
        return writer_ != nullptr;
    }
    const PoolOptions& options() const { return options_; }
    // Relaxed counters, each exact on its own (the two may be a moment apart).
    std::size_t in_use() const { return in_use_.load(std::memory_order_relaxed); }
    std::size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }

private:
    void give_back(Connection* conn, bool writer);
    std::unique_ptr<Connection> open_reader() const;
    Result<void> open_writer();
    Result<void> close_readers_without_writer(std::unique_lock<std::mutex>& lock);
    void close_reader(Connection* conn);

    const std::string path_;
    const PoolOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable returned_;
    std::unique_ptr<Connection> writer_;
    bool writer_taken_ = false;
    std::uint64_t next_ticket_ = 0;
    std::deque<std::uint64_t> writer_queue_;  // the tickets of waiting writers, oldest first
    std::vector<std::unique_ptr<Connection>> readers_;
    std::vector<Connection*> idle_readers_;
    std::vector<Connection*> readers_without_writer_;  // opened while read-only; closed once writable
    std::function<void(Connection&)> on_writer_opened_;
    std::atomic<std::size_t> in_use_{0};
    std::atomic<std::size_t> waiting_{0};
};

// Whether this process may write the file and create its -wal and -shm files beside it.
bool writable_on_disk(const std::string& path);

}  // namespace sanpi::store::sqlite
