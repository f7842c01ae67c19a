#include "store/sql/page_limit.hpp"

#include <algorithm>
#include <array>

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

}  // namespace sanpi::store::sql
