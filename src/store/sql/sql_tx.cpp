#include "store/sql/sql_tx.hpp"

#include "store/internal_log.hpp"

namespace sanpi::store::sql {

std::int64_t returned_id(Statement& st) {
    const std::int64_t id = st.inserted_id();
    if (id <= 0) throw StoreFault("INSERT returned no id");
    return id;
}

std::unique_ptr<Statement> SqlTx::prepare_rows(const std::string& sql, std::size_t rows) {
    return rows == 1 || rows == kRowsPerStatement ? conn_.prepare(sql) : conn_.prepare_once(sql);
}

void SqlTx::undo_call() noexcept {
    try {
        if (conn_.lost()) return;
        conn_.execute_later(kUndoSavepoint);
        conn_.execute_later(kReleaseSavepoint);
    } catch (const DbError& e) {
        log_internal(std::string("rollback to savepoint failed: ") + e.what());
    }
}

Result<void> SqlTx::stale_or_missing(std::string_view exists_sql, std::int64_t id, std::string_view what_zh,
                                     std::string_view what_en) {
    auto q = conn_.prepare(exists_sql);
    bind_all(*q, id);
    if (!q->step()) return Error::not_found(std::string(what_zh), std::string(what_en));
    return Error::conflict("记录已被他人修改，请刷新后重试",
                           "the " + std::string(what_en) + " was changed by someone else; reload and retry");
}

}  // namespace sanpi::store::sql
