#include "store/postgres/pg_errors.hpp"

#include <array>

#include "store/internal_log.hpp"

namespace sanpi::store::postgres {
namespace {

// PostgreSQL's default names for the schema's UNIQUE and PRIMARY KEY constraints; the words are
// the SQLite backend's (sqlite_errors.cpp), so both backends answer alike.
struct UniqueRule {
    std::string_view constraint;
    ErrorCode code;
    std::string_view field;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array kUniqueRules{
    UniqueRule{"campaign_entries_pkey", ErrorCode::kConflict, "project_id", "该项目已计入该批次",
               "project already counted in this batch"},
    UniqueRule{"projects_code_key", ErrorCode::kConflict, "code", "项目编码已存在",
               "a project with this code already exists"},
    UniqueRule{"zones_code_key", ErrorCode::kConflict, "code", "开发区编码已存在",
               "a zone with this code already exists"},
    UniqueRule{"users_name_key", ErrorCode::kConflict, "name", "用户名已存在", "this user name is already taken"},
    UniqueRule{"enterprises_credit_code_key", ErrorCode::kConflict, "credit_code", "统一社会信用代码已存在",
               "an enterprise with this credit code already exists"},
    UniqueRule{"campaigns_name_key", ErrorCode::kConflict, "name", "活动名称已存在",
               "a campaign with this name already exists"},
    UniqueRule{"project_investors_pkey", ErrorCode::kInvalidInput, "investor_ids", "投资方重复",
               "an investor is listed more than once"},
};

Error with_field(ErrorCode code, std::string_view field, std::string_view zh, std::string_view en) {
    if (code == ErrorCode::kInvalidInput)
        return Error::invalid_field(std::string(field), std::string(zh), std::string(en));
    Error e = Error::conflict(std::string(zh), std::string(en));
    e.fields.push_back(FieldError{std::string(field), {std::string(zh), std::string(en)}});
    return e;
}

Error unique_error(std::string_view constraint) {
    for (const auto& rule : kUniqueRules) {
        if (rule.constraint == constraint) return with_field(rule.code, rule.field, rule.zh, rule.en);
    }
    return Error::conflict("记录已存在", "the record already exists");
}

// Named CHECK constraints are called ck_<api field>; unnamed ones get PostgreSQL's
// <table>_<column>_check, which (as on SQLite) is reported against the whole record.
Error check_error(std::string_view constraint) {
    if (constraint.substr(0, 3) != "ck_") return Error::invalid_field("record", "取值不允许", "a value is not allowed");
    return Error::invalid_field(std::string(constraint.substr(3)), "取值不允许", "value not allowed");
}

bool target_exists(Connection& conn, const ForeignKey& fk) {
    Params params;
    std::visit([&](const auto& key) { params.add(key); }, fk.key);
    return conn.query(fk.exists_sql, params).rows() > 0;
}

Error foreign_key_error(Connection& conn, const ForeignKeys& foreign_keys) {
    for (const auto& fk : foreign_keys) {
        if (target_exists(conn, fk)) continue;
        return Error::invalid_field(fk.field, "引用的" + std::string(fk.what_zh) + "不存在",
                                    "refers to a " + std::string(fk.what_en) + " that does not exist");
    }
    return Error::invalid_field("record", "引用的记录不存在", "refers to a record that does not exist");
}

bool is_busy(std::string_view sqlstate) {
    return sqlstate == "57014"                // statement_timeout (query_canceled)
           || sqlstate == "55P03"             // lock_timeout (lock_not_available)
           || sqlstate.substr(0, 2) == "53";  // insufficient resources, too many connections
}

}  // namespace

Error unavailable_error() {
    return Error::unavailable("数据库暂时不可用，请稍后重试", "the database is temporarily unavailable; try again");
}

Error busy_error() { return Error::unavailable("数据库繁忙，请稍后重试", "the database is busy; try again shortly"); }

Error internal_error(std::string_view detail) {
    log_internal(detail);
    return Error::internal("存储出错", "storage error");
}

Error translate_error(Connection& conn, const PgError& e, const ForeignKeys& foreign_keys) {
    const auto& state = e.sqlstate();
    if (e.connection_lost() || is_connection_sqlstate(state)) {
        log_internal(std::string("postgres connection lost: ") + e.what());
        return unavailable_error();
    }
    if (state == "23505") return unique_error(e.constraint());
    if (state == "23514") return check_error(e.constraint());
    if (state == "23503") return foreign_key_error(conn, foreign_keys);
    if (is_busy(state)) {
        log_internal(std::string("postgres busy: ") + e.what());
        return busy_error();
    }
    // Two writers crossed (only possible outside the single-row version check); nothing was
    // written, and retrying with fresh data is what the caller should do, as after a stale version.
    if (state == "40001" || state == "40P01") {
        log_internal(std::string("postgres serialization failure: ") + e.what());
        return Error::conflict("数据正被他人同时修改，请刷新后重试",
                               "someone else changed the data at the same time; reload and retry");
    }
    // Text SQLite would store but PostgreSQL cannot (NUL bytes, invalid UTF-8).
    if (state == "22021" || state == "22P05") {
        log_internal(std::string("postgres refused text: ") + e.what());
        return Error::invalid_field("record", "文本含有无法保存的字符",
                                    "text contains characters that cannot be stored");
    }
    return internal_error("postgres error " + state + ": " + e.what());
}

}  // namespace sanpi::store::postgres
