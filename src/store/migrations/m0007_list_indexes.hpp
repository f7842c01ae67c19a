#pragma once
// Migration 7: the project list at national scale.
// - projects.city_code: the city of the project's zone (first four digits of its region and "00"),
//   so a city filter is an equality an index can serve instead of a LIKE through zones. Triggers
//   keep it right on every write whatever writes (the store, imports, copies): a project inserted
//   or moved to another zone, a zone given another region.
// - Composite indexes: each selective filter (city, zone) with the list's sorts, the coarse
//   filters (stage, status, industry) with the default sort, and each sort alone. planned_start
//   sorts with nulls last in both directions, hence one index per direction.
// - Text search served by an index: SQLite keeps an FTS5 trigram table (project_search, rowid =
//   project id) over the fields the list searches, filled by triggers; PostgreSQL has pg_trgm GIN
//   indexes over the very expressions the search compares. Both only narrow the candidates; the
//   list still applies its exact LIKE terms (project_list_query.cpp).
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0007ListIndexes = R"sql(
ALTER TABLE projects ADD COLUMN city_code TEXT;
UPDATE projects SET city_code = (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = projects.zone_id);

DROP INDEX projects_zone_id;
DROP INDEX projects_industry_code;
DROP INDEX projects_stage;
DROP INDEX projects_status;
CREATE INDEX projects_zone_id ON projects (zone_id, id);
CREATE INDEX projects_industry_code ON projects (industry_code, id);
CREATE INDEX projects_stage ON projects (stage, id);
CREATE INDEX projects_status ON projects (status, id);

CREATE INDEX projects_city_id ON projects (city_code, id);
CREATE INDEX projects_city_code ON projects (city_code, code{{BYTEWISE}}, id);
CREATE INDEX projects_city_name ON projects (city_code, name{{BYTEWISE}}, id);
CREATE INDEX projects_city_investment ON projects (city_code, total_investment_fen, id);
CREATE INDEX projects_city_start_asc ON projects (city_code, (planned_start IS NULL), planned_start{{BYTEWISE}}, id);
CREATE INDEX projects_city_start_desc ON projects (city_code, (planned_start IS NOT NULL), planned_start{{BYTEWISE}}, id);

CREATE INDEX projects_name_id ON projects (name{{BYTEWISE}}, id);
CREATE INDEX projects_investment_id ON projects (total_investment_fen, id);
CREATE INDEX projects_start_asc ON projects ((planned_start IS NULL), planned_start{{BYTEWISE}}, id);
CREATE INDEX projects_start_desc ON projects ((planned_start IS NOT NULL), planned_start{{BYTEWISE}}, id);
)sql";

inline constexpr std::string_view kM0007ListIndexesSqlite = R"sql(
CREATE TRIGGER projects_city_on_insert AFTER INSERT ON projects BEGIN
    UPDATE projects SET city_code = (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = NEW.zone_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER projects_city_on_move AFTER UPDATE OF zone_id, city_code ON projects BEGIN
    UPDATE projects SET city_code = (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = NEW.zone_id)
    WHERE id = NEW.id AND city_code IS NOT (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = NEW.zone_id);
END;
CREATE TRIGGER zones_city_on_region AFTER UPDATE OF region_code ON zones BEGIN
    UPDATE projects SET city_code = substr(NEW.region_code, 1, 4) || '00' WHERE zone_id = NEW.id;
END;

CREATE VIRTUAL TABLE project_search USING fts5(name, code_name, national_code, investors, tokenize = 'trigram');
INSERT INTO project_search (rowid, name, code_name, national_code, investors)
SELECT p.id, p.name, p.code_name, p.national_code,
       (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
        WHERE pi.project_id = p.id)
FROM projects p;

CREATE TRIGGER project_search_on_insert AFTER INSERT ON projects BEGIN
    INSERT INTO project_search (rowid, name, code_name, national_code, investors)
    VALUES (NEW.id, NEW.name, NEW.code_name, NEW.national_code,
            (SELECT group_concat(e.name, char(10)) FROM project_investors pi
             JOIN enterprises e ON e.id = pi.enterprise_id WHERE pi.project_id = NEW.id));
END;
CREATE TRIGGER project_search_on_update AFTER UPDATE OF name, code_name, national_code ON projects BEGIN
    UPDATE project_search SET name = NEW.name, code_name = NEW.code_name, national_code = NEW.national_code
    WHERE rowid = NEW.id;
END;
CREATE TRIGGER project_search_on_delete AFTER DELETE ON projects BEGIN
    DELETE FROM project_search WHERE rowid = OLD.id;
END;
CREATE TRIGGER project_search_investor_added AFTER INSERT ON project_investors BEGIN
    UPDATE project_search SET investors =
        (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
         WHERE pi.project_id = NEW.project_id)
    WHERE rowid = NEW.project_id;
END;
CREATE TRIGGER project_search_investor_removed AFTER DELETE ON project_investors BEGIN
    UPDATE project_search SET investors =
        (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
         WHERE pi.project_id = OLD.project_id)
    WHERE rowid = OLD.project_id;
END;
CREATE TRIGGER project_search_investor_changed AFTER UPDATE ON project_investors BEGIN
    UPDATE project_search SET investors =
        (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
         WHERE pi.project_id = project_search.rowid)
    WHERE rowid IN (OLD.project_id, NEW.project_id);
END;
CREATE TRIGGER project_search_enterprise_renamed AFTER UPDATE OF name ON enterprises BEGIN
    UPDATE project_search SET investors =
        (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
         WHERE pi.project_id = project_search.rowid)
    WHERE rowid IN (SELECT project_id FROM project_investors WHERE enterprise_id = NEW.id);
END;
)sql";

// pg_trgm is installed once per database, in public when there is one (a schema of its own would
// be dropped with it), under a database-wide lock so servers migrating several schemas at once do
// not race. The operator class is named with the schema it lives in, so the indexes do not depend
// on search_path.
inline constexpr std::string_view kM0007ListIndexesPostgres = R"sql(
CREATE INDEX projects_code_bytewise ON projects (code COLLATE "C", id);

CREATE FUNCTION sanpi_project_city() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.city_code := (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = NEW.zone_id);
    RETURN NEW;
END $$;
CREATE TRIGGER projects_city BEFORE INSERT OR UPDATE OF zone_id, city_code ON projects
    FOR EACH ROW EXECUTE FUNCTION sanpi_project_city();
CREATE FUNCTION sanpi_zone_city() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE projects SET city_code = substr(NEW.region_code, 1, 4) || '00' WHERE zone_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER zones_city AFTER UPDATE OF region_code ON zones
    FOR EACH ROW EXECUTE FUNCTION sanpi_zone_city();

DO $$
DECLARE
    ext_schema text;
BEGIN
    PERFORM pg_advisory_xact_lock(1396788816, 7);
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN
            CREATE EXTENSION pg_trgm SCHEMA public;
        ELSE
            CREATE EXTENSION pg_trgm;
        END IF;
    END IF;
    SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX projects_name_trgm ON projects USING gin (lower(name COLLATE "C") %I.gin_trgm_ops)',
                   ext_schema);
    EXECUTE format('CREATE INDEX projects_code_name_trgm ON projects '
                   'USING gin (lower(code_name COLLATE "C") %I.gin_trgm_ops)', ext_schema);
    EXECUTE format('CREATE INDEX projects_national_code_trgm ON projects '
                   'USING gin (lower(national_code COLLATE "C") %I.gin_trgm_ops)', ext_schema);
    EXECUTE format('CREATE INDEX enterprises_name_trgm ON enterprises '
                   'USING gin (lower(name COLLATE "C") %I.gin_trgm_ops)', ext_schema);
END $$;
)sql";

}  // namespace sanpi::store::migrations
