// The dump reader: streams a dump file into a RowSink, line by line, trusting nothing in it.
#include <algorithm>
#include <charconv>
#include <fstream>

#include "store/checksum.hpp"
#include "store/dump_escape.hpp"
#include "store/dump_file.hpp"
#include "store/migrations.hpp"

namespace sanpi::store {
namespace {

Error bad(std::string zh, std::string en) { return Error::invalid_field("from", std::move(zh), std::move(en)); }

// Puts the line number in front of what went wrong, keeping the error's code and fields.
Error at_line(std::int64_t line, Error e) {
    const Text detail = e.fields.empty() ? e.message : e.fields.front().message;
    const std::string n = std::to_string(line);
    e.message = {"备份文件第 " + n + " 行：" + detail.zh, "dump file line " + n + ": " + detail.en};
    return e;
}

std::vector<std::string_view> split_spaces(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start <= line.size()) {
        const auto space = std::min(line.find(' ', start), line.size());
        words.push_back(line.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

// A whole non-negative decimal number, nothing before or after it.
std::optional<std::int64_t> parse_count(std::string_view text) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || n < 0) return std::nullopt;
    return n;
}

class DumpReader {
public:
    DumpReader(std::istream& in, RowSink& sink) : in_(in), sink_(sink) {}

    Result<void> run() {
        if (auto r = read_header(); !r) return at_line(line_no_, r.error());
        while (next_line()) {
            if (line_.starts_with("checksum ")) return finish();
            hash_.update(line_);
            hash_.update("\n");
            if (auto r = read_table(); !r) return at_line(line_no_, r.error());
        }
        return at_line(line_no_, truncated());
    }

private:
    // Reads the next line; false at the end of the file, and for a last line without its newline,
    // which the writer never leaves: both are reported as truncation by the caller.
    bool next_line() {
        if (!std::getline(in_, line_)) return false;
        ++line_no_;
        return !in_.eof();
    }

    Error truncated() const {
        return bad("文件不完整（缺少末尾的校验行），可能被截断",
                   "the file is incomplete (no checksum line at the end)");
    }

    Result<void> read_header() {
        if (!next_line() || line_ != std::string(kDumpMagic) + " 1") {
            return bad("不是 Sanpi 备份文件（首行应为 SANPI-DUMP 1）",
                       "not a Sanpi dump (first line must be SANPI-DUMP 1)");
        }
        hash_.update(line_ + "\n");
        const int expected = all_migrations().back().number;
        if (!next_line() || !line_.starts_with("schema ")) return bad("缺少 schema 行", "missing the schema line");
        hash_.update(line_ + "\n");
        const auto version = parse_count(std::string_view(line_).substr(7));
        if (!version || *version != expected) {
            return bad(
                "备份的数据库结构版本为 " + line_.substr(7) + "，本程序为 " + std::to_string(expected),
                "the dump is schema version " + line_.substr(7) + ", this program's is " + std::to_string(expected));
        }
        return {};
    }

    Result<void> check_table_name(std::string_view name) {
        const auto tables = data_tables();
        const std::string shown(name);
        if (std::find(tables.begin(), tables.end(), name) == tables.end()) {
            return bad("未知的表：" + shown, "unknown table: " + shown);
        }
        if (next_table_ >= tables.size() || tables[next_table_] != name) {
            return bad("表 " + shown + " 的位置不对（重复或顺序错误）",
                       "table " + shown + " is repeated or out of order");
        }
        ++next_table_;
        return {};
    }

    Result<void> begin_table() {
        auto words = split_spaces(line_);
        if (words.size() < 4 || words[0] != "table") return bad("应为 table 行", "expected a `table` line");
        if (auto ok = check_table_name(words[1]); !ok) return ok;
        columns_.assign(words.begin() + 2, words.end());
        auto sorted = columns_;
        std::sort(sorted.begin(), sorted.end());
        if (sorted.front().empty() || std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
            return bad("列名为空或重复", "a column name is empty or repeated");
        }
        return sink_.begin_table(words[1], columns_);
    }

    // One `table` line, its rows and its `end` line.
    Result<void> read_table() {
        if (auto r = begin_table(); !r) return r;
        std::int64_t rows = 0;
        while (next_line()) {
            hash_.update(line_);
            hash_.update("\n");
            if (line_.find('\t') == std::string::npos) return end_table(rows);
            if (auto r = parse_fields(line_, fields_); !r) return r;
            if (fields_.size() != columns_.size()) {
                return bad("该行有 " + std::to_string(fields_.size()) + " 个值，表有 " +
                               std::to_string(columns_.size()) + " 列",
                           "the row has " + std::to_string(fields_.size()) + " values for " +
                               std::to_string(columns_.size()) + " columns");
            }
            if (auto r = sink_.row(fields_); !r) return r;
            ++rows;
        }
        return truncated();
    }

    Result<void> end_table(std::int64_t rows) {
        if (!line_.starts_with("end ")) return bad("应为一行数据或 end 行", "expected a row or an `end` line");
        const auto count = parse_count(std::string_view(line_).substr(4));
        if (!count || *count != rows) {
            return bad("end 行的行数与实际 " + std::to_string(rows) + " 行不符",
                       "the `end` line's count does not match the " + std::to_string(rows) + " rows read");
        }
        return sink_.end_table();
    }

    Result<void> finish() {
        if (next_table_ != data_tables().size()) {
            const std::string missing(data_tables()[next_table_]);
            return at_line(line_no_, bad("缺少表 " + missing, "table " + missing + " is missing"));
        }
        if (line_.substr(9) != hash_.hex_digest()) {
            return at_line(line_no_,
                           bad("校验和不符：文件已损坏或被修改", "checksum mismatch: the file is damaged or altered"));
        }
        std::string extra;
        if (std::getline(in_, extra) || !extra.empty()) {
            return at_line(line_no_ + 1, bad("校验行之后还有内容", "text after the checksum line"));
        }
        return {};
    }

    std::istream& in_;
    RowSink& sink_;
    Blake2b hash_;
    std::string line_;
    std::int64_t line_no_ = 0;
    std::size_t next_table_ = 0;
    std::vector<std::string> columns_;
    std::vector<DumpValue> fields_;
};

}  // namespace

Result<void> read_dump(const std::string& path, RowSink& sink) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return bad("无法读取文件：" + path, "cannot read the file " + path);
    return DumpReader(in, sink).run();
}

}  // namespace sanpi::store
