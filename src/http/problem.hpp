#pragma once
// The one place that turns errors into HTTP: status, RFC 9457 problem+json body, language.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "http/message.hpp"

namespace sanpi::http {

enum class Lang { kZh, kEn };

// Chinese unless `lang_param` (?lang=) or Accept-Language prefers English.
Lang negotiate_lang(std::string_view lang_param, std::string_view accept_language);
const std::string& pick(const Text& text, Lang lang);

struct Problem {
    int status = 500;
    std::string kind;  // last segment of the type URI, e.g. "not-found"
    Text title;
    Text detail;
    std::vector<FieldError> fields;
};

// ErrorCode -> status, kind and title. kInternal's detail is replaced: it never leaks internals.
Problem problem_for(const Error& error);
// Requests rejected before any service ran (bad syntax, wrong type, unknown field): 400.
Problem bad_request(Text detail, std::vector<FieldError> fields = {});
// Protocol-level refusals: 404 route, 405, 413, 415, 431.
Problem protocol_problem(int status, Text detail);

Response render(const Problem& problem, Lang lang);
inline Response problem_response(const Error& error, Lang lang) { return render(problem_for(error), lang); }

}  // namespace sanpi::http
