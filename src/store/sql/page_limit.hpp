#pragma once
// The LIMIT of a list page written out, and OFFSET only when rows are skipped. PostgreSQL plans a
// prepared statement whose LIMIT is a parameter anew on every execution: its generic plan, made
// without knowing the LIMIT, always looks dearer than a custom one. With the number in the text
// it keeps one plan per statement. Sizes are rounded up to a few steps, so a shape of query has
// only a few texts (each prepared once per connection) whatever page sizes clients ask for; the
// caller stops reading at the rows it wants.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/sql/conditions.hpp"
#include "store/sql/connection.hpp"

namespace sanpi::store::sql {

struct PageLimit {
    std::string sql;      // " LIMIT n" or " LIMIT n OFFSET ?"
    bool binds_offset;    // the OFFSET parameter follows the query's others
    std::int64_t offset;  // what to bind for it
};

// At least `rows` rows after skipping `offset` (negative: none).
PageLimit page_limit(std::int64_t rows, std::int64_t offset);

// A page of a list that shows its total: "SELECT COUNT(*)" + count_from + where, and
// rows_select + where + order with the page's limit, run together (one round trip on PostgreSQL).
struct CountedPage {
    std::int64_t total;
    std::unique_ptr<Statement> rows;  // read at most `limit` of them
    std::int64_t limit;
};
CountedPage counted_page(Connection& conn, const Conditions& where, std::string_view count_from,
                         std::string_view rows_select, std::string_view order, std::int64_t limit, std::int64_t offset);

}  // namespace sanpi::store::sql
