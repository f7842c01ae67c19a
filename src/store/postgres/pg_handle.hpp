#pragma once
// Minimal RAII over libpq: an owned PGconn, an owned PGresult, and the exception that carries a
// failed command's SQLSTATE to the Tx boundary, where pg_errors.cpp turns it into sanpi::Error.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/sql/connection.hpp"
#include "store/sql/store_fault.hpp"

struct pg_conn;
struct pg_result;

namespace sanpi::store::postgres {

struct PgConnCloser {
    void operator()(pg_conn* conn) const noexcept;
};
using PgConnPtr = std::unique_ptr<pg_conn, PgConnCloser>;

// A failed command. `sqlstate` is empty for client-side failures (e.g. the socket closed);
// `connection_lost` says the connection cannot be used again and must leave the pool. The
// neutral kind is worked out from both (pg_errors.cpp).
class PgError : public sql::DbError {
public:
    PgError(std::string sqlstate, std::string constraint, bool connection_lost, const std::string& message);
    const std::string& sqlstate() const { return sqlstate_; }
    bool connection_lost() const { return connection_lost_; }

private:
    std::string sqlstate_;
    bool connection_lost_;
};

// Thrown for unreadable stored values, as by sql::Row.
using StoreFault = sql::StoreFault;

// The result of one command, in text format. Accessors take (row, column), both from 0.
class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    int rows() const;
    int columns() const;
    bool is_null(int row, int column) const;
    std::string_view value(int row, int column) const;
    std::string text(int row, int column) const { return std::string(value(row, column)); }
    std::int64_t int64(int row, int column) const;
    // Rows an INSERT/UPDATE/DELETE touched.
    std::int64_t affected() const;
    pg_result* get() const { return result_; }

private:
    pg_result* result_;
};

// Parses a decimal integer as PostgreSQL prints it; throws StoreFault otherwise.
std::int64_t parse_int64(std::string_view text);

// True for SQLSTATEs after which the session is gone: class 08 (connection exception),
// 57P01..57P03 (admin/crash shutdown, cannot connect now).
bool is_connection_sqlstate(std::string_view sqlstate);

}  // namespace sanpi::store::postgres
