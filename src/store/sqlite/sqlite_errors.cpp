#include "store/sqlite/sqlite_errors.hpp"

#include <sqlite3.h>

namespace sanpi::store::sqlite {
namespace {

// SQLite reports "UNIQUE constraint failed: t.a, t.b"; the first column identifies the key.
// "NOT NULL constraint failed: t.a" names the one column.
std::string unique_key(std::string_view message) {
    const auto colon = message.find(": ");
    auto columns = colon == std::string_view::npos ? std::string_view() : message.substr(colon + 2);
    return std::string(columns.substr(0, columns.find(',')));
}

// "CHECK constraint failed: ck_stage": the constraint's name follows the colon.
std::string check_name(std::string_view message) {
    const auto at = message.find("ck_");
    if (at == std::string_view::npos) return {};
    const auto name = message.substr(at);
    return std::string(name.substr(0, name.find_first_of(" ,)")));
}

}  // namespace

bool is_busy(int extended_code) {
    const int primary = extended_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

sql::FailureKind failure_kind(int extended_code) {
    switch (extended_code) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return sql::FailureKind::kUniqueViolation;
        case SQLITE_CONSTRAINT_CHECK:
            return sql::FailureKind::kCheckViolation;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return sql::FailureKind::kForeignKeyViolation;
        case SQLITE_CONSTRAINT_NOTNULL:
            return sql::FailureKind::kNotNullViolation;
        default:
            break;
    }
    switch (extended_code & 0xff) {
        case SQLITE_FULL:
            return sql::FailureKind::kStorageFull;
        case SQLITE_READONLY:
            return sql::FailureKind::kReadOnly;
        case SQLITE_IOERR:
            return sql::FailureKind::kStorageFailed;
        default:
            break;
    }
    return is_busy(extended_code) ? sql::FailureKind::kBusy : sql::FailureKind::kOther;
}

std::string failed_constraint(int extended_code, std::string_view message) {
    switch (failure_kind(extended_code)) {
        case sql::FailureKind::kUniqueViolation:
        case sql::FailureKind::kNotNullViolation:
            return unique_key(message);
        case sql::FailureKind::kCheckViolation:
            return check_name(message);
        default:
            return {};
    }
}

}  // namespace sanpi::store::sqlite
