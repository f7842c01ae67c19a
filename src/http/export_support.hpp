#pragma once
// What the XLSX export handlers share: the names a row shows for the codes it holds, and the answer
// that hands a workbook over as a file to save.
#include <string>
#include <string_view>

#include "domain/bulletin.hpp"
#include "domain/error.hpp"
#include "http/context.hpp"
#include "report/project_table.hpp"

namespace sanpi::http {

// The city and industry names a row shows, in the workbook's language.
Result<report::ProjectTableNames> table_names(Context& ctx, domain::BulletinLang lang);

// 200 with the workbook: its content type and `Content-Disposition: attachment` naming the file.
Response xlsx_response(std::string bytes, std::string_view file_name);

}  // namespace sanpi::http
