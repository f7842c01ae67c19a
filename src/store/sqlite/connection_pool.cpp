#include "store/sqlite/connection_pool.hpp"

#include <algorithm>
#include <utility>

#include "store/sqlite/sqlite_errors.hpp"

namespace sanpi::store::sqlite {

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), conn_(other.conn_), writer_(other.writer_) {}

ConnectionPool::Lease::~Lease() {
    if (pool_ != nullptr) pool_->give_back(conn_, writer_);
}

ConnectionPool::ConnectionPool(std::string path, std::unique_ptr<Connection> writer, PoolOptions options)
    : path_(std::move(path)), options_(options), writer_(std::move(writer)) {}

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
    return Lease(this, writer_.get(), true);
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
            readers_.push_back(Connection::open(path_, true, options_.busy_timeout_ms));
        } catch (const SqliteError& e) {
            return internal_error(std::string("opening a read connection failed: ") + e.what());
        }
        idle_readers_.push_back(readers_.back().get());
    }
    Connection* conn = idle_readers_.back();
    idle_readers_.pop_back();
    return Lease(this, conn, false);
}

void ConnectionPool::close_idle_readers() {
    std::lock_guard lock(mutex_);
    std::erase_if(readers_, [&](const std::unique_ptr<Connection>& c) {
        return std::find(idle_readers_.begin(), idle_readers_.end(), c.get()) != idle_readers_.end();
    });
    idle_readers_.clear();
}

void ConnectionPool::give_back(Connection* conn, bool writer) {
    in_use_.fetch_sub(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(mutex_);
        if (writer) {
            writer_taken_ = false;
        } else {
            idle_readers_.push_back(conn);
        }
    }
    // Writers and readers wait on the same condition, so wake all and let each re-check.
    returned_.notify_all();
}

}  // namespace sanpi::store::sqlite
