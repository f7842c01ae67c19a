#pragma once
// Which stored project a row of a monthly-report or coordination table is about: by its project
// code, else by its name in its zone (and, when the row gives one, the investor's credit code),
// like the project importer matches rows. Only projects in the importer's scope are found; a code
// outside it is refused in the same words as a code that does not exist.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/credit_code.hpp"
#include "domain/project.hpp"
#include "service/import_lookup.hpp"
#include "service/import_row_cells.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct ProjectReference {
    std::optional<std::string> code;
    std::optional<std::string> name;
    std::optional<std::int64_t> zone_id;  // the row's zone, else the import's
    std::optional<domain::CreditCode> credit_code;
};

// Reads 项目编码, 项目名称, 所属地市, 所属开发区 and 统一社会信用代码; unreadable cells are the
// row's problems. A row without a zone takes `default_zone` (a zone user's own, or --zone).
ProjectReference read_project_reference(ImportRowCells& cells, const ImportCatalog& catalog,
                                        const ImportZone* default_zone);

class ImportProjectFinder {
public:
    ImportProjectFinder(store::Tx& tx, const Principal& who) : tx_(tx), who_(who) {}

    // The project; nothing when it is not found, with the problem recorded on the row (naming the
    // column that failed to find it).
    Result<std::optional<domain::Project>> find(const ProjectReference& ref, ImportRowCells& cells);

private:
    struct Known {
        domain::Project project;
        std::string key;  // match_key(name)
    };
    Result<const std::vector<Known>*> zone_projects(std::int64_t zone_id);

    store::Tx& tx_;
    const Principal& who_;
    std::unordered_map<std::int64_t, std::vector<Known>> zones_;
};

}  // namespace sanpi::service
