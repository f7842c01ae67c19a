#pragma once
// The project row reader over this backend's results; the column list and decoding are shared
// (store/sql/project_rows.hpp).
#include "domain/project.hpp"
#include "store/postgres/pg_codec.hpp"
#include "store/sql/project_rows.hpp"

namespace sanpi::store::postgres {

using sql::city_of;
using sql::kProjectColumns;
using sql::kProjectViewColumns;
using sql::kProjectViewFrom;
using sql::read_project;

// Reads kProjectColumns then kProjectViewColumns; investors are loaded separately.
domain::ProjectView read_project_view(const PgResult& r, int i);

}  // namespace sanpi::store::postgres
