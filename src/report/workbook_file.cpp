#include "report/workbook_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace sanpi::report {

Result<std::string> temporary_file() {
    std::error_code ec;
    auto pattern = (std::filesystem::temp_directory_path(ec) / "sanpi-table-XXXXXX").string();
    if (ec) pattern = "/tmp/sanpi-table-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Error::internal("无法创建临时文件", "could not create a temporary file");
    ::close(fd);
    return pattern;
}

Result<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::internal("无法读回生成的电子表格", "could not read the workbook back");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void remove_file(const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

}  // namespace sanpi::report
