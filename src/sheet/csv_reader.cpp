// open_csv: the encoding is decided at open (one streaming pass); each read_rows streams the file
// again, decides the delimiter from the first non-empty record and hands out its records as rows.
#include <filesystem>

#include "sheet/csv_records.hpp"
#include "sheet/csv_text.hpp"
#include "sheet/read_guard.hpp"

namespace sanpi::sheet {

namespace {

class CsvReader final : public SheetReader {
public:
    CsvReader(std::string path, TextEncoding encoding, const Limits& limits)
        : path_(std::move(path)), encoding_(encoding), limits_(limits) {
        sheets_.push_back({std::filesystem::path(path_).filename().string(), {}});
    }

    const std::vector<SheetInfo>& sheets() const override { return sheets_; }
    bool date1904() const override { return false; }

    Result<void> read_rows(std::size_t index, const std::function<Result<void>(const Row&)>& on_row) override {
        return guard_read([&]() -> Result<void> {
            if (index != 0) {
                return file_error("CSV 文件只有一个工作表", "a CSV file has only one sheet");
            }
            auto source = TextSource::open(path_, encoding_);
            if (!source) return source.error();
            std::string head;
            auto delimiter = first_record(**source, head);
            if (!delimiter) return delimiter.error();
            CsvRecords records(*delimiter, limits_, on_row);
            if (auto fed = records.feed(head); !fed) return fed;
            for (;;) {
                auto text = (*source)->next(records.line());
                if (!text) return text.error();
                if (text->empty()) return records.finish();
                if (auto fed = records.feed(*text); !fed) return fed;
            }
        });
    }

private:
    // Reads until the first non-empty record has ended (or the text, or the record's allowance,
    // has), keeping what was read in `head`, and decides the delimiter from it.
    Result<char> first_record(TextSource& source, std::string& head) const {
        char delimiter = ',';
        for (;;) {
            auto text = source.next(1);
            if (!text) return text.error();
            head.append(*text);
            bool complete = false;
            delimiter = sniff_delimiter(head, complete);
            if (complete || text->empty() || head.size() > limits_.max_line_bytes) return delimiter;
        }
    }

    std::string path_;
    TextEncoding encoding_;
    Limits limits_;
    std::vector<SheetInfo> sheets_;
};

Result<std::unique_ptr<SheetReader>> open_text(const std::string& path, const Limits& limits) {
    auto encoding = detect_encoding(path, limits);
    if (!encoding) return encoding.error();
    return std::unique_ptr<SheetReader>(new CsvReader(path, *encoding, limits));
}

}  // namespace

Result<std::unique_ptr<SheetReader>> open_csv(const std::string& path, const Limits& limits) {
    return guard_read([&] { return open_text(path, limits); });
}

}  // namespace sanpi::sheet
