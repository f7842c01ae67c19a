#include "store/sqlite/sqlite_project_rows.hpp"

namespace sanpi::store::sqlite {

domain::ProjectView read_project_view(const Statement& st) {
    Row row(st);
    return sql::read_project_view(row);
}

}  // namespace sanpi::store::sqlite
