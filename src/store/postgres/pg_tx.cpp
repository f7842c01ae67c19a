#include "store/postgres/pg_tx.hpp"

#include "store/internal_log.hpp"

namespace sanpi::store::postgres {

void PgTx::undo_call() noexcept {
    try {
        if (!conn_.lost()) conn_.exec(kUndoSavepoint);
    } catch (const PgError& e) {
        log_internal(std::string("postgres rollback to savepoint failed: ") + e.what());
    }
}

}  // namespace sanpi::store::postgres
