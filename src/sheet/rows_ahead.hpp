#pragma once
// A sheet's rows read on a second thread, a batch ahead of the caller: interpreting a row (the
// importers) and reading the next ones (expat, or the CSV parser) overlap instead of taking
// turns. The rows are the reader's own (copied into batches the two threads pass back and forth),
// delivered in order on the calling thread.
#include <cstddef>
#include <functional>

#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet {

inline constexpr std::size_t kRowsPerBatch = 256;
inline constexpr std::size_t kBatchesAhead = 4;

// SheetReader::read_rows, with the reading on another thread: the same rows in the same order,
// the sheet's merged ranges filled before the first, an error from on_row stops the read and is
// returned, and a reader's error comes after every row before it. Without a thread to be had,
// the rows are read in turn.
Result<void> read_rows_ahead(SheetReader& reader, std::size_t index,
                             const std::function<Result<void>(const Row&)>& on_row);

}  // namespace sanpi::sheet
