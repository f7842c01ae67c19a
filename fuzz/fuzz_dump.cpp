// libFuzzer: bytes as the dump file `sanpi restore` reads (src/store/dump_reader.cpp). The first
// byte's bits choose how:
//   bit 0: append the right checksum line, so inputs get past the BLAKE2b check a fuzzer could
//          never forge and reach the reader's end;
//   bit 1: restore into a real SQLite store (the ImportSink `sanpi restore` uses, migrated once per
//          process), rolled back at the end so the store stays empty for the next input; otherwise
//          into a sink that checks what the reader promises (each row as wide as its table's
//          columns, tables begun and ended in turn) and that each row's fields survive the
//          writer's escaping.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_file.hpp"
#include "store/checksum.hpp"
#include "store/dump_escape.hpp"
#include "store/dump_file.hpp"
#include "store/open_store.hpp"

namespace {

using namespace sanpi;

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_dump: %s\n", what);
    std::abort();
}

class CheckingSink final : public store::RowSink {
public:
    Result<void> begin_table(std::string_view, const std::vector<std::string>& columns) override {
        if (in_table_) fail("begin_table inside a table");
        if (columns.size() < 2) fail("a table with fewer than two columns");
        in_table_ = true;
        width_ = columns.size();
        return {};
    }
    Result<void> row(const std::vector<store::DumpValue>& values) override {
        if (!in_table_) fail("a row outside a table");
        if (values.size() != width_) fail("a row of the wrong width");
        std::string line;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) line += '\t';
            store::append_field(line, values[i]);
        }
        std::vector<store::DumpValue> back;
        if (!store::parse_fields(line, back) || back != values) fail("fields do not survive escaping");
        return {};
    }
    Result<void> end_table() override {
        if (!in_table_) fail("end_table outside a table");
        in_table_ = false;
        return {};
    }

private:
    bool in_table_ = false;
    std::size_t width_ = 0;
};

store::Store& sqlite_store() {
    // In memory (tmpfs): each restore leaves WAL mode and rolls back, and on a disk the syncs of
    // those made the target a hundred times slower.
    static const std::string path = fuzz::memory_dir() + "/sanpi-fuzz-dump-" + std::to_string(getpid()) + ".db";
    static std::unique_ptr<store::Store> db = [] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
        auto opened = store::open_store("sqlite:" + path, 1);
        if (!opened || !(*opened)->migrate()) fail("cannot open and migrate the scratch store");
        std::atexit([] {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
        });
        return std::move(*opened);
    }();
    return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string file(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] & 1) {
        if (!file.empty() && file.back() != '\n') file += '\n';
        store::Blake2b hash;
        hash.update(file);
        file += "checksum " + hash.hex_digest() + "\n";
    }
    const auto& path = fuzz::scratch_path(".dump");
    fuzz::write_scratch(path, reinterpret_cast<const std::uint8_t*>(file.data()), file.size());
    if (data[0] & 2) {
        auto restored = sqlite_store().import_data([&](store::RowSink& sink) -> Result<void> {
            auto read = store::read_dump(path, sink);
            if (!read) return read;
            return Error::conflict("回滚", "roll back: the next input needs an empty store");
        });
        // Errors of the data (a constraint, a foreign key) are the file's fault and fine here.
        if (restored) fail("a restore was not rolled back");
    } else {
        CheckingSink sink;
        (void)store::read_dump(path, sink);
    }
    return 0;
}
