#pragma once
// Progress report rows: the column list of progress_reports_sql.hpp read into domain records, and
// the insert's parameters bound from one, the same on every backend.
#include "store/sql/connection.hpp"
#include "store/sql/row.hpp"
#include "store/store.hpp"

namespace sanpi::store::sql {

// Reads kReportColumns' domain part (id .. version) and stops there.
domain::ProgressReport read_progress_report(Row& row);
// Reads all of kReportColumns.
ReportRecord read_report_record(Row& row);
// Reads kReportColumns then kReportViewColumns.
ReportView read_report_view(Row& row);

// Binds the kInsertParameters parameters of one kInsertRow from `first`; returns the next index.
int bind_report_insert(Statement& st, int first, const ReportRecord& r);
// Binds kUpdateReport's SET list from 1; returns the index of its WHERE parameters.
int bind_report_update(Statement& st, const ReportRecord& r);

}  // namespace sanpi::store::sql
