#include "sheet/xlsx_merges.hpp"

#include <cstring>

#include "sheet/xml_stream.hpp"

namespace sanpi::sheet {

namespace {

constexpr std::size_t kMaxMerges = 1u << 20;
constexpr std::size_t kCarryBytes = 64;  // enough for "</" + a short prefix + "sheetData" + ">"
constexpr std::string_view kSheetData = "sheetData";

class MergeSink : public XmlSink {
public:
    MergeSink(std::vector<MergedRange>& merges, std::string_view sheet, const Limits& limits)
        : merges_(merges), sheet_(sheet), limits_(limits) {}

    void on_start(std::string_view local, const char** attributes) override {
        if (local != "mergeCell") return;
        const char* ref = find_attribute(attributes, "ref");
        const auto range = ref != nullptr ? parse_range(ref) : std::nullopt;
        const auto place = sheet_place(sheet_);
        if (!range || range->last_row > limits_.max_rows || range->last_column >= limits_.max_columns) {
            const std::string text = ref != nullptr ? std::string(ref).substr(0, 40) : std::string();
            return fail(file_error(place.zh + "的合并单元格范围「" + text + "」无效",
                                   place.en + " has an invalid merged range \"" + text + "\""));
        }
        if (merges_.size() >= kMaxMerges) {
            return fail(file_error(place.zh + "的合并单元格过多", place.en + " has too many merged ranges"));
        }
        merges_.push_back(*range);
    }
    void on_end(std::string_view local) override {
        if (local == "mergeCells") stop();
    }

private:
    std::vector<MergedRange>& merges_;
    std::string_view sheet_;
    const Limits& limits_;
};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// The root element's name as written ("worksheet", "x:worksheet"), from the part's first bytes.
std::string root_name(std::string_view head) {
    for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
        if (at + 1 < head.size() && (head[at + 1] == '?' || head[at + 1] == '!')) continue;
        std::size_t end = at + 1;
        while (end < head.size() && (is_name_char(head[end]) || head[end] == ':')) ++end;
        return std::string(head.substr(at + 1, end - at - 1));
    }
    return {};
}

// Where the content after sheetData begins in `window`: just past "</x:sheetData>" or a
// self-closing "<sheetData/>". npos when not (yet) seen; `keep` says from where the window must be
// kept for the next chunk.
std::size_t after_sheet_data(std::string_view window, std::size_t& keep) {
    std::size_t from = 0;
    for (;;) {
        const void* hit = memmem(window.data() + from, window.size() - from, kSheetData.data(), kSheetData.size());
        if (hit == nullptr) {
            keep = window.size() > kCarryBytes ? window.size() - kCarryBytes : 0;
            return std::string_view::npos;
        }
        const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - window.data());
        const auto lt = window.rfind('<', at);
        const auto gt = window.find('>', at);
        if (gt == std::string_view::npos) {  // the tag continues in the next chunk
            keep = lt != std::string_view::npos && at - lt < kCarryBytes ? lt : at;
            return std::string_view::npos;
        }
        if (lt != std::string_view::npos && at - lt < kCarryBytes) {
            const bool closing = window[lt + 1] == '/';
            const bool self_closing = window[gt - 1] == '/';
            if (closing || self_closing) return gt + 1;
        }
        from = at + kSheetData.size();
    }
}

}  // namespace

std::optional<MergedRange> parse_range(std::string_view ref) {
    const auto colon = ref.find(':');
    const auto first = parse_cell_ref(ref.substr(0, colon));
    const auto last = colon == std::string_view::npos ? first : parse_cell_ref(ref.substr(colon + 1));
    if (!first || !last || first->row == 0 || last->row == 0) return std::nullopt;
    if (first->row > last->row || first->column > last->column) return std::nullopt;
    return MergedRange{first->row, last->row, first->column, last->column};
}

Result<std::vector<MergedRange>> read_merges(ZipArchive& archive, std::string_view part, std::string_view sheet,
                                             const Limits& limits) {
    std::vector<MergedRange> merges;
    auto opened = archive.open_part(part);
    if (!opened) return opened.error();
    std::vector<char> buffer(kCarryBytes * 2 + kChunkBytes);
    std::size_t held = 0;
    std::string root;
    for (;;) {
        auto got = opened->read(buffer.data() + held, kChunkBytes);
        if (!got) return got.error();
        if (*got == 0) return merges;  // no end of sheetData: no merged ranges
        const std::string_view window(buffer.data(), held + *got);
        if (root.empty()) root = root_name(window);
        std::size_t keep = 0;
        const auto tail = after_sheet_data(window, keep);
        if (tail != std::string_view::npos) {
            MergeSink sink(merges, sheet, limits);
            XmlStream stream(sink, sheet_place(sheet));
            const std::string open = "<" + (root.empty() ? std::string("worksheet") : root) + ">";
            if (auto fed = stream.feed(open.data(), open.size(), false); !fed) return fed.error();
            if (auto fed = stream.feed(window.data() + tail, window.size() - tail, false); !fed) return fed.error();
            while (!sink.halted()) {
                auto more = opened->read(buffer.data(), kChunkBytes);
                if (!more) return more.error();
                if (auto fed = stream.feed(buffer.data(), *more, *more == 0); !fed) return fed.error();
                if (*more == 0) break;
            }
            return merges;
        }
        held = window.size() - keep;
        std::memmove(buffer.data(), buffer.data() + keep, held);
        if (held > kCarryBytes * 2) held = 0;  // a tag name far too long to be sheetData's
    }
}

}  // namespace sanpi::sheet
