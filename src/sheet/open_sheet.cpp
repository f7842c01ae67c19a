// open_sheet: what the first bytes say the file is, whatever its name.
#include <array>
#include <cstdio>
#include <cstring>

#include "sheet/read_guard.hpp"
#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet {

namespace {

constexpr std::size_t kSniffBytes = 4096;
constexpr std::array<unsigned char, 8> kOle2Magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

enum class Content { kZip, kOle2, kUtf16, kBinary, kText };

bool starts_with(const std::string& head, std::string_view magic) { return head.compare(0, magic.size(), magic) == 0; }

// Text has no NUL bytes and few control characters other than tab, line breaks and form feed.
bool looks_binary(const std::string& head) {
    std::size_t controls = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) ++controls;
    }
    return controls * 20 > head.size();  // more than 5 %
}

Content sniff(const std::string& head) {
    if (starts_with(head, "PK\x03\x04") || starts_with(head, "PK\x05\x06")) return Content::kZip;
    if (head.size() >= kOle2Magic.size() && std::memcmp(head.data(), kOle2Magic.data(), kOle2Magic.size()) == 0)
        return Content::kOle2;
    if (starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF")) return Content::kUtf16;
    for (const std::string_view magic :
         {"%PDF-", "\x89PNG", "\xFF\xD8\xFF", "GIF8", "\x1F\x8B", "Rar!", "7z\xBC\xAF"}) {
        if (starts_with(head, magic)) return Content::kBinary;
    }
    return looks_binary(head) ? Content::kBinary : Content::kText;
}

Result<std::unique_ptr<SheetReader>> open_sniffed(const std::string& path, const Limits& limits) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return file_error("无法读取文件", "the file cannot be read");
    std::string head(kSniffBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), file));
    std::fclose(file);
    switch (sniff(head)) {
        case Content::kZip:
            return open_xlsx(path, limits);
        case Content::kOle2:
            return file_error(
                "这是旧版 Excel（.xls）、WPS（.et）文件或加密的工作簿，请另存为 .xlsx 或 .csv（并取消密码）后再上传",
                "this is an old Excel (.xls) or WPS (.et) file or an encrypted workbook; save it as "
                ".xlsx or .csv (without a password) and upload it again");
        case Content::kUtf16:
            return file_error("不支持 UTF-16 编码的文本，请另存为 UTF-8 的 CSV",
                              "UTF-16 text is not supported; save the file as CSV in UTF-8");
        case Content::kBinary:
            return file_error("文件不是电子表格，请上传 .xlsx 或 .csv 文件",
                              "the file is not a spreadsheet; upload an .xlsx or .csv file");
        case Content::kText:
            break;
    }
    return open_csv(path, limits);
}

}  // namespace

Result<std::unique_ptr<SheetReader>> open_sheet(const std::string& path, const Limits& limits) {
    return guard_read([&] { return open_sniffed(path, limits); });
}

}  // namespace sanpi::sheet
