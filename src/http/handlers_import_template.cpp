// GET /api/v1/imports/template.xlsx?kind=projects|entries|reports|coordination&lang=zh|en: a blank workbook with the
// header the importer expects and drop-downs of the caller's industries, stages, cities and zones
// (service/import_template.hpp has the columns, report/xlsx_template.hpp writes them).
#include <map>

#include "http/export_params.hpp"
#include "http/export_support.hpp"
#include "http/handlers.hpp"
#include "http/list_params.hpp"
#include "http/scope_title.hpp"
#include "report/xlsx_template.hpp"
#include "service/import_template.hpp"

namespace sanpi::http {

namespace {

struct TemplateRequest {
    std::optional<service::TemplateKind> kind;
    domain::BulletinLang lang = domain::BulletinLang::kZh;
};

bool read_template_kind(std::string_view v, TemplateRequest& r) {
    return bool(r.kind = service::template_kind_from_string(v));
}

constexpr ParamSpec<TemplateRequest> kTemplateParams[] = {
    {"kind", read_template_kind,
     {"须为 projects、entries、reports 或 coordination", "must be projects, entries, reports or coordination"}},
    {"lang", read_export_lang<TemplateRequest>, {"须为 zh 或 en", "must be zh or en"}},
};

std::variant<TemplateRequest, Problem> parse_template_request(const QueryParams& params) {
    TemplateRequest out;
    std::vector<FieldError> errors;
    const ParamTable<TemplateRequest> tables[] = {kTemplateParams};
    read_params<TemplateRequest>(params, tables, out, errors);
    if (errors.empty() && !out.kind) {
        errors.push_back({"kind", {"须指定模板种类：projects、entries、reports 或 coordination",
                                   "kind is required: projects, entries, reports or coordination"}});
    }
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

// The service's columns and the caller's choices as the writer's spec: 序号 first, as the layout
// always has it, then the rest; every amount in the template's unit, as the unit line says.
report::TemplateSpec template_spec(const service::ImportTemplate& t, const service::TemplateChoiceLists& lists,
                                   domain::BulletinLang lang, std::string_view filled_by, domain::Date today) {
    const bool zh = lang == domain::BulletinLang::kZh;
    report::TemplateSpec spec;
    auto& table = spec.table;
    table.sheet_name = t.sheet;
    table.title = t.title;
    table.filled_by = zh ? "填报单位：" + std::string(filled_by) + "　　日期：" + today.iso()
                         : "Reporting unit: " + std::string(filled_by) + "    Date: " + today.iso();
    if (t.unit) {
        table.unit_note = zh ? "单位：" + std::string(domain::unit_label_zh(*t.unit))
                             : "Unit: " + std::string(domain::unit_label_en(*t.unit));
    }
    table.serial_header = t.columns.front().header;
    spec.choices_sheet = zh ? "选项" : "Options";
    if (!zh) {
        spec.choice_error_title = "Not in the list";
        spec.choice_error_message = "Please choose from the drop-down list";
    }
    std::map<service::TemplateChoice, std::size_t> list_of;
    for (std::size_t i = 1; i < t.columns.size(); ++i) {
        const auto& c = t.columns[i];
        auto kind = service::is_money_field(c.field)  ? report::TableColumnKind::kMoney
                    : service::is_date_field(c.field) ? report::TableColumnKind::kDate
                                                      : report::TableColumnKind::kText;
        if (c.field == service::ImportField::kExpectedJobs || c.field == service::ImportField::kJobs ||
            c.field == service::ImportField::kPercentComplete) {
            kind = report::TableColumnKind::kInteger;
        }
        table.columns.push_back({c.header, c.group, kind});
        std::optional<std::size_t> list;
        if (c.choice != service::TemplateChoice::kNone) {
            auto [at, added] = list_of.emplace(c.choice, spec.choices.size());
            if (added) {
                spec.choices.push_back(
                    {std::string(service::template_choice_heading(c.choice, lang)), lists.of(c.choice)});
            }
            list = at->second;
        }
        spec.column_choices.push_back(list);
    }
    return spec;
}

Response download_import_template(Context& ctx) {
    auto parsed = parse_template_request(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<TemplateRequest>(parsed);
    auto industries = ctx.services.catalog.industries(ctx.who());
    if (!industries) return fail(ctx, industries.error());
    auto regions = ctx.services.catalog.regions(ctx.who());
    if (!regions) return fail(ctx, regions.error());
    auto zones = ctx.services.catalog.zones(ctx.who());
    if (!zones) return fail(ctx, zones.error());
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    const auto columns = service::import_template(*request.kind, request.lang);
    const auto lists = service::template_choices(*industries, *regions, *zones, request.lang);
    const auto spec = template_spec(columns, lists, request.lang, scope->name, ctx.services.projects.today());
    auto bytes = report::write_import_template(spec);
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), columns.file_name);
}

}  // namespace

void add_import_template_routes(Router& router) {
    router.add("GET", "/api/v1/imports/template.xlsx", download_import_template);
}

}  // namespace sanpi::http
