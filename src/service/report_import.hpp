#pragma once
// Monthly progress reports (月报) imported as zones send them (kind "reports"): each row names a
// stored project in the importer's scope (import_project_ref.hpp) and a month, with the month's
// figures. A month without a report gets a draft; a draft or returned report whose figures differ
// is changed; a submitted or approved one is left alone when equal and refused when not. Every
// row is checked by ReportService's own rules (check_create_in / check_update_in) and written
// through create_in / update_in, so the checks and the audit entries are the API's.
#include "service/import_table.hpp"
#include "service/principal.hpp"
#include "service/project_import.hpp"
#include "service/report_service.hpp"

namespace sanpi::service {

class ReportImport {
public:
    explicit ReportImport(ReportService& reports) : reports_(reports) {}

    // Reads the table and plans every row against the stored reports (nothing written); with
    // `write`, then applies every create and update inside `tx`, stopping at the first error
    // (named by its row) so that the caller's transaction writes nothing.
    Result<ImportPreview> run(store::Tx& tx, const Principal& who, sheet::SheetReader& reader,
                              const KindImportContext& context, bool write);

private:
    ReportService& reports_;
};

// The API's name of a report table's column ("investment_completed"; 备注 is "confirmation_note").
std::string_view report_field_name(ImportField field);

}  // namespace sanpi::service
