#pragma once
// SQLite's project search index (FTS5, m0007 and m0010), kept at commit (m0025): the triggers note
// the projects whose searched texts changed in project_search_stale, and this rewrites their
// entries together before the transaction commits. FTS5 flushes what it holds in memory at every
// savepoint and statement transaction, so one write per transaction, not one per statement, is
// what keeps an import of many rows from building and merging a segment per row.
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

// The entries of every noted project rewritten from its row and investors (a deleted project's
// removed), and the notes cleared. With nothing noted it costs one look-up. Throws DbError.
void sync_project_search(Connection& conn);

}  // namespace sanpi::store::sqlite
