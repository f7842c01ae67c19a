// The session as sql::Connection: a statement collects its parameters, runs when first stepped,
// and then walks the rows of its (text-format) result.
#include <libpq-fe.h>

#include <optional>
#include <vector>

#include "store/postgres/pg_connection.hpp"

namespace sanpi::store::postgres {
namespace {

std::string unescape_bytea(std::string_view text) {
    const std::string terminated(text);
    std::size_t length = 0;
    unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(terminated.c_str()), &length);
    if (bytes == nullptr) throw StoreFault("stored bytes cannot be read");
    std::string out(reinterpret_cast<const char*>(bytes), length);
    PQfreemem(bytes);
    return out;
}

class PgStatement final : public sql::Statement {
public:
    PgStatement(Connection& conn, std::string_view sql, bool once) : conn_(conn), sql_(sql), once_(once) {}

    void bind_int64(int index, std::int64_t value) override { params_.set_int64(index, value); }
    void bind_text(int index, std::string_view value) override { params_.set_text(index, value); }
    void bind_blob(int index, std::string_view bytes) override { params_.set_blob(index, bytes); }
    void bind_null(int index) override { params_.set_null(index); }

    bool step() override {
        if (result_) {
            ++row_;
        } else if (delivered_) {
            auto delivered = std::move(*delivered_);
            delivered_.reset();
            result_.emplace(conn_.check(std::move(delivered), sql_));
            row_ = 0;
        } else {
            result_.emplace(once_ ? conn_.query_once(sql_, params_) : conn_.query(sql_, params_));
            row_ = 0;
        }
        return row_ < result_->rows();
    }

    Connection::Outgoing outgoing() const { return {sql_, &params_, once_}; }
    // The answer this statement got in a pipeline, checked when the statement is first stepped.
    void deliver(PgResult result) {
        result_.reset();
        delivered_.emplace(std::move(result));
    }

    std::int64_t rows_affected() const override { return result_ ? result_->affected() : 0; }

    void reset() override {
        result_.reset();
        delivered_.reset();
        params_.clear();
    }

    bool null_at(int column) const override { return current().is_null(row_, column); }
    std::int64_t int64_at(int column) const override { return current().int64(row_, column); }
    std::string text_at(int column) const override { return current().text(row_, column); }
    // Results come in text format, where BYTEA reads as \x followed by hex digits.
    std::string blob_at(int column) const override { return unescape_bytea(current().value(row_, column)); }

private:
    const PgResult& current() const {
        if (!result_ || row_ >= result_->rows()) throw StoreFault("column read without a current row");
        return *result_;
    }

    Connection& conn_;
    std::string sql_;
    bool once_;
    Params params_;
    std::optional<PgResult> result_;
    std::optional<PgResult> delivered_;
    int row_ = 0;
};

}  // namespace

std::unique_ptr<sql::Statement> Connection::prepare(std::string_view sql) {
    return std::make_unique<PgStatement>(*this, sql, false);
}

std::unique_ptr<sql::Statement> Connection::prepare_once(std::string_view sql) {
    return std::make_unique<PgStatement>(*this, sql, true);
}

Connection::Outgoing Connection::outgoing_of(const sql::Statement& statement) {
    return static_cast<const PgStatement&>(statement).outgoing();
}

// Every statement here was made by prepare() or prepare_once() of this connection.
void Connection::run_together(std::span<sql::Statement* const> statements) {
    std::vector<Outgoing> outgoing;
    outgoing.reserve(statements.size());
    for (auto* statement : statements) outgoing.push_back(static_cast<PgStatement*>(statement)->outgoing());
    auto results = pipeline(outgoing);
    for (std::size_t i = 0; i < statements.size(); ++i) {
        static_cast<PgStatement*>(statements[i])->deliver(std::move(results[i]));
    }
}

}  // namespace sanpi::store::postgres
