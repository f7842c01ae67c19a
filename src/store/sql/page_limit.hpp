#pragma once
// The LIMIT of a list page written out, and OFFSET only when rows are skipped. PostgreSQL plans a
// prepared statement whose LIMIT is a parameter anew on every execution: its generic plan, made
// without knowing the LIMIT, always looks dearer than a custom one. With the number in the text
// it keeps one plan per statement. Sizes are rounded up to a few steps, so a shape of query has
// only a few texts (each prepared once per connection) whatever page sizes clients ask for; the
// caller stops reading at the rows it wants.
#include <cstdint>
#include <string>

namespace sanpi::store::sql {

struct PageLimit {
    std::string sql;      // " LIMIT n" or " LIMIT n OFFSET ?"
    bool binds_offset;    // the OFFSET parameter follows the query's others
    std::int64_t offset;  // what to bind for it
};

// At least `rows` rows after skipping `offset` (negative: none).
PageLimit page_limit(std::int64_t rows, std::int64_t offset);

}  // namespace sanpi::store::sql
