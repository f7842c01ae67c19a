#include "store/postgres/pg_project_rows.hpp"

namespace sanpi::store::postgres {

domain::ProjectView read_project_view(const PgResult& r, int i) {
    Row row(r, i);
    return sql::read_project_view(row);
}

}  // namespace sanpi::store::postgres
