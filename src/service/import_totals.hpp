#pragma once
// 小计 / 合计 / 总计 rows: never imported, but their stated amounts are checked against the rows
// above — a 小计 against the rows since the previous 小计, a 合计 or 总计 against every row of the
// table — and every difference is reported.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.hpp"
#include "service/import_layout.hpp"

namespace sanpi::service {

// "合计", "小计", "总计" (also "合 计", "合计（36个）", "Total", "Subtotal") in a text cell left of
// the first amount column (a table without amounts: of its description): the row's label, else nothing.
std::optional<std::string> total_row_label(const sheet::Row& row, const TableLayout& layout);

struct TotalCheck {
    std::int64_t row = 0;
    std::string label;   // as the sheet says it
    std::string field;   // "total_investment"
    std::string column;  // "H"
    domain::Money stated, computed;
    bool agrees() const { return stated == computed; }
};

class TotalChecker {
public:
    explicit TotalChecker(const TableLayout& layout);
    // A data row's amounts that read are added; one that does not is counted as unread.
    void add_row(const sheet::Row& row);
    void check(const sheet::Row& row, const std::string& label);
    const std::vector<TotalCheck>& checks() const { return checks_; }

private:
    struct Column {
        const ImportColumn* column;
        domain::MoneyUnit unit;
        domain::Money since_subtotal, all;
    };
    std::vector<Column> columns_;
    std::vector<TotalCheck> checks_;
};

}  // namespace sanpi::service
