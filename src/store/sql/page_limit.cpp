#include "store/sql/page_limit.hpp"

#include <algorithm>
#include <array>

#include "store/sql/bind.hpp"
#include "store/sql/project_list_query.hpp"

namespace sanpi::store::sql {

PageLimit page_limit(std::int64_t rows, std::int64_t offset) {
    // Page sizes people use, and one more row (the project list reads one past the page to tell
    // whether another follows).
    constexpr std::array<std::int64_t, 7> kSteps{11, 21, 26, 51, 101, 201, 501};
    rows = std::max<std::int64_t>(rows, 1);
    const auto step = std::lower_bound(kSteps.begin(), kSteps.end(), rows);
    PageLimit out{" LIMIT " + std::to_string(step != kSteps.end() ? *step : rows), offset > 0, offset};
    if (out.binds_offset) out.sql += " OFFSET ?";
    return out;
}

CountedPage counted_page(Connection& conn, const Conditions& where, std::string_view count_from,
                         std::string_view rows_select, std::string_view order, std::int64_t limit,
                         std::int64_t offset) {
    auto count = conn.prepare("SELECT COUNT(*)" + std::string(count_from) + where.where());
    where.bind(*count);
    CountedPage page{0, nullptr, std::clamp<std::int64_t>(limit, 1, kMaxPageSize)};
    const auto page_rows = page_limit(page.limit, offset);
    page.rows = conn.prepare(std::string(rows_select) + where.where() + std::string(order) + page_rows.sql);
    const int next = where.bind(*page.rows);
    if (page_rows.binds_offset) bind_from(*page.rows, next, page_rows.offset);
    Statement* const together[] = {count.get(), page.rows.get()};
    conn.run_together(together);
    count->step();
    page.total = count->int64_at(0);
    return page;
}

}  // namespace sanpi::store::sql
