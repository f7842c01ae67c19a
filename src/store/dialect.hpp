#pragma once
// The few spellings SQLite and PostgreSQL disagree on, as named tokens in otherwise shared SQL
// (migrations and queries alike). A backend expands them once, when it first prepares a text:
//   {{ID_PK}}     an auto-increment 64-bit primary key
//   {{BYTEWISE}}  after a text expression: compare byte by byte and fold ASCII only — COLLATE "C"
//                 on PostgreSQL, nothing on SQLite (whose default BINARY collation already does);
//                 so sorting and case-insensitive search agree on both backends whatever the locale
//   {{FOR_UPDATE}} at the end of a SELECT inside a write: lock the rows read until the transaction
//                 ends — " FOR UPDATE" on PostgreSQL, nothing on SQLite, whose write transactions
//                 (BEGIN IMMEDIATE) already hold the database's one write lock from their start
//   {{BYTES}}     a column of raw bytes — BLOB on SQLite, BYTEA on PostgreSQL (photos); bound with
//                 sql::Blob and read with Row::blob, and carried by dumps as \x and hex digits
//   {{RETURNING_ID}} at the end of an INSERT of one row whose new id is wanted (sql::returned_id):
//                 " RETURNING id" on PostgreSQL; nothing on SQLite, which gives the id from the
//                 connection, because its RETURNING fills a temporary table on every run
// Parameters are `?` everywhere; PostgreSQL's adapter numbers them ($1, $2 ...) itself.
#include <string>
#include <string_view>

namespace sanpi::store {

enum class Dialect { kSqlite, kPostgres };

// Replaces the dialect tokens. Throws std::invalid_argument on an unknown or unterminated token,
// which is a bug in the SQL.
std::string render_sql(std::string_view sql, Dialect dialect);

}  // namespace sanpi::store
