#pragma once
// A CSV file's text as UTF-8, chunk by chunk: a UTF-8 byte order mark is dropped, valid UTF-8 is
// passed through, anything else is read as GB18030 (what Chinese Excel and WPS save) and converted
// with iconv. Never more than a chunk or two in memory; what comes out is always valid UTF-8.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet {

enum class TextEncoding { kUtf8, kUtf8WithBom, kGb18030 };

// Validates UTF-8 across chunk boundaries (no overlongs, surrogates or code points past U+10FFFF).
class Utf8Validator {
public:
    // False once an invalid sequence has been seen.
    bool feed(std::string_view bytes);
    // True when the text ended on a complete character and nothing was invalid.
    bool complete() const { return valid_ && pending_ == 0; }

private:
    bool valid_ = true;
    int pending_ = 0;                         // continuation bytes still expected
    unsigned char low_ = 0x80, high_ = 0xBF;  // the range of the next continuation byte
};

// Reads the file once (streaming) to decide its encoding; a line far longer than
// Limits::max_line_bytes fails here, as soon as it is met.
Result<TextEncoding> detect_encoding(const std::string& path, const Limits& limits);

class TextSource {
public:
    static Result<std::unique_ptr<TextSource>> open(const std::string& path, TextEncoding encoding);
    ~TextSource();
    TextSource(const TextSource&) = delete;
    TextSource& operator=(const TextSource&) = delete;

    // The next chunk of UTF-8 text; empty at the end. `line` is where the caller is, so that an
    // error can say where the undecodable bytes are.
    Result<std::string_view> next(std::int64_t line);

private:
    TextSource(std::FILE* file, TextEncoding encoding, void* converter);
    Result<std::string_view> convert(std::size_t got, std::int64_t line);

    std::FILE* file_;
    TextEncoding encoding_;
    void* converter_;  // iconv_t for GB18030
    bool first_ = true;
    std::vector<char> in_;
    std::size_t carried_ = 0;  // bytes of an incomplete character kept from the previous chunk
    std::vector<char> out_;
};

}  // namespace sanpi::sheet
