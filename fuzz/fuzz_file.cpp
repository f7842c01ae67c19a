#include "fuzz_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>

namespace sanpi::fuzz {

namespace {
std::map<std::string, std::string>& scratch_paths() {
    static std::map<std::string, std::string> paths;
    return paths;
}
void remove_scratch_files() {
    for (const auto& [suffix, path] : scratch_paths()) std::remove(path.c_str());
}
}  // namespace

std::string memory_dir() {
    struct stat st {};
    return ::stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
}

const std::string& scratch_path(const char* suffix) {
    auto& path = scratch_paths()[suffix];
    if (path.empty()) {
        if (scratch_paths().size() == 1) std::atexit(remove_scratch_files);
        path = "/tmp/sanpi-fuzz-" + std::to_string(getpid()) + suffix;
    }
    return path;
}

void write_scratch(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
    std::fclose(file);
}

sheet::Limits small_limits() {
    sheet::Limits limits;
    limits.max_file_bytes = 1 << 20;
    limits.max_unpacked_bytes = 8 << 20;
    limits.max_rows = 1000;
    limits.max_columns = 64;
    limits.max_cell_bytes = 256;
    limits.max_line_bytes = 4096;
    limits.max_shared_string_bytes = 64 << 10;
    return limits;
}

void read_everything(sheet::SheetReader& reader, const sheet::Limits& limits) {
    for (std::size_t i = 0; i < reader.sheets().size(); ++i) {
        std::int64_t last_row = 0;
        (void)reader.read_rows(i, [&](const sheet::Row& row) -> Result<void> {
            if (row.number <= last_row || row.number > limits.max_rows || row.cells.empty()) std::abort();
            last_row = row.number;
            int last_column = -1;
            for (const auto& cell : row.cells) {
                if (cell.column <= last_column || cell.column >= limits.max_columns || cell.text.empty() ||
                    cell.text.size() > limits.max_cell_bytes) {
                    std::abort();
                }
                last_column = cell.column;
                if (cell.date_style) (void)sheet::date_from_serial(cell.text, reader.date1904());
            }
            return {};
        });
    }
}

}  // namespace sanpi::fuzz
