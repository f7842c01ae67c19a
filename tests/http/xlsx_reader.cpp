#include "xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

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

std::string fill_xlsx(const std::string& bytes, const boost::json::array& rows, int first_row) {
    TempFile in, out;
    std::ofstream(in.path, std::ios::binary) << bytes;
    std::string script = SANPI_XLSX_READ;
    script.replace(script.rfind("xlsx_read.py"), std::string("xlsx_read.py").size(), "xlsx_fill.py");
    const std::string command = std::string(SANPI_PYTHON) + " " + script + " " + in.path + " " + out.path + " " +
                                std::to_string(first_row);
    FILE* pipe = ::popen(command.c_str(), "w");
    if (pipe == nullptr) {
        ADD_FAILURE() << "cannot run " << command;
        return {};
    }
    const auto json = boost::json::serialize(rows);
    std::fwrite(json.data(), 1, json.size(), pipe);
    if (const int status = ::pclose(pipe); status != 0) {
        ADD_FAILURE() << command << " exited with " << status;
        return {};
    }
    std::ifstream filled(out.path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(filled)), std::istreambuf_iterator<char>());
}

boost::json::array table_data_rows(const boost::json::object& book) {
    boost::json::array out;
    if (!book.contains("rows")) return out;
    const auto& rows = book.at("rows").as_array();
    for (std::size_t i = kTableHeadingRows; i + 1 < rows.size(); ++i) out.push_back(rows[i]);
    return out;
}

const boost::json::array& table_total_row(const boost::json::object& book) {
    return book.at("rows").as_array().back().as_array();
}

std::set<std::string> merged_ranges(const boost::json::object& book) {
    std::set<std::string> out;
    for (const auto& m : book.at("merged").as_array()) out.insert(std::string(m.as_string()));
    return out;
}

std::string cell_text(const boost::json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

std::string cell_date(const boost::json::value& v) {
    return v.is_object() && v.as_object().contains("date") ? std::string(v.at("date").as_string()) : "";
}

domain::Money cell_amount(const boost::json::value& v, domain::MoneyUnit unit) {
    if (!v.is_number()) {
        ADD_FAILURE() << "not a number: " << boost::json::serialize(v);
        return {};
    }
    char digits[64];
    const auto end = std::to_chars(digits, digits + sizeof digits, v.to_number<double>()).ptr;
    // Read exactly as a decimal, not through Money::parse: a 合计 may pass the cap on one amount.
    const std::string_view text(digits, static_cast<std::size_t>(end - digits));
    const int fen_digits = unit == domain::MoneyUnit::kYi ? 10 : unit == domain::MoneyUnit::kWan ? 6 : 2;
    const auto point = text.find('.');
    const std::string whole(text.substr(0, point));
    std::string fraction(point == std::string_view::npos ? "" : text.substr(point + 1));
    const bool plain = !whole.empty() && whole.find_first_not_of("0123456789") == std::string::npos &&
                       fraction.find_first_not_of("0123456789") == std::string::npos &&
                       fraction.size() <= static_cast<std::size_t>(fen_digits);
    if (!plain) {
        ADD_FAILURE() << "not an amount: " << text;
        return {};
    }
    fraction.append(static_cast<std::size_t>(fen_digits) - fraction.size(), '0');
    domain::WideFen fen = 0;
    for (const char c : whole + fraction) fen = fen * 10 + (c - '0');
    return domain::Money::from_yi_and_fen(static_cast<std::int64_t>(fen / domain::Money::kFenPerYi),
                                          static_cast<std::int64_t>(fen % domain::Money::kFenPerYi));
}

}  // namespace sanpi::testing
