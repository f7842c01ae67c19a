#include "http/app.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>
#include <chrono>
#include <random>

#include "http/auth.hpp"
#include "http/exposition.hpp"
#include "http/handlers.hpp"

namespace sanpi::http {

namespace {

long long now_us() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string new_request_id() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t bits = rng();
    std::string id(16, '0');
    for (auto& c : id) {
        c = kHex[bits & 0xF];
        bits >>= 4;
    }
    return id;
}

Lang lang_of(const Request& request, const QueryParams& query) {
    std::string_view param;
    for (const auto& [key, value] : query) {
        if (key == "lang") param = value;
    }
    return negotiate_lang(param, request.header("accept-language").value_or(""));
}

long long now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// HEAD is answered by the GET route of the path, its body left out (RFC 9110 §9.3.2).
std::string_view routed_method(const Request& request) {
    return request.method == "HEAD" ? std::string_view("GET") : std::string_view(request.method);
}

bool is_api(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

// The path for the log: never the query string, which may carry search text or tokens.
std::string_view log_path(std::string_view target) { return target.substr(0, target.find('?')); }

// Decoded one by one from the raw path, so that "/./" or "%2F" inside a segment stay visible to
// the static file checks (Boost.URL's segment view hides a leading "/.").
std::vector<std::string> decoded_segments(std::string_view encoded_path) {
    std::vector<std::string> out;
    for (const auto& raw : split_path(encoded_path)) {
        auto pct = boost::urls::make_pct_string_view(raw);
        out.push_back(pct ? pct->decode() : std::string(".."));  // undecodable: refuse like a traversal
    }
    return out;
}

// The benchmark's yardstick: everything a request costs in this server except handler work.
Response bench_baseline(Context&) { return json_response(200, {{"ok", true}}); }

constexpr int kRetryAfterSeconds = 1;

// Sent on every answer, API or page, error or not (docs/security.md). The built SPA loads its
// scripts and styles from /assets only and has no inline script; Element Plus and ECharts set
// inline style attributes, hence 'unsafe-inline' for styles alone. Photos are shown from
// same-origin URLs or object URLs (blob:); the stylesheet embeds icons as data: URLs.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

}  // namespace

App::App(ServerConfig config, Services services)
    : config_(std::move(config)), services_(services), static_files_(config_.web_root) {
    add_catalog_routes(router_);
    add_session_routes(router_);
    add_account_routes(router_);
    add_project_routes(router_);
    add_campaign_routes(router_);
    add_campaign_write_routes(router_);
    add_report_routes(router_);
    add_coordination_routes(router_);
    add_audit_routes(router_);
    add_photo_routes(router_);
    add_import_template_routes(router_);
    add_import_routes(router_);
    add_warning_routes(router_);
    add_notice_routes(router_);
    add_ranking_routes(router_);
    add_chain_sheet_routes(router_);
    add_chain_routes(router_);
    add_openapi_routes(router_);
    router_.add(
        "GET", "/metrics", [this](Context& ctx) { return metrics(ctx); }, Access::kPublic);
    if (config_.bench_baseline) router_.add("GET", "/api/v1/bench/baseline", bench_baseline, Access::kPublic);
    metrics_ = std::make_unique<Metrics>(router_.routes());
}

Response App::handle(const Request& request) {
    const long long started = now_us();
    const std::string id = new_request_id();
    std::size_t slot = metrics_->unmatched();
    Response res;
    try {
        if (request.method == "HEAD") {
            Request as_get = request;
            as_get.method = "GET";
            res = dispatch(as_get, slot);
        } else {
            res = dispatch(request, slot);
        }
    } catch (const std::exception& e) {
        spdlog::error("http id={} unhandled exception: {}", id, e.what());
        res = problem_response(Error::internal({}, {}), lang_of(request, {}));
    } catch (...) {
        spdlog::error("http id={} unhandled non-standard exception", id);
        res = problem_response(Error::internal({}, {}), lang_of(request, {}));
    }
    finish(request, res, id, started, slot);
    return res;
}

Response App::refuse(const Request& partial, int status) {
    const long long started = now_us();
    Lang lang = lang_of(partial, {});
    Response res = status == 400
                       ? render(bad_request({"无法解析的 HTTP 请求", "malformed HTTP request"}), lang)
                       : render(protocol_problem(status, {"请求超出大小限制", "the request is too large"}), lang);
    res.close = true;
    finish(partial, res, new_request_id(), started, metrics_->unmatched());
    return res;
}

Response App::overloaded(const Request& request) {
    const long long started = now_us();
    auto url = boost::urls::parse_origin_form(request.target);
    QueryParams query;
    std::size_t slot = metrics_->unmatched();
    if (url) {
        for (auto param : url->params()) query.emplace_back(param.key, param.value);
        if (auto match = router_.match(routed_method(request), url->encoded_path()); match.route) {
            slot = match.route->index;
        }
    }
    Response res = problem_response(Error::unavailable("服务繁忙，请稍后重试", "the server is busy; retry shortly"),
                                    lang_of(request, query));
    res.set("Retry-After", std::to_string(kRetryAfterSeconds));
    res.set("Cache-Control", "no-store");
    finish(request, res, new_request_id(), started, slot);
    return res;
}

std::size_t App::body_limit(std::string_view method, std::string_view target) const {
    auto url = boost::urls::parse_origin_form(target);
    const std::size_t own = url ? router_.body_limit(method, url->encoded_path()) : 0;
    return own != 0 ? own : config_.body_limit;
}

std::size_t App::largest_body_limit() const { return std::max(config_.body_limit, router_.largest_body_limit()); }

Response App::dispatch(const Request& request, std::size_t& slot) {
    auto url = boost::urls::parse_origin_form(request.target);
    if (!url) return render(bad_request({"请求路径无效", "invalid request target"}), lang_of(request, {}));
    QueryParams query;
    for (auto param : url->params()) query.emplace_back(param.key, param.value);
    Context ctx{request, services_, config_, rendered_, lang_of(request, query), std::move(query), {}, std::nullopt};

    auto match = router_.match(request.method, url->encoded_path());
    if (match.route) {
        slot = match.route->index;
        ctx.params = std::move(match.params);
        return run(ctx, *match.route);
    }
    if (!match.allow.empty()) {
        Response res = fail(ctx, protocol_problem(405, {"此路径不支持该请求方法", "method not allowed on this path"}));
        res.set("Allow", match.allow);
        return res;
    }
    if (is_api(url->path())) return fail(ctx, Error::not_found("接口", "API endpoint"));
    if (request.method != "GET") {
        Response res = fail(ctx, protocol_problem(405, {"静态页面只支持 GET", "static pages support GET only"}));
        res.set("Allow", "GET");
        return res;
    }
    return static_files_.serve(request, decoded_segments(url->encoded_path()));
}

Response App::run(Context& ctx, const Route& route) {
    if (route.access != Access::kPublic) {
        auto caller = authenticate(ctx.request, services_.auth, config_.secure_cookies);
        if (auto* p = problem_in(caller)) return fail(ctx, *p);
        ctx.caller = std::move(std::get<Caller>(caller));
        metrics_->saw_user(ctx.caller->principal.user.id, now_seconds());
        if (route.access == Access::kSignedIn && ctx.who().user.must_change_password) {
            return fail(ctx, Error::forbidden("请先修改临时密码（POST /api/v1/session/password）",
                                              "change your temporary password first (POST /api/v1/session/password)"));
        }
    }
    Response res = route.handler(ctx);
    // API answers depend on who asks; no shared cache may keep them.
    if (!res.header("cache-control")) res.set("Cache-Control", "no-store");
    return res;
}

Response App::metrics(Context& ctx) const {
    if (!metrics_allowed(ctx.request, config_.metrics_token)) {
        return fail(ctx, Error::forbidden("无权读取运行指标", "the metrics are for the monitoring system only"));
    }
    ServerGauges gauges = gauges_ ? gauges_() : ServerGauges{};
    if (config_.pool_use) gauges.pool = config_.pool_use();
    BuildInfo build = compiled_build_info();
    build.backend = config_.backend;
    Response res;
    res.set("Content-Type", std::string(kExpositionType));
    res.body = metrics_->exposition(gauges, build, now_seconds());
    return res;
}

void App::finish(const Request& request, Response& res, const std::string& id, long long started_us,
                 std::size_t slot) const {
    res.set("X-Request-Id", id);
    res.set("X-Content-Type-Options", "nosniff");
    // A handler's own policy stays (the bulletin, which the web UI shows in a frame of its own origin).
    const auto own = res.header("content-security-policy");
    const bool same_origin_frames = own && own->find("frame-ancestors 'self'") != std::string_view::npos;
    if (!own) res.set("Content-Security-Policy", std::string(kContentSecurityPolicy));
    res.set("Referrer-Policy", "no-referrer");
    // frame-ancestors for browsers that predate CSP 2.
    res.set("X-Frame-Options", same_origin_frames ? "SAMEORIGIN" : "DENY");
    res.head_only = request.method == "HEAD";
    const long long took = now_us() - started_us;
    metrics_->record(slot, res.status, std::chrono::microseconds(took));
    spdlog::info("http method={} path={} status={} ms={:.1f} id={} remote={}", request.method, log_path(request.target),
                 res.status, static_cast<double>(took) / 1000.0, id, request.remote);
}

}  // namespace sanpi::http
