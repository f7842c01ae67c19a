#pragma once
// The blank templates an import kind hands out (GET /api/v1/imports/template.xlsx): the header the
// importer expects, column by column, each with the field it fills (import_columns.hpp) and the
// drop-down it takes, and the drop-downs' choices within the caller's scope. A kind is a row of the
// table in import_template.cpp, with its columns.
// The tests match every header with match_header, so template and importer cannot drift.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/industry.hpp"
#include "domain/region.hpp"
#include "domain/zone.hpp"
#include "service/import_columns.hpp"

namespace sanpi::service {

enum class TemplateKind { kProjects, kEntries, kReports, kCoordination };

std::string_view to_string(TemplateKind kind);  // "projects", "entries", "reports", "coordination"
std::optional<TemplateKind> template_kind_from_string(std::string_view text);
// Every kind, in order (for messages and tests).
std::vector<TemplateKind> template_kinds();

// The list a column's drop-down offers.
enum class TemplateChoice { kNone, kIndustry, kStage, kCity, kZone, kCategory, kLevel };

struct TemplateColumn {
    std::string header;  // as the importer matches it (match_header(header)->field == field)
    std::string group;   // the label over adjacent columns of one group (投资情况), or empty
    ImportField field;
    TemplateChoice choice = TemplateChoice::kNone;
};

struct ImportTemplate {
    std::string title;      // the sheet's title row
    std::string sheet;      // the sheet's name
    std::string file_name;  // "项目导入模板.xlsx"
    // The unit line's (amounts are read in it); none for a table without amounts (coordination).
    std::optional<domain::MoneyUnit> unit = domain::MoneyUnit::kYi;
    // The header left to right; the first is always 序号 (ImportField::kSerial).
    std::vector<TemplateColumn> columns;
};

ImportTemplate import_template(TemplateKind kind, domain::BulletinLang lang);

// The choices of each drop-down, as the importer reads them back: industries by name (in the
// template's language), stages, problem categories and coordination levels by label, cities and zones by their Chinese names (the importer
// knows no English ones), only those of `zones_in_scope` and their cities.
struct TemplateChoiceLists {
    std::vector<std::string> industries;
    std::vector<std::string> stages;
    std::vector<std::string> cities;
    std::vector<std::string> zones;
    std::vector<std::string> categories;  // coordination items' 问题类别, by label
    std::vector<std::string> levels;      // 协调层级, by label

    const std::vector<std::string>& of(TemplateChoice choice) const;  // empty for kNone
};

TemplateChoiceLists template_choices(const std::vector<domain::Industry>& industries,
                                     const std::vector<domain::Region>& regions,
                                     const std::vector<domain::Zone>& zones_in_scope, domain::BulletinLang lang);

// The heading of a drop-down's list on the options sheet: 产业 / Industry ...
std::string_view template_choice_heading(TemplateChoice choice, domain::BulletinLang lang);

}  // namespace sanpi::service
