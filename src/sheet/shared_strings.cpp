#include "sheet/shared_strings.hpp"

#include "sheet/ooxml_text.hpp"
#include "sheet/xml_stream.hpp"

namespace sanpi::sheet {

class SharedStringsSink : public XmlSink {
public:
    SharedStringsSink(SharedStrings& table, const Limits& limits) : table_(table), limits_(limits) {}

    void on_start(std::string_view local, const char**) override {
        if (local == "si") {
            in_item_ = true;
            item_start_ = table_.text_.size();
        } else if (local == "rPh") {
            ++phonetic_depth_;
        } else if (local == "t" && in_item_ && phonetic_depth_ == 0) {
            in_text_ = true;
        }
    }

    void on_end(std::string_view local) override {
        if (local == "t") {
            in_text_ = false;
        } else if (local == "rPh") {
            if (phonetic_depth_ > 0) --phonetic_depth_;
        } else if (local == "si" && in_item_) {
            in_item_ = false;
            finish_item();
        }
    }

    void on_text(const char* text, int length) override {
        if (!in_text_) return;
        const auto n = static_cast<std::size_t>(length);
        auto& buffer = table_.text_;
        if (buffer.size() - item_start_ + n > limits_.max_cell_bytes) {
            const std::string item = std::to_string(table_.ends_.size() + 1);
            return fail(file_error(
                "共享字符串第 " + item + " 项超过单元格长度上限（" + std::to_string(limits_.max_cell_bytes) + " 字节）",
                "shared string " + item + " is longer than the cell limit of " +
                    std::to_string(limits_.max_cell_bytes) + " bytes"));
        }
        if (!within_budget(n)) return fail(too_large());
        buffer.append(text, n);
    }

private:
    void finish_item() {
        auto& buffer = table_.text_;
        if (buffer.find("_x", item_start_) != std::string::npos) {
            std::string item = buffer.substr(item_start_);
            decode_ooxml_escapes(item);
            buffer.resize(item_start_);
            buffer += item;
        }
        if (!within_budget(sizeof(std::size_t))) return fail(too_large());
        table_.ends_.push_back(buffer.size());
    }

    bool within_budget(std::size_t more) const {
        const std::uint64_t used = table_.text_.size() + table_.ends_.size() * sizeof(std::size_t);
        return used + more <= limits_.max_shared_string_bytes;
    }

    Error too_large() const {
        return file_error("XLSX 文件的共享字符串表超过 " + size_text(limits_.max_shared_string_bytes, true) + " 的上限",
                          "the XLSX file's shared string table is larger than the limit of " +
                              size_text(limits_.max_shared_string_bytes, false));
    }

    SharedStrings& table_;
    const Limits& limits_;
    bool in_item_ = false;
    bool in_text_ = false;
    int phonetic_depth_ = 0;
    std::size_t item_start_ = 0;
};

Result<SharedStrings> read_shared_strings(ZipArchive& archive, std::string_view part, const Limits& limits) {
    SharedStrings table;
    if (part.empty() || !archive.locate(part)) return table;
    auto opened = archive.open_part(part);
    if (!opened) return opened.error();
    SharedStringsSink sink(table, limits);
    XmlStream stream(sink, part_place(part));
    if (auto parsed = stream.parse(*opened); !parsed) return parsed.error();
    return table;
}

}  // namespace sanpi::sheet
