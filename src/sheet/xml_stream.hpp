#pragma once
// Expat, hardened for files from outside: a document type declaration or an entity declaration
// ends the parse (no billion laughs, no external entities), names are matched without their
// namespace prefix, and data is fed through expat's own buffers in 64 KiB chunks.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sheet/sheet_error.hpp"

struct XML_ParserStruct;

namespace sanpi::sheet {

class ReadAhead;
class ZipPart;

inline constexpr std::size_t kChunkBytes = 64 * 1024;
// Expat holds a whole tag (with its attributes), comment or processing instruction in memory
// until it ends (and expat 2.5 rescans an unfinished token with every chunk, so a long one also
// costs quadratic time); input that long without a single event is refused. Text is delivered in
// pieces and is bounded by the cell limits instead.
inline constexpr std::uint64_t kMaxQuietBytes = 4ull << 20;

// "x:sheetData" → "sheetData".
std::string_view local_name(const char* name);
// The value of the attribute whose local name is `local`, or nullptr.
const char* find_attribute(const char** attributes, std::string_view local);

// What a parse does with the document. A handler that calls fail() ends the parse with that
// error; stop() ends it early without one.
class XmlSink {
public:
    virtual ~XmlSink() = default;
    virtual void on_start(std::string_view local, const char** attributes) = 0;
    virtual void on_end(std::string_view local) = 0;
    virtual void on_text(const char* /*text*/, int /*length*/) {}

    void fail(Error error) {
        if (!failure_) failure_ = std::move(error);
    }
    void stop() { stopped_ = true; }
    // Counts the events delivered (by XmlStream), to notice input that produces none.
    void count_event() { ++events_; }
    std::uint64_t events() const { return events_; }
    bool halted() const { return failure_.has_value() || stopped_; }
    const std::optional<Error>& failure() const { return failure_; }
    bool stopped() const { return stopped_; }

private:
    std::optional<Error> failure_;
    bool stopped_ = false;
    std::uint64_t events_ = 0;
};

class XmlStream {
public:
    // `place` names the part in messages: 工作表「Sheet1」 / sheet "Sheet1", or a part's path.
    XmlStream(XmlSink& sink, SheetPlace place);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Parses a whole part, chunk by chunk; one of more than a chunk compressed is inflated on a
    // second thread meanwhile (ReadAhead).
    Result<void> parse(ZipPart& part);
    // Feeds bytes (the last call with final = true); for callers that hold the data themselves.
    Result<void> feed(const char* data, std::size_t size, bool final);

private:
    Result<void> parse_ahead(ReadAhead& ahead);
    Result<void> outcome(bool ok);
    // After `bytes` more were parsed: fails when too much input has gone by without an event.
    Result<void> watch_quiet(std::size_t bytes);

    XmlSink& sink_;
    SheetPlace place_;
    XML_ParserStruct* parser_;
    std::uint64_t last_events_ = 0;
    std::uint64_t quiet_bytes_ = 0;
};

// A part's place for messages: "XLSX 部件 xl/workbook.xml" / "the XLSX part xl/workbook.xml".
SheetPlace part_place(std::string_view part);

}  // namespace sanpi::sheet
