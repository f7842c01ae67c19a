#pragma once
// A bounded pool of PostgreSQL sessions shared by readers and writers (PostgreSQL, unlike SQLite,
// runs writers concurrently). Sessions open lazily up to the limit; a session the server has
// ended (restart, failover, idle timeout) is dropped when found, so the pool heals by itself.
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/error.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_conninfo.hpp"

namespace sanpi::store::postgres {

class ConnectionPool {
public:
    // Hands a connection out exclusively; returns it when destroyed (or drops it if broken).
    class Lease {
    public:
        Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();
        Connection& operator*() const { return *conn_; }

    private:
        ConnectionPool* pool_;
        std::unique_ptr<Connection> conn_;
    };

    // `first` is the session opened to check the URL; it becomes the first idle one.
    ConnectionPool(ConnTarget target, PgOptions options, std::unique_ptr<Connection> first);

    // An idle healthy session, or a new one while under the limit; waits at most
    // options.acquire_wait for one to come back, then kUnavailable. A failed connect is kUnavailable.
    Result<Lease> acquire();

private:
    void give_back(std::unique_ptr<Connection> conn);
    Result<Lease> open_new();

    const ConnTarget target_;
    const PgOptions options_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t open_ = 0;  // idle + leased + being opened
};

}  // namespace sanpi::store::postgres
