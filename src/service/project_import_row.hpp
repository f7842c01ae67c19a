#pragma once
// One data row of a project table, read into the fields the API takes, with every problem of the
// row named by sheet row, column, value and reason. The checks are the API's own
// (domain::validate_project), so a row the API would refuse is refused here too.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/credit_code.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/stage.hpp"
#include "service/import_layout.hpp"
#include "service/import_lookup.hpp"
#include "service/project_patch.hpp"

namespace sanpi::service {

struct RowProblem {
    std::int64_t row = 0;
    std::string column;  // "H"; empty when the problem is the row's, not a cell's
    std::string field;   // "total_investment"
    std::string value;   // the cell's text as the sheet shows it
    Text reason;
};

struct ProjectRow {
    std::int64_t row = 0;
    ProjectPatch patch;  // zone, industry, names, amounts and planned dates as read
    std::string enterprise;                      // the investor's name as written, cleaned
    std::optional<domain::CreditCode> credit_code;
    std::optional<domain::Stage> stage;          // a stage the sheet states
};

struct MappedProjectRow {
    std::optional<ProjectRow> project;  // set when the row has no problem
    std::vector<RowProblem> problems;
};

struct ProjectRowContext {
    const TableLayout& layout;
    CatalogMatches& matches;  // the caller's catalogue, matched once per distinct name
    bool date1904 = false;
    const ImportZone* default_zone = nullptr;  // --zone, or a zone user's own zone
    domain::Date today;
};

MappedProjectRow map_project_row(const sheet::Row& row, const ProjectRowContext& context);

// "已开工", "在建", "投产", "started": the stage a sheet means, or nothing.
std::optional<domain::Stage> stage_named(std::string_view text);

}  // namespace sanpi::service
