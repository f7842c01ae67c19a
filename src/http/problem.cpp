#include "http/problem.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdlib>

namespace sanpi::http {

namespace {

constexpr std::string_view kTypeBase = "https://sanpi.example/problems/";

struct Kind {
    int status;
    const char* kind;
    const char* title_zh;
    const char* title_en;
};

// Every status this API answers with an error, in one table.
constexpr Kind kKinds[] = {
    {400, "bad-request", "请求格式有误", "Bad request"},
    {401, "unauthorized", "未登录或凭据无效", "Unauthorized"},
    {403, "forbidden", "无权执行此操作", "Forbidden"},
    {404, "not-found", "未找到", "Not found"},
    {405, "method-not-allowed", "不支持的请求方法", "Method not allowed"},
    {409, "conflict", "数据冲突", "Conflict"},
    {413, "payload-too-large", "请求体过大", "Payload too large"},
    {415, "unsupported-media-type", "不支持的内容类型", "Unsupported media type"},
    {422, "validation-error", "输入校验未通过", "Validation failed"},
    {428, "precondition-required", "缺少版本前提条件", "Precondition required"},
    {429, "too-many-requests", "请求过于频繁", "Too many requests"},
    {431, "header-too-large", "请求头过大", "Request header fields too large"},
    {500, "internal", "服务器内部错误", "Internal server error"},
    {503, "unavailable", "服务暂不可用", "Service unavailable"},
};

const Kind& kind_for(int status) {
    for (const auto& k : kKinds) {
        if (k.status == status) return k;
    }
    return kKinds[std::size(kKinds) - 2];  // internal
}

int status_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidInput:
            return 422;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kPreconditionRequired:
            return 428;
        case ErrorCode::kUnauthorized:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

Problem make(int status, Text detail, std::vector<FieldError> fields) {
    const Kind& k = kind_for(status);
    return Problem{k.status, k.kind, Text{k.title_zh, k.title_en}, std::move(detail), std::move(fields)};
}

// q-value of one Accept-Language element ("en;q=0.8" -> 0.8); malformed values count as 0.
double quality(std::string_view params) {
    auto pos = params.find("q=");
    if (pos == std::string_view::npos) return 1.0;
    std::string text(params.substr(pos + 2));
    char* end = nullptr;
    double q = std::strtod(text.c_str(), &end);
    return end == text.c_str() ? 0.0 : q;
}

std::string lower_primary_tag(std::string_view tag) {
    std::string out;
    for (char c : tag.substr(0, tag.find('-'))) {
        if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

Lang negotiate_lang(std::string_view lang_param, std::string_view accept_language) {
    if (!lang_param.empty()) return lower_primary_tag(lang_param) == "en" ? Lang::kEn : Lang::kZh;
    double best_q = 0.0;
    Lang best = Lang::kZh;
    while (!accept_language.empty()) {
        auto comma = accept_language.find(',');
        std::string_view item = accept_language.substr(0, comma);
        accept_language = comma == std::string_view::npos ? "" : accept_language.substr(comma + 1);
        auto semi = item.find(';');
        std::string tag = lower_primary_tag(item.substr(0, semi));
        double q = semi == std::string_view::npos ? 1.0 : quality(item.substr(semi + 1));
        if ((tag == "en" || tag == "zh") && q > best_q) {
            best_q = q;
            best = tag == "en" ? Lang::kEn : Lang::kZh;
        }
    }
    return best;
}

const std::string& pick(const Text& text, Lang lang) { return lang == Lang::kEn ? text.en : text.zh; }

Problem problem_for(const Error& error) {
    int status = status_for(error.code);
    if (status == 500)
        return make(500, {"请稍后重试或联系管理员", "please retry later or contact the administrator"}, {});
    return make(status, error.message, error.fields);
}

Problem bad_request(Text detail, std::vector<FieldError> fields) {
    return make(400, std::move(detail), std::move(fields));
}

Problem protocol_problem(int status, Text detail) { return make(status, std::move(detail), {}); }

Response render(const Problem& problem, Lang lang) {
    boost::json::array errors;
    for (const auto& f : problem.fields) errors.push_back({{"field", f.field}, {"message", pick(f.message, lang)}});
    boost::json::object body{{"type", std::string(kTypeBase) + problem.kind},
                             {"title", pick(problem.title, lang)},
                             {"status", problem.status},
                             {"detail", pick(problem.detail, lang)}};
    body["errors"] = std::move(errors);  // always present, so clients need not test for it
    Response res;
    res.status = problem.status;
    res.set("Content-Type", std::string(kProblemType));
    res.set("Content-Language", lang == Lang::kEn ? "en" : "zh-CN");
    res.body = boost::json::serialize(body);
    return res;
}

}  // namespace sanpi::http
