// Spreadsheet imports: POST /api/v1/imports (multipart/form-data: file, kind, zone, sheet, and
// for a batch list campaign and batch) keeps
// the file and answers its preview; GET /api/v1/imports/{id} previews it again as the data stands;
// POST /api/v1/imports/{id}/commit writes it as a whole.
#include <boost/json.hpp>
#include <filesystem>

#include "http/handlers.hpp"
#include "http/import_codec.hpp"
#include "http/list_params.hpp"
#include "http/multipart.hpp"
#include "report/bulletin_report.hpp"
#include "report/project_table.hpp"
#include "report/rejected_rows_sheet.hpp"
#include "service/project_import.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxImportBytes = 64u << 20;

std::variant<service::ImportUpload, Problem> read_import_upload(const Context& ctx) {
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
    service::ImportUpload upload;
    bool has_file = false;
    for (const auto& part : std::get<std::vector<FormPart>>(parts)) {
        const std::string value(part.body);
        if (part.name == "file") {
            has_file = true;
            upload.file_name = part.file_name.value_or("upload");
            upload.content = value;
        } else if (part.name == "kind") {
            upload.kind = value;
        } else if (part.name == "zone") {
            if (!value.empty()) upload.zone_code = value;
        } else if (part.name == "campaign") {
            const bool digits = !value.empty() && value.size() <= 18 &&
                                value.find_first_not_of("0123456789") == std::string::npos;
            if (!digits) {
                return bad_request({"活动须为活动编号", "campaign must be a campaign id"},
                                   {{"campaign", {"须为活动编号", "must be a campaign id"}}});
            }
            upload.campaign_id = std::stoll(value);
        } else if (part.name == "batch") {
            upload.batch = domain::batch_kind_from_string(value);
            if (!upload.batch) {
                return bad_request({"批次须为 sign、start 或 produce", "batch must be sign, start or produce"},
                                   {{"batch", {"须为 sign、start 或 produce", "must be sign, start or produce"}}});
            }
        } else if (part.name == "sheet") {
            const bool digits = !value.empty() && value.size() <= 4 &&
                                value.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || std::stoi(value) < 1) {
                return bad_request({"工作表序号须为从1开始的整数", "sheet must be a number from 1"},
                                   {{"sheet", {"须为从1开始的整数", "must be a number from 1"}}});
            }
            upload.sheet = std::stoi(value) - 1;
        } else {
            return bad_request({"未知字段 " + part.name, "unknown field " + part.name},
                               {{part.name, {"未知字段", "unknown field"}}});
        }
    }
    if (!has_file) {
        return bad_request({"缺少文件", "no file was sent"}, {{"file", {"缺少文件", "no file was sent"}}});
    }
    return upload;
}

// Rows to create although they look like a stored project: {"create_near_duplicates": [12, 15]}.
std::variant<service::CommitChoices, Problem> read_commit_choices(const Context& ctx) {
    service::CommitChoices choices;
    if (ctx.request.body.empty()) return choices;
    if (auto p = require_json_body(ctx)) return *p;
    boost::system::error_code ec;
    const auto body = json::parse(ctx.request.body, ec);
    const auto invalid = [] {
        return bad_request({"须为 {\"create_near_duplicates\": [行号…]}", "expected {\"create_near_duplicates\": [rows…]}"},
                           {{"create_near_duplicates", {"须为行号数组", "must be an array of row numbers"}}});
    };
    if (ec || !body.is_object()) return invalid();
    for (const auto& [key, value] : body.as_object()) {
        if (key != "create_near_duplicates" || !value.is_array()) return invalid();
        for (const auto& row : value.as_array()) {
            if (!row.is_int64() || row.as_int64() < 1) return invalid();
            choices.create_near_duplicates.push_back(row.as_int64());
        }
    }
    return choices;
}

Response preview_import(Context& ctx) {
    auto upload = read_import_upload(ctx);
    if (auto* p = problem_in(upload)) return fail(ctx, *p);
    auto preview = ctx.services.imports.preview(ctx.who(), std::get<service::ImportUpload>(upload));
    if (!preview) return fail(ctx, preview.error());
    auto res = json_response(201, import_preview_json(*preview, ctx.lang));
    res.set("Location", "/api/v1/imports/" + std::to_string(preview->record.id));
    return res;
}

Response show_import(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto preview = ctx.services.imports.show(ctx.who(), std::get<std::int64_t>(id));
    if (!preview) return fail(ctx, preview.error());
    return json_response(200, import_preview_json(*preview, ctx.lang));
}

Response commit_import(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto choices = read_commit_choices(ctx);
    if (auto* p = problem_in(choices)) return fail(ctx, *p);
    auto done = ctx.services.imports.commit(ctx.who(), std::get<std::int64_t>(id),
                                            std::get<service::CommitChoices>(choices));
    if (!done) return fail(ctx, done.error());
    return json_response(200, import_preview_json(*done, ctx.lang));
}

// The refused rows' reasons in one cell: "D列「八百」：金额格式无法识别；…".
std::string reasons_of(const std::vector<service::RowProblem>& problems, Lang lang) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += lang == Lang::kZh ? "；" : "; ";
        if (!p.column.empty()) {
            out += lang == Lang::kZh ? p.column + "列" : "column " + p.column;
            if (!p.value.empty()) out += lang == Lang::kZh ? "「" + p.value + "」" : " \"" + p.value + "\"";
            out += lang == Lang::kZh ? "：" : ": ";
        }
        out += lang == Lang::kZh ? p.reason.zh : p.reason.en;
    }
    return out;
}

Response download_rejected_rows(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < ctx.query.size(); ++i) {
        const auto& key = ctx.query[i].first;
        if (detail::seen_before(ctx.query, i)) {
            detail::add_repeated(errors, key);
        } else if (key != "lang") {
            detail::add_unknown(errors, key);
        }
    }
    if (!errors.empty()) return fail(ctx, bad_list_params(std::move(errors)));
    auto rejected = ctx.services.imports.rejected_rows(ctx.who(), std::get<std::int64_t>(id));
    if (!rejected) return fail(ctx, rejected.error());
    const bool zh = ctx.lang == Lang::kZh;
    const std::string stem = std::filesystem::path(rejected->file_name).stem().string();
    report::RefusedRowsSheet sheet;
    const std::string title = rejected->title.empty() ? stem : rejected->title;
    sheet.title = zh ? title + "（被拒绝的行）" : title + " (rejected rows)";
    if (rejected->table_unit) sheet.unit_line = "单位：" + std::string(domain::unit_label_zh(*rejected->table_unit));
    sheet.headers = rejected->headers;
    if (!zh) {
        sheet.row_header = "Row in file";
        sheet.reason_header = "Reason";
    }
    for (const auto& r : rejected->rows) {
        report::RefusedRow row{r.row, {}, reasons_of(r.problems, ctx.lang)};
        for (const auto& c : r.cells) row.cells.push_back({c.column, c.text, c.number, c.date});
        sheet.rows.push_back(std::move(row));
    }
    auto bytes = report::refused_rows_workbook(sheet);
    if (!bytes) return fail(ctx, bytes.error());
    Response res;
    res.set("Content-Type", std::string(report::kXlsxContentType));
    res.set("Content-Disposition",
            report::content_disposition(true, stem + (zh ? "-被拒绝的行.xlsx" : "-rejected-rows.xlsx")));
    res.body = std::move(*bytes);
    return res;
}

}  // namespace

void add_import_routes(Router& router) {
    router.add_upload("POST", "/api/v1/imports", preview_import, kMaxImportBytes);
    router.add("GET", "/api/v1/imports/{id}", show_import);
    router.add("GET", "/api/v1/imports/{id}/rejected.xlsx", download_rejected_rows);
    router.add("POST", "/api/v1/imports/{id}/commit", commit_import);
}

}  // namespace sanpi::http
