#include "store/postgres/pg_handle.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <utility>

#include "store/postgres/pg_errors.hpp"

namespace sanpi::store::postgres {

void PgConnCloser::operator()(pg_conn* conn) const noexcept { PQfinish(conn); }

PgError::PgError(std::string sqlstate, std::string constraint, bool connection_lost, const std::string& message)
    : sql::DbError(failure_kind(sqlstate, connection_lost), std::move(constraint), message),
      sqlstate_(std::move(sqlstate)),
      connection_lost_(connection_lost) {}

PgResult::PgResult(PgResult&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        PQclear(result_);
        result_ = std::exchange(other.result_, nullptr);
    }
    return *this;
}

PgResult::~PgResult() { PQclear(result_); }

int PgResult::rows() const { return PQntuples(result_); }

int PgResult::columns() const { return PQnfields(result_); }

bool PgResult::is_null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }

std::string_view PgResult::value(int row, int column) const {
    return {PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column))};
}

std::int64_t PgResult::int64(int row, int column) const {
    if (is_null(row, column)) throw StoreFault("unexpected NULL integer");
    return parse_int64(value(row, column));
}

std::int64_t PgResult::affected() const {
    const std::string_view tuples = PQcmdTuples(result_);
    return tuples.empty() ? 0 : parse_int64(tuples);
}

std::int64_t parse_int64(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw StoreFault("stored integer not readable: " + std::string(text));
    }
    return v;
}

bool is_connection_sqlstate(std::string_view sqlstate) {
    return sqlstate.substr(0, 2) == "08" || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03";
}

}  // namespace sanpi::store::postgres
