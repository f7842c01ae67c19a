#pragma once
// One cell's value as an import reads it, with the errors the API gives for the same input.
// Amounts: a number cell is in its column's unit; a text cell may name its own ("3000万元" typed
// into an 亿元 column). Dates: a number is an Excel serial; text may be 2022.06, 202206,
// 2022年6月, 2022/6/30 and the other forms Date::parse reads.
#include <string_view>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/money.hpp"
#include "domain/month.hpp"
#include "sheet/sheet_reader.hpp"

namespace sanpi::service {

// A number exactly as the file holds it ("12.5", "1.5E-3", "0.30000000000000004") in `unit`:
// Excel stores binary doubles, so digits past one fen are its rounding noise and are rounded
// half away from zero; negatives are refused like typed ones.
// A stated total (a 合计 row) may pass the cap on one amount: `stated_total` lifts it.
Result<domain::Money> money_from_number(std::string_view number, domain::MoneyUnit unit, std::string_view field,
                                        bool stated_total = false);

Result<domain::Money> read_money(const sheet::Cell& cell, domain::MoneyUnit unit, std::string_view field,
                                 bool stated_total = false);

Result<domain::Date::Parsed> read_date(const sheet::Cell& cell, bool date1904, std::string_view field);

// A report's month: any date read_date reads (2022.06, 202206, 2022年6月, 2022-06-30, an Excel
// date), as its month.
Result<domain::Month> read_month(const sheet::Cell& cell, bool date1904, std::string_view field);

// A whole percentage: "45", "45%", "４５％", or a number shown as a percentage (0.45 in a cell
// formatted 0%). Anything else, a fraction of a percent included, fails naming `field`; the range
// (0 to 100) is the API's check.
Result<std::int32_t> read_percent(const sheet::Cell& cell, std::string_view field);

// A whole number (jobs): "120", "120.0", "１２０".
Result<std::int32_t> read_count(const sheet::Cell& cell, std::string_view field);

}  // namespace sanpi::service
