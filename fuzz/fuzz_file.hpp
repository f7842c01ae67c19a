#pragma once
// What the fuzz targets share: a scratch file per process, small limits, and a read of every
// sheet that checks what the readers promise.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sheet/sheet_reader.hpp"

namespace sanpi::fuzz {

// A directory in memory for scratch databases: /dev/shm when there is one, else /tmp.
std::string memory_dir();

// A path in the temporary directory, unique to this process.
const std::string& scratch_path(const char* suffix);
void write_scratch(const std::string& path, const std::uint8_t* data, std::size_t size);

// Limits small enough that every limit is reachable by a fuzzer's inputs.
sheet::Limits small_limits();

// Reads every sheet; aborts when a row breaks the interface's promises (row numbers ascending,
// cells non-empty and in column order, within the limits).
void read_everything(sheet::SheetReader& reader, const sheet::Limits& limits);

}  // namespace sanpi::fuzz
