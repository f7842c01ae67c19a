#pragma once
// Sheet rows for the import tests, written the way the readers deliver them.
#include <string>
#include <utility>
#include <vector>

#include "sheet/sheet_reader.hpp"

namespace sanpi::import_test {

struct At {
    int column;
    std::string text;
    sheet::CellKind kind = sheet::CellKind::kText;
    bool date_style = false;
};

inline At number(int column, std::string text, bool date_style = false) {
    return {column, std::move(text), sheet::CellKind::kNumber, date_style};
}

inline sheet::Row row(std::int64_t number, std::vector<At> cells) {
    sheet::Row r;
    r.number = number;
    for (auto& c : cells) r.cells.push_back({c.column, c.kind, std::move(c.text), c.date_style});
    return r;
}

}  // namespace sanpi::import_test
