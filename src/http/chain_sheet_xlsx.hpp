#pragma once
// The chain map table (产业链图谱表) as XLSX bytes: what GET /api/v1/chains/export.xlsx answers,
// also used by the round-trip test.
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "service/chain_sheet.hpp"

namespace sanpi::http {

Result<std::string> chain_sheet_xlsx(const std::vector<service::ChainSheetRow>& rows, domain::BulletinLang lang,
                                     std::string_view filled_by, domain::Date today);

}  // namespace sanpi::http
