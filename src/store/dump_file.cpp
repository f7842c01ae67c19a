// The dump writer; the reader is in dump_reader.cpp.
#include "store/dump_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "store/checksum.hpp"
#include "store/dump_escape.hpp"
#include "store/internal_log.hpp"
#include "store/new_file.hpp"

namespace sanpi::store {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Error cannot_write(const std::string& path) {
    log_internal("writing " + path + " failed: " + std::strerror(errno));
    Error e = Error::unavailable("无法写入备份文件：" + path, "cannot write the backup file " + path);
    e.fields.push_back(FieldError{"to", {"无法写入", "cannot be written"}});
    return e;
}

// Column names travel space-separated on the `table` line, so they must be plain identifiers.
bool is_identifier(std::string_view name) {
    if (name.empty()) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

class DumpWriter final : public RowSink {
public:
    DumpWriter(File file, std::string path) : file_(std::move(file)), path_(std::move(path)) {}

    Result<void> header(int schema) {
        return emit(std::string(kDumpMagic) + " 1\nschema " + std::to_string(schema) + "\n");
    }

    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override {
        // Cannot happen with this schema; refusing keeps the format's no-ambiguity promise.
        if (columns.size() < 2) return Error::internal("表的列过少", "a dumped table needs two or more columns");
        std::string line = "table " + std::string(table);
        for (const auto& c : columns) {
            if (!is_identifier(c)) return Error::internal("列名无效：" + c, "column name not dumpable: " + c);
            line += " " + c;
        }
        columns_ = columns.size();
        rows_ = 0;
        return emit(line + "\n");
    }

    Result<void> row(const std::vector<DumpValue>& values) override {
        if (values.size() != columns_) return Error::internal("列数不符", "row does not match its columns");
        line_.clear();
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) line_.push_back('\t');
            append_field(line_, values[i]);
        }
        line_.push_back('\n');
        ++rows_;
        return emit(line_);
    }

    Result<void> end_table() override { return emit("end " + std::to_string(rows_) + "\n"); }

    // Appends the checksum line and makes the bytes durable before the file gets its name.
    Result<void> finish() {
        const std::string last = "checksum " + hash_.hex_digest() + "\n";
        if (std::fwrite(last.data(), 1, last.size(), file_.get()) != last.size()) return cannot_write(path_);
        if (std::fflush(file_.get()) != 0 || ::fsync(::fileno(file_.get())) != 0) return cannot_write(path_);
        if (std::fclose(file_.release()) != 0) return cannot_write(path_);
        return {};
    }

private:
    Result<void> emit(std::string_view bytes) {
        hash_.update(bytes);
        if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size()) return cannot_write(path_);
        return {};
    }

    File file_;
    std::string path_;
    Blake2b hash_;
    std::string line_;
    std::size_t columns_ = 0;
    std::int64_t rows_ = 0;
};

Result<void> write_all(Store& store, DumpWriter& writer) {
    auto version = store.schema_version();
    if (!version) return version.error();
    if (auto h = writer.header(*version); !h) return h;
    if (auto exported = store.export_data(writer); !exported) return exported;
    return writer.finish();
}

}  // namespace

Result<void> write_dump(Store& store, const std::string& path) {
    if (auto free = refuse_existing(path); !free) return free;
    const std::string temp = temp_path_for(path);
    File file(std::fopen(temp.c_str(), "wx"));  // "x": never write into a file someone else made
    if (!file) return cannot_write(path);
    auto written = [&] {
        DumpWriter writer(std::move(file), path);
        return write_all(store, writer);
    }();
    if (!written) {
        remove_temp(temp);
        return written;
    }
    return publish_new_file(temp, path);
}

}  // namespace sanpi::store
