// libFuzzer: any bytes as an uploaded file, sniffed and read as XLSX (or refused).
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sanpi;
    const auto& path = fuzz::scratch_path(".xlsx");
    fuzz::write_scratch(path, data, size);
    const auto limits = fuzz::small_limits();
    auto reader = sheet::open_sheet(path, limits);
    if (reader) fuzz::read_everything(**reader, limits);
    return 0;
}
