#include "http/export_support.hpp"

#include "report/bulletin_report.hpp"

namespace sanpi::http {

Result<report::ProjectTableNames> table_names(Context& ctx, domain::BulletinLang lang) {
    auto regions = ctx.services.catalog.regions(ctx.who());
    if (!regions) return regions.error();
    auto industries = ctx.services.catalog.industries(ctx.who());
    if (!industries) return industries.error();
    return report::ProjectTableNames::of(*regions, *industries, lang);
}

Response xlsx_response(std::string bytes, std::string_view file_name) {
    Response res;
    res.set("Content-Type", std::string(report::kXlsxContentType));
    res.set("Content-Disposition", report::content_disposition(true, file_name));
    res.body = std::move(bytes);
    return res;
}

}  // namespace sanpi::http
