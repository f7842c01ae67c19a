#pragma once
// Migration 10: two-character text (光伏, 太原: most Chinese words) searched through an index.
// A trigram index cannot hold a two-character string, so such searches scanned every project.
// - SQLite: the search table is rebuilt with the bigram tokenizer (store/sqlite/bigram_tokenizer.hpp),
//   whose phrases match any text of two characters or more; m0007's triggers keep filling it.
// - PostgreSQL: GIN indexes over the set of character pairs of the same expressions m0007 indexes
//   by trigrams; two-character text looks its pair up there, longer text keeps the trigrams.
// Both only narrow the candidates; the list still applies its exact LIKE terms.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0010BigramSearchSqlite = R"sql(
DROP TABLE project_search;
CREATE VIRTUAL TABLE project_search USING fts5(name, code_name, national_code, investors, tokenize = 'sanpi_bigram');
INSERT INTO project_search (rowid, name, code_name, national_code, investors)
SELECT p.id, p.name, p.code_name, p.national_code,
       (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
        WHERE pi.project_id = p.id)
FROM projects p;
)sql";

// The pairs of a text as the list compares it (ASCII letters folded, as lower(... COLLATE "C")).
inline constexpr std::string_view kM0010BigramSearchPostgres = R"sql(
CREATE FUNCTION sanpi_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t COLLATE "C"), i, 2)), '{}')
    FROM generate_series(1, char_length(t) - 1) AS i
$$;
CREATE INDEX projects_name_bigrams ON projects USING gin (sanpi_bigrams(name));
CREATE INDEX projects_code_name_bigrams ON projects USING gin (sanpi_bigrams(code_name));
CREATE INDEX projects_national_code_bigrams ON projects USING gin (sanpi_bigrams(national_code));
CREATE INDEX enterprises_name_bigrams ON enterprises USING gin (sanpi_bigrams(name));
)sql";

}  // namespace sanpi::store::migrations
