#include "xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sanpi::testing {

namespace {

struct TempFile {
    std::string path;
    TempFile() {
        // openpyxl goes by the name's extension.
        path = (std::filesystem::temp_directory_path() / "sanpi-xlsx-test-XXXXXX.xlsx").string();
        const int fd = ::mkstemps(path.data(), 5);
        if (fd >= 0) ::close(fd);
    }
    ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

boost::json::object read_xlsx(const std::string& bytes) {
    TempFile file;
    std::ofstream(file.path, std::ios::binary) << bytes;
    const std::string command = std::string(SANPI_PYTHON) + " " + SANPI_XLSX_READ + " " + file.path;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        ADD_FAILURE() << "cannot run " << command;
        return {};
    }
    std::string out;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    const int status = ::pclose(pipe);
    if (status != 0) {
        ADD_FAILURE() << command << " exited with " << status << ": " << out.substr(0, 500);
        return {};
    }
    boost::system::error_code ec;
    auto value = boost::json::parse(out, ec);
    if (ec || !value.is_object()) {
        ADD_FAILURE() << "xlsx_read.py printed no JSON object: " << out.substr(0, 500);
        return {};
    }
    return value.as_object();
}

}  // namespace sanpi::testing
