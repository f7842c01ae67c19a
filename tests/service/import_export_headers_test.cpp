// Export and import cannot drift: every header of the official exports (project list, a
// campaign's batch list, monthly reports, coordination items), in Chinese and in English, is one
// the importer's alias table matches to a column its kind reads, or a group label — except the
// few read-only columns named here, which the importers ignore on purpose.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "report/coordination_table.hpp"
#include "report/progress_table.hpp"
#include "report/project_table.hpp"
#include "service/import_columns.hpp"

namespace sanpi::service {
namespace import_export_headers_test {

using domain::BulletinLang;

const domain::Date kDay = domain::Date::from_ymd(2024, 1, 15).value();

// Every header of the spec and the group labels over them, as the sheet shows them.
void expect_importable(const report::TableSpec& spec, ImportKind kind, const std::set<std::string>& read_only,
                       const std::string& what) {
    for (const auto& c : spec.columns) {
        if (!c.group.empty()) {
            EXPECT_TRUE(is_group_label(c.group)) << what << ": group " << c.group;
        }
        if (read_only.count(c.header) != 0) continue;
        const auto match = match_header(c.header);
        ASSERT_TRUE(match.has_value()) << what << ": " << c.header;
        EXPECT_TRUE(kind_reads(kind, match->field)) << what << ": " << c.header;
    }
}

TEST(ImportExportHeaders, TheProjectListsHeadersAreAllTheImportersInBothLanguages) {
    for (const auto lang : {BulletinLang::kZh, BulletinLang::kEn}) {
        const auto spec = report::project_table_spec(lang, domain::MoneyUnit::kYi, "山西省", kDay);
        expect_importable(spec, ImportKind::kProjects, {}, "projects");
        std::set<ImportField> fields;
        for (const auto& c : spec.columns) fields.insert(match_header(c.header)->field);
        // The lead investor's credit code goes out, so a re-import can match by it.
        EXPECT_EQ(fields.count(ImportField::kCreditCode), 1u);
    }
}

TEST(ImportExportHeaders, TheBatchListsHeadersAreTheImportersButBatchAndEntryStatus) {
    domain::Campaign campaign;
    campaign.id = 1;
    campaign.name = "2024年第一批三个一批活动";
    campaign.date = kDay;
    expect_importable(report::entry_table_spec(BulletinLang::kZh, domain::MoneyUnit::kYi, "山西省", kDay, campaign,
                                               domain::BatchKind::kSign),
                      ImportKind::kEntries, {"批次", "入选状态"}, "entries zh");
    expect_importable(report::entry_table_spec(BulletinLang::kEn, domain::MoneyUnit::kYi, "Shanxi", kDay, campaign,
                                               domain::BatchKind::kSign),
                      ImportKind::kEntries, {"Batch", "Entry status"}, "entries en");
}

TEST(ImportExportHeaders, TheReportAndCoordinationListsImportBackButTheirReadOnlyColumns) {
    expect_importable(report::progress_table_spec(BulletinLang::kZh, domain::MoneyUnit::kWan, "山西省", kDay),
                      ImportKind::kReports, {"累计完成投资", "状态"}, "reports zh");
    expect_importable(report::progress_table_spec(BulletinLang::kEn, domain::MoneyUnit::kWan, "Shanxi", kDay),
                      ImportKind::kReports, {"Completed to date", "Status"}, "reports en");
    expect_importable(report::coordination_table_spec(BulletinLang::kZh, "山西省", kDay), ImportKind::kCoordination,
                      {"状态", "办理结果"}, "coordination zh");
    expect_importable(report::coordination_table_spec(BulletinLang::kEn, "Shanxi", kDay), ImportKind::kCoordination,
                      {"Status", "Resolution"}, "coordination en");
}

}  // namespace import_export_headers_test
}  // namespace sanpi::service
