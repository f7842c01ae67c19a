#include "sheet/xml_stream.hpp"

#include <expat.h>

#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <system_error>

#include "sheet/read_ahead.hpp"
#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

namespace {

XmlSink& sink_of(void* data) { return *static_cast<XmlSink*>(data); }

// Runs a handler; an exception (bad_alloc, a caller's callback) becomes an error, never unwinds
// through expat's C frames.
template <class F>
void guarded(void* parser, void* data, F&& handler) {
    XmlSink& sink = sink_of(data);
    if (sink.halted()) return;
    sink.count_event();
    try {
        handler(sink);
    } catch (const std::bad_alloc&) {
        sink.fail(file_error("文件过大，内存不足", "the file needs more memory than is available"));
    } catch (...) {
        sink.fail(Error::internal("读取文件时发生内部错误", "internal error while reading the file"));
    }
    if (sink.halted()) XML_StopParser(static_cast<XML_Parser>(parser), XML_FALSE);
}

// The parser is the handlers' user data's owner: XML_UseParserAsHandlerArg gives handlers the
// parser, and the sink is its user data.
void XMLCALL start_element(void* parser, const XML_Char* name, const XML_Char** attributes) {
    guarded(parser, XML_GetUserData(static_cast<XML_Parser>(parser)),
            [&](XmlSink& sink) { sink.on_start(local_name(name), attributes); });
}

void XMLCALL end_element(void* parser, const XML_Char* name) {
    guarded(parser, XML_GetUserData(static_cast<XML_Parser>(parser)),
            [&](XmlSink& sink) { sink.on_end(local_name(name)); });
}

void XMLCALL character_data(void* parser, const XML_Char* text, int length) {
    guarded(parser, XML_GetUserData(static_cast<XML_Parser>(parser)),
            [&](XmlSink& sink) { sink.on_text(text, length); });
}

Error declarations_refused() {
    return file_error("文件含有 DTD 或实体声明，出于安全原因拒绝读取",
                      "the file contains a DTD or entity declaration, refused for safety");
}

void XMLCALL doctype_start(void* parser, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    guarded(parser, XML_GetUserData(static_cast<XML_Parser>(parser)),
            [](XmlSink& sink) { sink.fail(declarations_refused()); });
}

void XMLCALL entity_declaration(void* parser, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                const XML_Char*, const XML_Char*, const XML_Char*) {
    guarded(parser, XML_GetUserData(static_cast<XML_Parser>(parser)),
            [](XmlSink& sink) { sink.fail(declarations_refused()); });
}

int XMLCALL external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
    return XML_STATUS_ERROR;
}

}  // namespace

std::string_view local_name(const char* name) {
    const char* local = name;
    const char* p = name;
    for (; *p != '\0'; ++p) {
        if (*p == ':') local = p + 1;
    }
    return std::string_view(local, static_cast<std::size_t>(p - local));
}

const char* find_attribute(const char** attributes, std::string_view local) {
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
        if (local_name(a[0]) == local) return a[1];
    }
    return nullptr;
}

SheetPlace part_place(std::string_view part) {
    return {"XLSX 部件 " + std::string(part) + " ", "the XLSX part " + std::string(part)};
}

XmlStream::XmlStream(XmlSink& sink, SheetPlace place)
    : sink_(sink), place_(std::move(place)), parser_(XML_ParserCreate(nullptr)) {
    if (parser_ == nullptr) return;
    XML_SetUserData(parser_, &sink_);
    XML_UseParserAsHandlerArg(parser_);
    XML_SetElementHandler(parser_, start_element, end_element);
    XML_SetCharacterDataHandler(parser_, character_data);
    XML_SetStartDoctypeDeclHandler(parser_, doctype_start);
    XML_SetEntityDeclHandler(parser_, entity_declaration);
    XML_SetExternalEntityRefHandler(parser_, external_entity);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() {
    if (parser_ != nullptr) XML_ParserFree(parser_);
}

Result<void> XmlStream::outcome(bool ok) {
    if (sink_.failure()) return *sink_.failure();
    if (ok || sink_.stopped()) return {};
    const auto code = XML_GetErrorCode(parser_);
    const std::string line = std::to_string(XML_GetCurrentLineNumber(parser_));
    const std::string what = XML_ErrorString(code);
    return file_error(place_.zh + "的 XML 格式有误（第 " + line + " 行：" + what + "）",
                      place_.en + " is not well-formed XML (line " + line + ": " + what + ")");
}

Result<void> XmlStream::watch_quiet(std::size_t bytes) {
    if (sink_.events() != last_events_) {
        last_events_ = sink_.events();
        quiet_bytes_ = 0;
        return {};
    }
    quiet_bytes_ += bytes;
    if (quiet_bytes_ <= kMaxQuietBytes) return {};
    const std::string limit = size_text(kMaxQuietBytes, false);
    return file_error(place_.zh + "含有超过 " + limit + " 的单个 XML 标记（标签、注释或处理指令），已拒绝",
                      place_.en + " has a single XML token (tag, comment or processing instruction) longer than " +
                          limit + "; refused");
}

Result<void> XmlStream::parse(ZipPart& part) {
    if (parser_ == nullptr) return Error::internal("无法创建 XML 解析器", "cannot create an XML parser");
    if (part.compressed_size() > kChunkBytes) {
        std::optional<ReadAhead> ahead;
        try {
            ahead.emplace(part);
        } catch (const std::system_error&) {
            // No thread to be had: the part is inflated in turn with the parse, below.
        }
        if (ahead) return parse_ahead(*ahead);
    }
    for (;;) {
        void* buffer = XML_GetBuffer(parser_, static_cast<int>(kChunkBytes));
        if (buffer == nullptr) return outcome(false);
        auto got = part.read(static_cast<char*>(buffer), kChunkBytes);
        if (!got) return got.error();
        const bool final = *got == 0;
        const bool ok = XML_ParseBuffer(parser_, static_cast<int>(*got), final ? XML_TRUE : XML_FALSE) == XML_STATUS_OK;
        if (!ok || sink_.halted()) return outcome(ok);
        if (final) return {};
        if (auto watched = watch_quiet(*got); !watched) return watched;
    }
}

Result<void> XmlStream::parse_ahead(ReadAhead& ahead) {
    for (;;) {
        auto chunk = ahead.next();
        if (!chunk) return chunk.error();
        if (auto fed = feed(chunk->data(), chunk->size(), chunk->empty()); !fed || sink_.halted()) return fed;
        if (chunk->empty()) return {};
    }
}

Result<void> XmlStream::feed(const char* data, std::size_t size, bool final) {
    if (parser_ == nullptr) return Error::internal("无法创建 XML 解析器", "cannot create an XML parser");
    while (size > 0 || final) {
        const std::size_t n = std::min(size, kChunkBytes);
        const bool last = final && n == size;
        const bool ok = XML_Parse(parser_, data, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) == XML_STATUS_OK;
        if (!ok || sink_.halted()) return outcome(ok);
        if (auto watched = watch_quiet(n); !watched) return watched;
        data += n;
        size -= n;
        if (last) break;
    }
    return {};
}

}  // namespace sanpi::sheet
