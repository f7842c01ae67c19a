#pragma once
// The columns an import understands and the headers people give them (docs/import.md lists the
// table). A header is matched after match_key and after its unit note is split off, so
// "总投资（亿元）", "总 投 资" and "Total investment (100m yuan)" all find total investment.
#include <optional>
#include <string>
#include <string_view>

#include "domain/money.hpp"

namespace sanpi::service {

enum class ImportField {
    kSerial,  // 序号: read, never stored
    kCode,
    kNationalCode,
    kName,
    kCity,
    kZone,
    kEnterprise,
    kCreditCode,
    kIndustry,
    kConstructionContent,
    kTotalInvestment,
    kAnnualPlannedInvestment,
    kPlannedSign,
    kPlannedStart,
    kPlannedProduction,
    kStage,
    kResponsibleUnit,
    kExpectedOutputValue,
    kExpectedTax,
    kExpectedJobs,
    kRemarks,  // 备注: read, never stored (a monthly report's confirmation note)
    // A monthly progress report's (kind reports).
    kMonth,
    kInvestmentCompleted,
    kCapitalArrived,
    kProgressText,
    kPercentComplete,
    kJobs,
    // A coordination item's (kind coordination; 责任单位 is kResponsibleUnit).
    kCategory,
    kDescription,
    kLevel,
    kDeadline,
};

// What a table holds: each kind reads its own columns; a known header of another kind's column
// is ignored like an unknown one.
enum class ImportKind { kProjects, kEntries, kReports, kCoordination };

std::string_view to_string(ImportKind kind);  // "projects", "entries", "reports", "coordination"
std::optional<ImportKind> import_kind_from_string(std::string_view text);
bool kind_reads(ImportKind kind, ImportField field);

// The API field name a column fills ("total_investment"), used in errors and previews.
std::string_view import_field_name(ImportField field);
bool is_money_field(ImportField field);
bool is_date_field(ImportField field);

struct HeaderMatch {
    ImportField field;
    std::optional<domain::MoneyUnit> unit;  // from the header's note: "（亿元）"
};

// Nothing when the header names no known column (of any kind).
std::optional<HeaderMatch> match_header(std::string_view header);

// Labels over a group of columns in a two-row header (投资情况, 时间安排): never a column.
bool is_group_label(std::string_view header);

// A money unit named by text: "亿元", "亿", "万元", "万", "元", "100m yuan", "10k yuan", "yuan".
std::optional<domain::MoneyUnit> money_unit_named(std::string_view text);

// The unit a line above the header states for the whole table: "单位：亿元", "金额单位：万元",
// "Unit: 100m yuan". Nothing when the text states none.
std::optional<domain::MoneyUnit> unit_line(std::string_view text);

}  // namespace sanpi::service
