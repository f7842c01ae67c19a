#pragma once
// The portable backup format: a UTF-8 text file any backend can write and read, for PostgreSQL
// backups and for moving data between backends.
//
//   SANPI-DUMP 1
//   schema <N>
//   table <name> <column> <column> ...      every data table, in data_tables() order
//   <value>\t<value>\t...                   one line per row, fields escaped as in dump_escape.hpp
//   end <row count>
//   ...
//   checksum <hex BLAKE2b-256 of every byte above this line>
//
// A table has at least two columns, so every row line holds a tab and no directive line does:
// a value can never be mistaken for `end` or `table`. The checksum catches truncation and
// corruption; readers stream the file, so a restore fails at the end (and, importing in one
// transaction, writes nothing) when the checksum does not match.
#include <string>

#include "domain/error.hpp"
#include "store/dump.hpp"
#include "store/store.hpp"

namespace sanpi::store {

inline constexpr std::string_view kDumpMagic = "SANPI-DUMP";

// Writes every row of `store` (one snapshot) to a new file at `path`. Refuses to replace an
// existing file (kConflict, field "to"); the file appears under its name only when complete.
Result<void> write_dump(Store& store, const std::string& path);

// Streams the dump at `path` into `sink`, checking the header, the schema version (it must be
// this program's), table names and order, columns, escapes, row counts and the checksum. Any
// problem is kInvalidInput whose message names the line; errors from `sink` get the line too.
Result<void> read_dump(const std::string& path, RowSink& sink);

}  // namespace sanpi::store
