#include "store/sqlite/sqlite_errors.hpp"

#include <sqlite3.h>

#include <array>

#include "store/internal_log.hpp"
#include "store/sqlite/sqlite_codec.hpp"

namespace sanpi::store::sqlite {
namespace {

struct UniqueRule {
    std::string_view column;  // "table.column" as SQLite names the first column of the key
    ErrorCode code;
    std::string_view field;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array kUniqueRules{
    UniqueRule{"campaign_entries.project_id", ErrorCode::kConflict, "project_id", "该项目已计入该批次",
               "project already counted in this batch"},
    UniqueRule{"projects.code", ErrorCode::kConflict, "code", "项目编码已存在",
               "a project with this code already exists"},
    UniqueRule{"zones.code", ErrorCode::kConflict, "code", "开发区编码已存在", "a zone with this code already exists"},
    UniqueRule{"users.name", ErrorCode::kConflict, "name", "用户名已存在", "this user name is already taken"},
    UniqueRule{"enterprises.credit_code", ErrorCode::kConflict, "credit_code", "统一社会信用代码已存在",
               "an enterprise with this credit code already exists"},
    UniqueRule{"campaigns.name", ErrorCode::kConflict, "name", "活动名称已存在",
               "a campaign with this name already exists"},
    UniqueRule{"project_investors.project_id", ErrorCode::kInvalidInput, "investor_ids", "投资方重复",
               "an investor is listed more than once"},
};

Error with_field(ErrorCode code, std::string_view field, std::string_view zh, std::string_view en) {
    if (code == ErrorCode::kInvalidInput)
        return Error::invalid_field(std::string(field), std::string(zh), std::string(en));
    Error e = Error::conflict(std::string(zh), std::string(en));
    e.fields.push_back(FieldError{std::string(field), {std::string(zh), std::string(en)}});
    return e;
}

// SQLite reports "UNIQUE constraint failed: t.a, t.b"; the first column identifies the key.
Error unique_error(std::string_view message) {
    const auto colon = message.find(": ");
    auto columns = colon == std::string_view::npos ? std::string_view() : message.substr(colon + 2);
    const auto first = columns.substr(0, columns.find(','));
    for (const auto& rule : kUniqueRules) {
        if (rule.column == first) return with_field(rule.code, rule.field, rule.zh, rule.en);
    }
    return Error::conflict("记录已存在", "the record already exists");
}

// Named constraints are called ck_<api field>: "CHECK constraint failed: ck_stage".
Error check_error(std::string_view message) {
    const auto at = message.find("ck_");
    if (at == std::string_view::npos) return Error::invalid_field("record", "取值不允许", "a value is not allowed");
    auto field = message.substr(at + 3);
    field = field.substr(0, field.find_first_of(" ,)"));
    return Error::invalid_field(std::string(field), "取值不允许", "value not allowed");
}

bool target_exists(Connection& conn, const ForeignKey& fk) {
    auto q = conn.query(fk.exists_sql);
    std::visit([&](const auto& key) { bind_one(*q, 1, key); }, fk.key);
    return q->step();
}

Error foreign_key_error(Connection& conn, const ForeignKeys& foreign_keys) {
    for (const auto& fk : foreign_keys) {
        if (target_exists(conn, fk)) continue;
        return Error::invalid_field(fk.field, "引用的" + std::string(fk.what_zh) + "不存在",
                                    "refers to a " + std::string(fk.what_en) + " that does not exist");
    }
    return Error::invalid_field("record", "引用的记录不存在", "refers to a record that does not exist");
}

}  // namespace

Error busy_error() { return Error::unavailable("数据库繁忙，请稍后重试", "the database is busy; try again shortly"); }

Error internal_error(std::string_view detail) {
    log_internal(detail);
    return Error::internal("存储出错", "storage error");
}

Error translate_error(Connection& conn, const SqliteError& e, const ForeignKeys& foreign_keys) {
    switch (e.extended_code()) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return unique_error(e.what());
        case SQLITE_CONSTRAINT_CHECK:
            return check_error(e.what());
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return foreign_key_error(conn, foreign_keys);
        default:
            break;
    }
    if (e.primary_code() == SQLITE_BUSY || e.primary_code() == SQLITE_LOCKED) {
        log_internal(std::string("sqlite busy: ") + e.what());
        return busy_error();
    }
    return internal_error(std::string("sqlite error ") + std::to_string(e.extended_code()) + ": " + e.what());
}

}  // namespace sanpi::store::sqlite
