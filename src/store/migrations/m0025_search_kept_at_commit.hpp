#pragma once
// Migration 25 (SQLite only): the project search index is brought up to date once per
// transaction, just before COMMIT, instead of by each statement that changes a searched text.
// FTS5 writes its pending changes to disk at every savepoint and statement transaction, so an
// index written from triggers grew a segment, and merged segments, per project written: an import
// of 100,000 rows spent most of its time there. The triggers now only note the project in
// project_search_stale; the store rewrites those projects' entries together
// (store/sqlite/project_search.hpp), and the list's search counts a noted project as a candidate
// until then (its exact LIKE terms still decide), so nothing depends on who wrote last.
// PostgreSQL's indexes follow values and need nothing.
// The project's city (m0007) comes with the inserted row (projects_sql.hpp); the insert trigger
// now corrects it only when it is wrong, instead of rewriting every new row and its six city
// indexes. PostgreSQL's BEFORE trigger sets it in the row already.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0025SearchKeptAtCommitSqlite = R"sql(
CREATE TABLE project_search_stale (project_id INTEGER PRIMARY KEY);

DROP TRIGGER projects_city_on_insert;
CREATE TRIGGER projects_city_on_insert AFTER INSERT ON projects
WHEN NEW.city_code IS NOT (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = NEW.zone_id)
BEGIN
    UPDATE projects SET city_code = (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = NEW.zone_id)
    WHERE id = NEW.id;
END;

DROP TRIGGER project_search_on_insert;
CREATE TRIGGER project_search_on_insert AFTER INSERT ON projects BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (NEW.id);
END;
DROP TRIGGER project_search_on_update;
CREATE TRIGGER project_search_on_update AFTER UPDATE OF name, code_name, national_code ON projects
WHEN OLD.name IS NOT NEW.name OR OLD.code_name IS NOT NEW.code_name OR OLD.national_code IS NOT NEW.national_code
BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (NEW.id);
END;
DROP TRIGGER project_search_on_delete;
CREATE TRIGGER project_search_on_delete AFTER DELETE ON projects BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (OLD.id);
END;
DROP TRIGGER project_search_investor_added;
CREATE TRIGGER project_search_investor_added AFTER INSERT ON project_investors BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (NEW.project_id);
END;
DROP TRIGGER project_search_investor_removed;
CREATE TRIGGER project_search_investor_removed AFTER DELETE ON project_investors BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (OLD.project_id);
END;
DROP TRIGGER project_search_investor_changed;
CREATE TRIGGER project_search_investor_changed AFTER UPDATE ON project_investors BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (OLD.project_id);
    INSERT OR IGNORE INTO project_search_stale (project_id) VALUES (NEW.project_id);
END;
DROP TRIGGER project_search_enterprise_renamed;
CREATE TRIGGER project_search_enterprise_renamed AFTER UPDATE OF name ON enterprises
WHEN OLD.name IS NOT NEW.name
BEGIN
    INSERT OR IGNORE INTO project_search_stale (project_id)
    SELECT project_id FROM project_investors WHERE enterprise_id = NEW.id;
END;
)sql";

}  // namespace sanpi::store::migrations
