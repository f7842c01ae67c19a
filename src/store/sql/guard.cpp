#include "store/sql/guard.hpp"

#include <type_traits>
#include <variant>

#include "store/internal_log.hpp"

namespace sanpi::store::sql {
namespace {

bool target_exists(Connection& conn, const ForeignKey& fk) {
    auto q = conn.prepare(fk.exists_sql);
    std::visit(
        [&](const auto& key) {
            if constexpr (std::is_same_v<std::decay_t<decltype(key)>, std::int64_t>) {
                q->bind_int64(1, key);
            } else {
                q->bind_text(1, key);
            }
        },
        fk.key);
    return q->step();
}

Error logged(std::string_view what, const DbError& e, Error error) {
    log_internal(std::string(what) + e.what());
    return error;
}

}  // namespace

Error translate_failure(const DbError& e, const ForeignKeys& foreign_keys, Connection* conn) {
    switch (e.kind()) {
        case FailureKind::kUniqueViolation:
            return unique_error(e.constraint());
        case FailureKind::kCheckViolation:
            return check_error(e.constraint());
        case FailureKind::kForeignKeyViolation:
            if (conn == nullptr) return foreign_key_error({}, [](const ForeignKey&) { return true; });
            return foreign_key_error(foreign_keys, [&](const ForeignKey& fk) { return target_exists(*conn, fk); });
        case FailureKind::kBusy:
            return logged("database busy: ", e, busy_error());
        case FailureKind::kConnectionLost:
            return logged("database connection lost: ", e, unavailable_error());
        case FailureKind::kSerialization:
            // Two writers crossed (only possible outside the single-row version check); nothing
            // was written, and retrying with fresh data is what the caller should do.
            return logged("serialization failure: ", e,
                          Error::conflict("数据正被他人同时修改，请刷新后重试",
                                          "someone else changed the data at the same time; reload and retry"));
        case FailureKind::kUnstorableText:
            return logged("database refused text: ", e,
                          Error::invalid_field("record", "文本含有无法保存的字符",
                                               "text contains characters that cannot be stored"));
        case FailureKind::kStorageFull:
            return logged("database storage full: ", e, storage_full_error());
        case FailureKind::kReadOnly:
            return logged("database read-only: ", e, read_only_error());
        case FailureKind::kStorageFailed:
            return logged("database storage failed: ", e, unavailable_error());
        case FailureKind::kNotNullViolation:
            if (auto figure = figure_overflow_error(e.constraint())) return *figure;
            break;
        case FailureKind::kOther:
            break;
    }
    return internal_error(std::string("database error: ") + e.what());
}

Result<void> execute_guarded(Connection& conn, std::string_view sql) {
    return guard_sql([&]() -> Result<void> {
        conn.execute(sql);
        return {};
    });
}

}  // namespace sanpi::store::sql
