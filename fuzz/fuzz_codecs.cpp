// libFuzzer: the JSON bodies of every write endpoint. The first byte picks a decoder (the one its
// route calls, src/http/codec_*.cpp), the rest is the body. A decoder either decodes or names the
// problem, and a problem is always the client's (4xx): never a crash, never a 5xx. The field
// readers the decoders share (amounts, land area) must read back what the API writes.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "http/codec.hpp"
#include "http/codec_chains.hpp"
#include "http/codec_notices.hpp"
#include "http/codec_rankings.hpp"
#include "http/codec_warnings.hpp"
#include "http/field_reader.hpp"
#include "http/multipart.hpp"
#include "http/report_codec.hpp"

namespace {

using namespace sanpi;
using namespace sanpi::http;

[[noreturn]] void fail(const char* what, std::string_view body, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_codecs: %s\n  body: [%.*s]\n  %s\n", what, static_cast<int>(body.size()), body.data(),
                 detail.c_str());
    std::abort();
}

// Every decoder's answer: a value, or a problem that is the client's fault and says why.
template <class T>
void check(const std::variant<T, Problem>& decoded, std::string_view body) {
    if (const auto* problem = std::get_if<Problem>(&decoded)) {
        if (problem->status < 400 || problem->status > 499) fail("a decoder answered a non-4xx problem", body);
        if (problem->title.en.empty() || problem->title.zh.empty()) fail("a problem without a title", body);
        for (const auto& f : problem->fields) {
            if (f.message.en.empty() || f.message.zh.empty()) fail("a field error without a message", body, f.field);
        }
    }
}

// The readers behind every amount and land area: what the API writes (money_json, mu_decimal)
// reads back as the same value.
void field_readers(std::string_view body) {
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(body, ec);
    if (ec) return;
    FieldReader r;
    if (auto m = r.money(v, "amount")) {
        FieldReader again;
        const boost::json::value written = money_json(*m);
        auto back = again.money(written, "amount");
        if (!back || *back != *m) fail("money: read(money_json(x)) != x", body, std::string(written.as_string()));
    }
    if (auto c = r.centimu(v, "land_area_mu")) {
        FieldReader again;
        const std::string written = mu_decimal(*c);
        auto back = again.centimu(boost::json::value(written), "land_area_mu");
        if (!back || *back != *c) fail("land area: read(mu_decimal(x)) != x", body, written);
    }
    if (auto d = r.date(v, "date")) {
        FieldReader again;
        auto back = again.date(date_json(*d), "date");
        if (!back || *back != *d) fail("date: read(date_json(x)) != x", body, d->iso());
    }
    if (!r.ok() && r.malformed().empty() && r.invalid().empty()) fail("a reader failed without saying why", body);
}

// A multipart upload (imports, chain sheets): the first line is the Content-Type header's value.
void multipart(std::string_view body) {
    const auto newline = body.find('\n');
    if (newline == std::string_view::npos) return;
    const auto boundary = multipart_boundary(body.substr(0, newline));
    if (!boundary) return;
    check(parse_multipart(body.substr(newline + 1), *boundary), body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 20) {
        case 0:
            check(decode_project_patch(body), body);
            break;
        case 1:
            check(decode_transition(body), body);
            break;
        case 2:
            check(decode_coordination_input(body), body);
            break;
        case 3:
            check(decode_enterprise_input(body), body);
            break;
        case 4:
            check(decode_campaign_draft(body), body);
            break;
        case 5:
            check(decode_campaign_entry(body), body);
            break;
        case 6:
            check(decode_report_input(body), body);
            break;
        case 7:
            check(decode_reason(body), body);
            break;
        case 8:
            check(decode_chain_input(body), body);
            break;
        case 9:
            check(decode_node_input(body), body);
            break;
        case 10:
            check(decode_notice_input(body), body);
            break;
        case 11:
            check(decode_notice_step(body, domain::NoticeStep::kRespond), body);
            break;
        case 12:
            check(decode_notice_step(body, domain::NoticeStep::kClose), body);
            break;
        case 13:
            check(decode_notice_step(body, domain::NoticeStep::kEscalate), body);
            break;
        case 14:
            check(decode_escalation_ladder(body), body);
            break;
        case 15:
            check(decode_ranking_weights(body), body);
            break;
        case 16:
            check(decode_warning_rules(body), body);
            break;
        case 17:
            check(parse_object(body), body);
            break;
        case 18:
            multipart(body);
            break;
        default:
            field_readers(body);
            break;
    }
    return 0;
}
