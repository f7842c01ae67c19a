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
        first->share_pair_shares(pair_shares_);
        idle_.push_back(std::move(first));
        open_ = 1;
    }
    sender_ = std::thread([this] { send_held_commits(); });
}

ConnectionPool::~ConnectionPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    held_.notify_one();
    sender_.join();
}

void ConnectionPool::send_held_commits() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const auto now = std::chrono::steady_clock::now();
        bool holding = false;
        for (auto& conn : idle_) {
            // A write of a few bytes to an idle session's socket: quick enough to do under the lock.
            if (conn->holds_commit_since(now - kHeldCommitLimit)) conn->send_held_commit();
            holding = holding || conn->holds_commit_since(now);
        }
        if (holding) {
            held_.wait_for(lock, kHeldCommitLimit / 2);
        } else {
            // Until a session comes back holding one: no timer runs while nothing is held.
            sender_waiting_ = true;
            held_.wait(lock, [&] { return stopping_ || !sender_waiting_; });
        }
    }
}

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
    const auto deadline = std::chrono::steady_clock::now() + options_.acquire_wait;
    const auto available = [&] { return !idle_.empty() || open_ < options_.max_connections; };
    while (true) {
        std::unique_ptr<Connection> conn;
        {
            std::unique_lock lock(mutex_);
            if (!available()) {
                waiting_.fetch_add(1, std::memory_order_relaxed);
                const bool got = returned_.wait_until(lock, deadline, available);
                waiting_.fetch_sub(1, std::memory_order_relaxed);
                if (!got) return busy_error();
            }
            if (idle_.empty()) {
                ++open_;
                break;
            }
            conn = std::move(idle_.back());
            idle_.pop_back();
        }
        // Outside the lock: the check may read the answer to a COMMIT the pool sent.
        if (conn->idle_and_healthy()) return Lease(this, std::move(conn));
        {
            std::lock_guard lock(mutex_);
            --open_;
        }
        returned_.notify_one();
        log_internal("dropping a pooled postgres session the server has ended");
    }
    return open_new();
}

// Called with a slot already counted in open_; connecting happens outside the lock so a slow or
// unreachable server does not stall requests that could use idle sessions.
Result<ConnectionPool::Lease> ConnectionPool::open_new() {
    try {
        auto conn = Connection::connect(target_);
        conn->share_pair_shares(pair_shares_);
        return Lease(this, std::move(conn));
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
    in_use_.fetch_sub(1, std::memory_order_relaxed);
    const bool keep = conn && !conn->lost() && !conn->in_transaction();
    bool wake_sender = false;
    {
        std::lock_guard lock(mutex_);
        if (keep) {
            if (sender_waiting_ && conn->holds_commit_since(std::chrono::steady_clock::now())) {
                sender_waiting_ = false;
                wake_sender = true;
            }
            idle_.push_back(std::move(conn));
        } else {
            --open_;
        }
    }
    returned_.notify_one();
    if (wake_sender) held_.notify_one();
    // A dropped session is closed here, outside the lock.
}

}  // namespace sanpi::store::postgres
