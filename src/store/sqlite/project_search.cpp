#include "store/sqlite/project_search.hpp"

#include <string_view>

namespace sanpi::store::sqlite {
namespace {

constexpr std::string_view kAnyStale = "SELECT 1 FROM project_search_stale LIMIT 1";

// The same entry m0007 made: the searched texts and the investors' names, one per line.
constexpr std::string_view kRewriteStale = R"sql(
DELETE FROM project_search WHERE rowid IN (SELECT project_id FROM project_search_stale);
INSERT INTO project_search (rowid, name, code_name, national_code, investors)
SELECT p.id, p.name, p.code_name, p.national_code,
       (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
        WHERE pi.project_id = p.id)
FROM project_search_stale s JOIN projects p ON p.id = s.project_id;
DELETE FROM project_search_stale;
)sql";

}  // namespace

void sync_project_search(Connection& conn) {
    {
        auto any = conn.prepare(kAnyStale);
        if (!any->step()) return;
    }
    conn.exec(kRewriteStale);
}

}  // namespace sanpi::store::sqlite
