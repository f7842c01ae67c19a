#include "sheet/csv_text.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "sheet/sheet_error.hpp"
#include "sheet/xml_stream.hpp"

namespace sanpi::sheet {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxCarry = 8;

iconv_t as_iconv(void* converter) { return static_cast<iconv_t>(converter); }

Error unreadable() { return file_error("无法读取文件", "the file cannot be read"); }

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

// The encoding pass reads every byte of a CSV before its first row: ASCII eight bytes at a time
// and whole three-byte characters (all of CJK) in one step keep it a small part of a dry run.
bool Utf8Validator::feed(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    for (std::size_t i = 0; valid_ && i < n;) {
        const unsigned char b = p[i];
        if (pending_ == 0) {
            if (b < 0x80) {
                std::uint64_t eight = 0;
                if (i + 8 <= n && (std::memcpy(&eight, p + i, 8), (eight & 0x8080808080808080ULL) == 0)) {
                    i += 8;
                } else {
                    ++i;
                }
                continue;
            }
            // E1..EC and EE..EF take any two continuation bytes (E0 and ED have narrower ranges).
            if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n && continuation(p[i + 1]) && continuation(p[i + 2])) {
                i += 3;
                continue;
            }
        }
        ++i;
        if (pending_ > 0) {
            if (b < low_ || b > high_) {
                valid_ = false;
                break;
            }
            low_ = 0x80;
            high_ = 0xBF;
            --pending_;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending_ = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending_ = 2;
            if (b == 0xE0) low_ = 0xA0;   // no overlongs
            if (b == 0xED) high_ = 0x9F;  // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending_ = 3;
            if (b == 0xF0) low_ = 0x90;
            if (b == 0xF4) high_ = 0x8F;  // nothing past U+10FFFF
        } else {
            valid_ = false;
        }
    }
    return valid_;
}

namespace {

// Physical lines as the encoding pass sees them (CR, LF and CRLF end a line; neither byte occurs
// inside a UTF-8 or GB18030 character). A line far past the record limit fails here, before the
// rest of the file is read: one record holds all of its lines, and decoding GB18030 shrinks text
// by at most a quarter, so twice the limit is past it in either encoding.
class LineWatch {
public:
    explicit LineWatch(std::size_t max_line_bytes) : max_(2 * static_cast<std::uint64_t>(max_line_bytes)) {}

    // False when the current line has grown past twice the limit. Line ends are found with
    // memchr (string_view::find), not byte by byte: this pass reads the whole file first.
    bool feed(std::string_view bytes) {
        while (!bytes.empty()) {
            const std::size_t lf = bytes.find('\n');
            const std::string_view before = bytes.substr(0, lf);
            std::size_t from = 0;
            for (std::size_t cr; (cr = before.find('\r', from)) != std::string_view::npos; from = cr + 1) {
                if (!text(cr - from)) return false;
                ++line_;
                previous_cr_ = true;
                length_ = 0;
            }
            if (!text(before.size() - from)) return false;
            if (lf == std::string_view::npos) break;
            if (!previous_cr_) ++line_;
            previous_cr_ = false;
            length_ = 0;
            bytes.remove_prefix(lf + 1);
        }
        return true;
    }
    std::int64_t line() const { return line_; }

private:
    // `bytes` bytes of a line, none of them a line end.
    bool text(std::size_t bytes) {
        if (bytes == 0) return true;
        previous_cr_ = false;
        length_ += bytes;
        return length_ <= max_;
    }

    std::uint64_t max_;
    std::uint64_t length_ = 0;
    std::int64_t line_ = 1;
    bool previous_cr_ = false;
};

Error line_too_long(std::int64_t line, std::size_t max_line_bytes) {
    const std::string where = std::to_string(line);
    const std::string limit = std::to_string(max_line_bytes);
    return file_error("CSV 文件第 " + where + " 行超过 " + limit + " 字节的上限（引号未闭合或缺少换行？）",
                      "CSV line " + where + ": the record is longer than the limit of " + limit +
                          " bytes (an unclosed quote or missing line breaks?)");
}

}  // namespace

Result<TextEncoding> detect_encoding(const std::string& path, const Limits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return unreadable();
    if (size > limits.max_file_bytes) {
        return file_error("文件超过 " + size_text(limits.max_file_bytes, true) + " 的上限",
                          "the file is larger than the limit of " + size_text(limits.max_file_bytes, false));
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return unreadable();
    std::vector<char> buffer(kChunkBytes);
    Utf8Validator validator;
    LineWatch lines(limits.max_line_bytes);
    bool first = true;
    bool bom = false;
    bool long_line = false;
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
        if (got == 0) break;
        std::string_view chunk(buffer.data(), got);
        if (first) {
            first = false;
            bom = chunk.substr(0, kBom.size()) == kBom;
        }
        validator.feed(chunk);
        if (!lines.feed(chunk)) {
            long_line = true;
            break;
        }
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) return unreadable();
    if (long_line) return line_too_long(lines.line(), limits.max_line_bytes);
    if (bom && !validator.complete()) {
        return file_error("CSV 文件以 UTF-8 标记（BOM）开头，却含有无效的 UTF-8 字节",
                          "the CSV file starts with a UTF-8 byte order mark but has bytes that are not valid UTF-8");
    }
    if (bom) return TextEncoding::kUtf8WithBom;
    return validator.complete() ? TextEncoding::kUtf8 : TextEncoding::kGb18030;
}

TextSource::TextSource(std::FILE* file, TextEncoding encoding, void* converter)
    : file_(file), encoding_(encoding), converter_(converter), in_(kChunkBytes + kMaxCarry) {
    if (encoding_ == TextEncoding::kGb18030) out_.resize(kChunkBytes * 2 + 16);
}

TextSource::~TextSource() {
    std::fclose(file_);
    if (converter_ != nullptr) iconv_close(as_iconv(converter_));
}

Result<std::unique_ptr<TextSource>> TextSource::open(const std::string& path, TextEncoding encoding) {
    void* converter = nullptr;
    if (encoding == TextEncoding::kGb18030) {
        const iconv_t cd = iconv_open("UTF-8", "GB18030");
        if (cd == reinterpret_cast<iconv_t>(-1)) {
            return Error::internal("系统不支持 GB18030 编码转换", "this system cannot convert GB18030 text");
        }
        converter = cd;
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        if (converter != nullptr) iconv_close(as_iconv(converter));
        return unreadable();
    }
    return std::unique_ptr<TextSource>(new TextSource(file, encoding, converter));
}

Result<std::string_view> TextSource::next(std::int64_t line) {
    for (;;) {
        const std::size_t got = std::fread(in_.data() + carried_, 1, kChunkBytes, file_);
        if (got == 0 && std::ferror(file_) != 0) return unreadable();
        std::string_view chunk(in_.data(), carried_ + got);
        if (first_) {
            first_ = false;
            if (encoding_ == TextEncoding::kUtf8WithBom && chunk.substr(0, kBom.size()) == kBom) {
                chunk.remove_prefix(kBom.size());
            }
        }
        if (encoding_ != TextEncoding::kGb18030) return chunk;
        if (got == 0 && carried_ == 0) return std::string_view();
        auto text = convert(got, line);
        if (!text || !text->empty()) return text;  // else only a split character so far: read on
    }
}

Result<std::string_view> TextSource::convert(std::size_t got, std::int64_t line) {
    char* in = in_.data();
    std::size_t in_left = carried_ + got;
    char* out = out_.data();
    std::size_t out_left = out_.size();
    const bool at_end = got == 0;
    while (in_left > 0) {
        if (iconv(as_iconv(converter_), &in, &in_left, &out, &out_left) != static_cast<std::size_t>(-1)) break;
        if (errno == EINVAL && !at_end && in_left <= kMaxCarry) break;  // a character split by the chunk
        const auto produced = static_cast<std::size_t>(out - out_.data());
        const auto lines = std::count(out_.data(), out_.data() + produced, '\n');
        const std::string where = std::to_string(line + lines);
        return file_error(
            "CSV 文件第 " + where + " 行有既不是 UTF-8 也不是 GB18030 的字节，请另存为 UTF-8 编码",
            "CSV line " + where + " has bytes that are neither UTF-8 nor GB18030; save the file as UTF-8");
    }
    std::memmove(in_.data(), in, in_left);
    carried_ = in_left;
    return std::string_view(out_.data(), static_cast<std::size_t>(out - out_.data()));
}

}  // namespace sanpi::sheet
