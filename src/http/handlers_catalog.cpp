// Dictionaries (regions, zones, industries), the enterprise register (exact look-up by credit code,
// registration) and the public health check.
#include "domain/credit_code.hpp"
#include "http/codec.hpp"
#include "http/handlers.hpp"
#include "http/list_params.hpp"

namespace sanpi::http {

namespace {

Response healthz(Context& ctx) {
    if (!ctx.services.catalog.ping()) return fail(ctx, Error::unavailable("数据库不可用", "the database is not reachable"));
    return json_response(200, {{"status", "ok"}});
}

template <class Fetch>
Response list_of(Context& ctx, Fetch fetch) {
    auto items = fetch(ctx.services.catalog, ctx.who());
    if (!items) return fail(ctx, items.error());
    return json_response(200, items_json(*items));
}

Response regions(Context& ctx) {
    return list_of(ctx, [](auto& catalog, const auto& who) { return catalog.regions(who); });
}

Response zones(Context& ctx) {
    return list_of(ctx, [](auto& catalog, const auto& who) { return catalog.zones(who); });
}

Response industries(Context& ctx) {
    return list_of(ctx, [](auto& catalog, const auto& who) { return catalog.industries(who); });
}

// ?credit_code= exactly once (and `lang`); a malformed code is a 400 naming it with the reason.
std::variant<domain::CreditCode, Problem> credit_code_param(const QueryParams& params) {
    std::vector<FieldError> errors;
    std::optional<domain::CreditCode> code;
    bool seen = false;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [key, value] = params[i];
        if (detail::seen_before(params, i)) {
            detail::add_repeated(errors, key);
        } else if (key == "credit_code") {
            seen = true;
            auto parsed = domain::CreditCode::parse(value, "credit_code");
            if (parsed) {
                code = *parsed;
            } else {
                const Error refused = parsed.error();  // a copy: error() answers by value
                errors.insert(errors.end(), refused.fields.begin(), refused.fields.end());
            }
        } else if (key != "lang") {
            detail::add_unknown(errors, key);
        }
    }
    if (!seen) errors.push_back({"credit_code", {"须给出统一社会信用代码", "credit_code is required"}});
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return *code;
}

Response find_enterprises(Context& ctx) {
    auto code = credit_code_param(ctx.query);
    if (auto* p = problem_in(code)) return fail(ctx, *p);
    auto found = ctx.services.enterprises.find_by_credit_code(ctx.who(), std::get<domain::CreditCode>(code));
    if (!found) return fail(ctx, found.error());
    boost::json::array items;
    if (*found) items.push_back(to_json(**found));
    return json_response(200, {{"items", std::move(items)}});
}

Response create_enterprise(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_enterprise_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto created = ctx.services.enterprises.create(ctx.who(), std::get<service::EnterpriseInput>(input));
    if (!created) return fail(ctx, created.error());
    auto res = json_response(201, to_json(*created));
    res.set("Location", "/api/v1/enterprises?credit_code=" + created->credit_code.str());
    return res;
}

}  // namespace

void add_catalog_routes(Router& router) {
    router.add("GET", "/healthz", healthz, Access::kPublic);
    router.add("GET", "/api/v1/regions", regions);
    router.add("GET", "/api/v1/zones", zones);
    router.add("GET", "/api/v1/industries", industries);
    router.add("GET", "/api/v1/enterprises", find_enterprises);
    router.add("POST", "/api/v1/enterprises", create_enterprise);
}

}  // namespace sanpi::http
