// Industry chains as a chain map table: GET /api/v1/chains/export.xlsx (lang=zh|en) and
// POST /api/v1/chains/import (multipart/form-data, field file; dry_run=true previews).
#include <boost/json.hpp>

#include "http/chain_sheet_xlsx.hpp"
#include "http/codec_chains.hpp"
#include "http/export_params.hpp"
#include "http/export_support.hpp"
#include "http/handlers.hpp"
#include "http/multipart.hpp"
#include "http/scope_title.hpp"
#include "report/chain_table.hpp"
#include "service/chain_sheet.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxChainSheetBytes = 16u << 20;

}  // namespace

Result<std::string> chain_sheet_xlsx(const std::vector<service::ChainSheetRow>& rows, domain::BulletinLang lang,
                                     std::string_view filled_by, domain::Date today) {
    auto table = report::XlsxTable::open(report::chain_table_spec(lang, filled_by, today));
    if (!table) return table.error();
    for (const auto& r : rows) {
        std::vector<report::TableCell> cells{r.chain, r.industry, r.leader, r.segment};
        for (const auto& level : r.levels) {
            cells.push_back(level.empty() ? report::TableCell{} : report::TableCell{level});
        }
        for (const auto* text : {&r.owners, &r.mapped_enterprises, &r.mapped_projects, &r.suppliers}) {
            cells.push_back(text->empty() ? report::TableCell{} : report::TableCell{*text});
        }
        if (r.chain_row) {
            cells.insert(cells.end(), 3, report::TableCell{});
        } else {
            cells.push_back(r.enterprises);
            cells.push_back(r.projects);
            cells.push_back(r.investment);
        }
        if (auto added = (*table)->add_row(cells); !added) return added.error();
    }
    return (*table)->finish();
}

namespace {

Response export_chains(Context& ctx) {
    auto parsed = parse_table_export(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto lang = std::get<TableExportRequest>(parsed).lang;
    auto scope = caller_scope_title(ctx, lang);
    if (!scope) return fail(ctx, scope.error());
    const auto today = ctx.services.projects.today();
    auto rows = ctx.services.chains.sheet_rows(ctx.who(), lang);
    if (!rows) return fail(ctx, rows.error());
    auto bytes = chain_sheet_xlsx(*rows, lang, scope->name, today);
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), report::chain_table_file_name(lang, today));
}

std::variant<std::string, Problem> uploaded_file(const Context& ctx) {
    const auto type = ctx.request.header("content-type");
    const auto boundary = type ? multipart_boundary(*type) : std::nullopt;
    if (!boundary) {
        Problem p = protocol_problem(415, {"须以 multipart/form-data 上传文件（字段 file）",
                                           "upload the file as multipart/form-data (field file)"});
        p.fields.push_back({"file", p.detail});
        return p;
    }
    auto parts = parse_multipart(ctx.request.body, *boundary);
    if (auto* p = problem_in(parts)) return *p;
    for (const auto& part : std::get<std::vector<FormPart>>(parts)) {
        if (part.name == "file") return std::string(part.body);
    }
    return bad_request({"缺少文件", "no file uploaded"}, {{"file", {"须上传文件", "a file is required"}}});
}

Response import_chains(Context& ctx) {
    bool dry_run = false;
    for (const auto& [key, value] : ctx.query) {
        if (key == "dry_run" && (value == "true" || value == "1")) {
            dry_run = true;
        } else if (key == "dry_run" && (value == "false" || value == "0")) {
            dry_run = false;
        } else if (key != "lang") {
            return fail(ctx, bad_request({"查询参数有误", "the query parameters are not valid"},
                                         {{key, {"须为 dry_run=true 或 false", "must be dry_run=true or false"}}}));
        }
    }
    auto file = uploaded_file(ctx);
    if (auto* p = problem_in(file)) return fail(ctx, *p);
    auto result = ctx.services.chains.import_sheet(ctx.who(), std::get<std::string>(file), !dry_run);
    if (!result) return fail(ctx, result.error());
    json::array rejected;
    for (const auto& r : result->rejected) {
        rejected.push_back({{"row", r.row},
                            {"column", r.column},
                            {"value", r.value},
                            {"reason", ctx.lang == Lang::kEn ? r.reason.en : r.reason.zh}});
    }
    json::object body{
        {"dry_run", dry_run},           {"committed", result->committed}, {"chains", result->chains},
        {"nodes", result->nodes},       {"owners", result->owners},       {"enterprises", result->enterprises},
        {"projects", result->projects}, {"suppliers", result->suppliers}, {"rejected", std::move(rejected)}};
    // A commit refused for its rejected rows wrote nothing.
    return json_response(!dry_run && !result->committed ? 422 : 200, body);
}

}  // namespace

void add_chain_sheet_routes(Router& router) {
    router.add("GET", "/api/v1/chains/export.xlsx", export_chains);
    router.add_upload("POST", "/api/v1/chains/import", import_chains, kMaxChainSheetBytes);
}

}  // namespace sanpi::http
