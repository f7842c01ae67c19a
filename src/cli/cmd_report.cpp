// report campaign ID: the campaign's bulletin (通报) as HTML, DOCX or Markdown, in Chinese or
// English, seen as the whole data set ("全国") or, with --province, as that province sees it.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "domain/bulletin.hpp"
#include "report/bulletin_report.hpp"
#include "service/campaign_service.hpp"
#include "service/catalog_service.hpp"
#include "service/clock.hpp"

namespace sanpi::cli {

namespace {

struct ReportOptions {
    std::int64_t campaign_id = 0;
    std::string lang = "zh";
    std::string format = "html";
    std::string output;
    std::string province;  // six digits; empty: every zone of the database
};

// A province user's principal over the whole data set or one province (a province code it checks).
Result<service::Principal> report_reader(const std::string& province) {
    service::Principal who;
    who.user.name = "sanpi-report";
    who.user.role = domain::Role::kProvince;
    if (province.empty()) return who;  // Scope::all()
    auto code = domain::RegionCode::parse(province, "province");
    if (!code) return code.error();
    if (code->level() != domain::RegionLevel::kProvince) {
        return Error::invalid_field("province", "须为省级行政区划代码（如 140000）",
                                    "must be a province division code such as 140000");
    }
    who.user.region = *code;
    who.scope = domain::Scope::region(*code);
    return who;
}

Result<void> write_output(const std::string& path, const std::string& bytes) {
    if (path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return std::cout ? Result<void>()
                         : Error::unavailable("无法写入标准输出", "could not write to standard output");
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return Error::unavailable("无法写入文件 " + path, "could not write the file " + path);
    return {};
}

int report_campaign(const GlobalOptions& global, const ReportOptions& o) {
    const auto lang = domain::bulletin_lang_from_string(o.lang);
    const auto format = report::bulletin_format_from_string(o.format);
    if (!lang || !format) {
        return report_error(Error::invalid_field(!lang ? "--lang" : "--format",
                                                 !lang ? "须为 zh 或 en" : "须为 html、docx、md 之一",
                                                 !lang ? "must be zh or en" : "must be one of html, docx, md"));
    }
    auto who = report_reader(o.province);
    if (!who) return report_error(who.error());
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::CampaignService campaigns(**store, clock);
    service::CatalogService catalog(**store);
    auto summary = campaigns.summary(*who, o.campaign_id);
    if (!summary) return report_error(summary.error());
    auto regions = catalog.regions(*who);
    if (!regions) return report_error(regions.error());
    auto scope = report::bulletin_scope(who->scope, *regions, {}, *lang);
    auto bytes = report::render_bulletin(domain::build_bulletin(*summary, *lang, scope), *format);
    if (!bytes) return report_error(bytes.error());
    if (auto written = write_output(o.output, *bytes); !written) return report_error(written.error());
    if (o.output != "-") std::cout << "已写入 / wrote " << o.output << " (" << bytes->size() << " bytes)\n";
    return 0;
}

}  // namespace

void add_report_commands(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* report = app.add_subcommand("report", "Documents made from the data / 报告");
    report->require_subcommand(1);
    auto options = std::make_shared<ReportOptions>();
    auto* campaign = report->add_subcommand("campaign", "A campaign's bulletin (通报) / 活动情况通报");
    campaign->add_option("id", options->campaign_id, "Campaign id")->required()->check(CLI::PositiveNumber);
    campaign->add_option("--lang", options->lang, "zh or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    campaign->add_option("--format", options->format, "html, docx or md")
        ->check(CLI::IsMember({"html", "docx", "md"}))
        ->capture_default_str();
    campaign->add_option("-o,--output", options->output, "File to write; - for standard output")->required();
    campaign->add_option("--province", options->province,
                         "Six-digit province code: the bulletin as that province sees it (default: every zone, 全国)");
    campaign->callback(
        [&action, &global, options] { action = [&global, options] { return report_campaign(global, *options); }; });
}

}  // namespace sanpi::cli
