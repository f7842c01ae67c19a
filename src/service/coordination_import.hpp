#pragma once
// Coordination items (问题诉求 / 协调事项清单) imported as zones send them (kind "coordination"):
// each row names a stored project in the importer's scope (import_project_ref.hpp) and a problem:
// 问题类别, 问题描述, 协调层级, 责任单位, 办结时限 — what POST …/coordination-items takes. A row
// matches the project's stored item of the same description (compared as match_key leaves it): the
// fields it gives that differ are changed through the item's workflow (levels only go up, a closed
// item stays closed), equal ones leave it unchanged; otherwise a new item is raised. Checks and
// audit entries are CoordinationService's own (check_create_in / check_update_in, create_in /
// update_in).
#include "service/coordination_service.hpp"
#include "service/import_table.hpp"
#include "service/principal.hpp"
#include "service/project_import.hpp"

namespace sanpi::service {

class CoordinationImport {
public:
    explicit CoordinationImport(CoordinationService& items) : items_(items) {}

    // Reads the table and plans every row (nothing written); with `write`, then applies every
    // create and update inside `tx`, stopping at the first error (named by its row).
    Result<ImportPreview> run(store::Tx& tx, const Principal& who, sheet::SheetReader& reader,
                              const KindImportContext& context, bool write);

private:
    CoordinationService& items_;
};

// The API's name of a coordination table's column (责任单位 is "responsible_department").
std::string_view coordination_field_name(ImportField field);

// 土地, 用地, 规划审批, 审批, 融资, 资金, 水电气暖, 水电, 用工, 环保, 其他 … or the API's names.
std::optional<domain::CoordinationCategory> coordination_category_named(std::string_view text);
// 开发区, 区级, 市级, 市, 省级, 省 … or the API's names.
std::optional<domain::CoordinationLevel> coordination_level_named(std::string_view text);

}  // namespace sanpi::service
