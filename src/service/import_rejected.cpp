#include "service/import_rejected.hpp"

namespace sanpi::service {

std::string one_row_header(const std::string& joined) {
    const auto slash = joined.rfind(" / ");
    return slash == std::string::npos ? joined : joined.substr(slash + 3);
}

Result<std::vector<RejectedRow>> gather_rejected_rows(sheet::SheetReader& reader, std::size_t sheet,
                                                      const std::vector<RowProblem>& problems) {
    std::vector<RejectedRow> out;
    for (const auto& p : problems) {
        if (out.empty() || out.back().row != p.row) out.push_back({p.row, {}, {}});
        out.back().problems.push_back(p);
    }
    if (out.empty()) return out;
    const bool date1904 = reader.date1904();
    std::size_t next = 0;
    auto read = reader.read_rows(sheet, [&](const sheet::Row& row) -> Result<void> {
        while (next < out.size() && out[next].row < row.number) ++next;  // a row the reader skips (blank)
        if (next == out.size() || out[next].row != row.number) return {};
        for (const auto& c : row.cells) {
            RejectedCell cell{c.column, c.text, c.kind == sheet::CellKind::kNumber, std::nullopt};
            if (cell.number && c.date_style) cell.date = sheet::date_from_serial(c.text, date1904);
            out[next].cells.push_back(std::move(cell));
        }
        ++next;
        return {};
    });
    if (!read) return read.error();
    return out;
}

}  // namespace sanpi::service
