// libFuzzer: any bytes as a CSV file.
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sanpi;
    const auto& path = fuzz::scratch_path(".csv");
    fuzz::write_scratch(path, data, size);
    const auto limits = fuzz::small_limits();
    auto reader = sheet::open_csv(path, limits);
    if (reader) fuzz::read_everything(**reader, limits);
    return 0;
}
