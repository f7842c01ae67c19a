#pragma once
// The chain map table (产业链图谱表) in the official layout (report/xlsx_table.hpp): one row per
// node, the columns of domain/chain_sheet.hpp, the figures for the caller's scope.
#include <string>
#include <string_view>

#include "domain/bulletin.hpp"
#include "domain/date.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

TableSpec chain_table_spec(domain::BulletinLang lang, std::string_view filled_by, domain::Date as_of);
std::string chain_table_file_name(domain::BulletinLang lang, domain::Date as_of);

}  // namespace sanpi::report
