#include "store/postgres/pg_pool.hpp"

#include <chrono>
#include <utility>

#include "store/internal_log.hpp"
#include "store/postgres/pg_errors.hpp"

namespace sanpi::store::postgres {

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), conn_(std::move(other.conn_)) {}

ConnectionPool::Lease::~Lease() {
    if (pool_ != nullptr) pool_->give_back(std::move(conn_));
}

ConnectionPool::ConnectionPool(ConnTarget target, PgOptions options, std::unique_ptr<Connection> first)
    : target_(std::move(target)), options_(options) {
    if (first) {
        idle_.push_back(std::move(first));
        open_ = 1;
    }
}

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
    const auto deadline = std::chrono::steady_clock::now() + options_.acquire_wait;
    std::unique_lock lock(mutex_);
    const auto available = [&] { return !idle_.empty() || open_ < options_.max_connections; };
    while (true) {
        if (!returned_.wait_until(lock, deadline, available)) return busy_error();
        if (idle_.empty()) break;
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        if (conn->idle_and_healthy()) return Lease(this, std::move(conn));
        --open_;
        log_internal("dropping a pooled postgres session the server has ended");
    }
    ++open_;
    lock.unlock();
    return open_new();
}

// Called with a slot already counted in open_; connecting happens outside the lock so a slow or
// unreachable server does not stall requests that could use idle sessions.
Result<ConnectionPool::Lease> ConnectionPool::open_new() {
    try {
        return Lease(this, Connection::connect(target_));
    } catch (const PgError& e) {
        log_internal("connecting to postgres " + target_.description + " failed: " + e.what());
    }
    {
        std::lock_guard lock(mutex_);
        --open_;
    }
    returned_.notify_one();
    return unavailable_error();
}

void ConnectionPool::give_back(std::unique_ptr<Connection> conn) {
    // A session still inside a transaction would leak its state to the next user: drop it too.
    const bool keep = conn && !conn->lost() && !conn->in_transaction();
    {
        std::lock_guard lock(mutex_);
        if (keep) {
            idle_.push_back(std::move(conn));
        } else {
            --open_;
        }
    }
    returned_.notify_one();
    // A dropped session is closed here, outside the lock.
}

}  // namespace sanpi::store::postgres
