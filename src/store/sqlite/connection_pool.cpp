#include "store/sqlite/connection_pool.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "store/internal_log.hpp"
#include "store/sql/constraint_errors.hpp"
#include "store/sqlite/sqlite_errors.hpp"

namespace sanpi::store::sqlite {

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), conn_(other.conn_), writer_(other.writer_) {}

ConnectionPool::Lease::~Lease() {
    if (pool_ != nullptr) pool_->give_back(conn_, writer_);
}

ConnectionPool::ConnectionPool(std::string path, std::unique_ptr<Connection> writer, PoolOptions options,
                               std::function<void(Connection&)> on_writer_opened)
    : path_(std::move(path)),
      options_(options),
      writer_(std::move(writer)),
      on_writer_opened_(std::move(on_writer_opened)) {}

Result<ConnectionPool::Lease> ConnectionPool::writer() {
    std::unique_lock lock(mutex_);
    if (writer_taken_ || !writer_queue_.empty()) {
        const auto ticket = next_ticket_++;
        writer_queue_.push_back(ticket);
        waiting_.fetch_add(1, std::memory_order_relaxed);
        const bool got = returned_.wait_for(lock, options_.wait,
                                            [&] { return !writer_taken_ && writer_queue_.front() == ticket; });
        waiting_.fetch_sub(1, std::memory_order_relaxed);
        if (!got) {
            std::erase(writer_queue_, ticket);
            returned_.notify_all();  // the writer behind this one may be first now
            return busy_error();
        }
        writer_queue_.pop_front();
    }
    writer_taken_ = true;
    auto ready = writer_ ? Result<void>{} : open_writer();
    if (ready && !readers_without_writer_.empty()) ready = close_readers_without_writer(lock);
    if (!ready) {
        writer_taken_ = false;
        returned_.notify_all();
        return ready.error();
    }
    return Lease(this, writer_.get(), true);
}

Result<void> ConnectionPool::open_writer() {
    try {
        auto conn = Connection::open(path_, false, options_.busy_timeout_ms);
        if (conn->read_only()) {
            log_internal("database read-only: " + path_ + " opens for reading only");
            return sql::read_only_error();
        }
        writer_ = std::move(conn);
    } catch (const SqliteError& e) {
        // Logged with the prefixes store/sql/guard.cpp gives the same refusals of a statement.
        if (failure_kind(e.extended_code()) == sql::FailureKind::kStorageFull) {
            log_internal(std::string("database storage full: ") + e.what());
            return sql::storage_full_error();
        }
        if (!writable_on_disk(path_)) {
            log_internal(std::string("database read-only: ") + e.what());
            return sql::read_only_error();
        }
        log_internal(std::string("opening the write connection failed: ") + e.what());
        return sql::unavailable_error();
    }
    if (on_writer_opened_) on_writer_opened_(*writer_);
    return {};
}

// Called with the writer's turn taken: the readers opened while the file was read-only go before
// anything is written. An immutable one reads without locks (a checkpoint under it would show it
// a torn page), and one that found the -shm file read-only keeps a private copy of it.
Result<void> ConnectionPool::close_readers_without_writer(std::unique_lock<std::mutex>& lock) {
    for (Connection* idle : std::vector<Connection*>(idle_readers_)) {
        if (std::ranges::find(readers_without_writer_, idle) != readers_without_writer_.end()) close_reader(idle);
    }
    if (!returned_.wait_for(lock, options_.wait, [&] { return readers_without_writer_.empty(); })) return busy_error();
    return {};
}

std::unique_ptr<Connection> ConnectionPool::open_reader() const {
    try {
        return Connection::open(path_, true, options_.busy_timeout_ms);
    } catch (const SqliteError&) {
        if (writer_) throw;
        // A read-only file system without the -wal and -shm files (the last writer folded its log
        // into the file): the file holds everything committed, but only an immutable open reads it.
        std::error_code ec;
        const auto log_size = std::filesystem::file_size(path_ + "-wal", ec);
        if (!ec && log_size > 0) throw;
        return Connection::open_immutable(path_, options_.busy_timeout_ms);
    }
}

void ConnectionPool::close_reader(Connection* conn) {
    std::erase(idle_readers_, conn);
    std::erase(readers_without_writer_, conn);
    std::erase_if(readers_, [&](const std::unique_ptr<Connection>& c) { return c.get() == conn; });
}

Result<ConnectionPool::Lease> ConnectionPool::reader() {
    std::unique_lock lock(mutex_);
    const auto available = [&] { return !idle_readers_.empty() || readers_.size() < options_.max_readers; };
    if (!available()) {
        waiting_.fetch_add(1, std::memory_order_relaxed);
        const bool got = returned_.wait_for(lock, options_.wait, available);
        waiting_.fetch_sub(1, std::memory_order_relaxed);
        if (!got) return busy_error();
    }
    if (idle_readers_.empty()) {
        try {
            readers_.push_back(open_reader());
        } catch (const SqliteError& e) {
            return internal_error(std::string("opening a read connection failed: ") + e.what());
        }
        idle_readers_.push_back(readers_.back().get());
        if (!writer_) readers_without_writer_.push_back(readers_.back().get());
    }
    Connection* conn = idle_readers_.back();
    idle_readers_.pop_back();
    return Lease(this, conn, false);
}

void ConnectionPool::close_idle_readers() {
    std::lock_guard lock(mutex_);
    for (Connection* idle : std::vector<Connection*>(idle_readers_)) close_reader(idle);
}

void ConnectionPool::give_back(Connection* conn, bool writer) {
    in_use_.fetch_sub(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(mutex_);
        if (writer) {
            writer_taken_ = false;
        } else {
            idle_readers_.push_back(conn);
            if (writer_ && std::ranges::find(readers_without_writer_, conn) != readers_without_writer_.end()) {
                close_reader(conn);
            }
        }
    }
    // Writers and readers wait on the same condition, so wake all and let each re-check.
    returned_.notify_all();
}

bool writable_on_disk(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path();
    const std::string dir = parent.empty() ? std::string(".") : parent.string();
    return ::access(path.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0;
}

}  // namespace sanpi::store::sqlite
