#pragma once
// Migration 12 (SQLite only): the project search index is updated when a project's searched texts
// change, not whenever an UPDATE names them. Every project edit writes every column, so m0007's
// trigger rewrote the project's search entry on each edit, and the full-text index merged its
// segments ever more often: about half the pages a typical edit wrote. PostgreSQL's indexes
// follow values, not statements, and need nothing.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0012SearchOnTextChangeSqlite = R"sql(
DROP TRIGGER project_search_on_update;
CREATE TRIGGER project_search_on_update AFTER UPDATE OF name, code_name, national_code ON projects
WHEN OLD.name IS NOT NEW.name OR OLD.code_name IS NOT NEW.code_name OR OLD.national_code IS NOT NEW.national_code
BEGIN
    UPDATE project_search SET name = NEW.name, code_name = NEW.code_name, national_code = NEW.national_code
    WHERE rowid = NEW.id;
END;
)sql";

}  // namespace sanpi::store::migrations
