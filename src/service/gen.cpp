#include "service/gen.hpp"

#include <array>
#include <string_view>

#include "service/china_regions_data.hpp"
#include "service/demo.hpp"
#include "service/demo_catalog.hpp"
#include "service/demo_random.hpp"
#include "service/gen_plan.hpp"
#include "service/secrets.hpp"

namespace sanpi::service {
namespace {

using domain::Date;
using domain::Month;
using store::DumpValue;
using store::RowSink;

constexpr std::int64_t kSupervisorUser = 2;
constexpr std::int64_t kNationUser = 4;
constexpr std::int64_t kFirstCityUser = 5;
constexpr std::int64_t kCampaignId = 1;

std::string flag(bool b) { return b ? "1" : "0"; }
DumpValue date_value(const std::optional<Date>& d) { return d ? DumpValue(d->iso()) : std::nullopt; }
std::int64_t at_noon(Date d) { return static_cast<std::int64_t>(d.days_since_epoch()) * 86400 + 4 * 3600; }

std::string join(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

// One table: its columns, then every row pushed through the same reusable vector.
class TableWriter {
public:
    TableWriter(RowSink& sink, std::string_view table, std::vector<std::string> columns)
        : sink_(sink), table_(table), columns_(std::move(columns)) {}
    Result<void> open() { return sink_.begin_table(table_, columns_); }
    Result<void> row(std::vector<DumpValue>& values) { return sink_.row(values); }
    Result<void> close() { return sink_.end_table(); }

private:
    RowSink& sink_;
    std::string_view table_;
    std::vector<std::string> columns_;
};

template <class Fill>
Result<void> write_table(RowSink& sink, std::string_view table, std::vector<std::string> columns, Fill&& fill) {
    TableWriter w(sink, table, std::move(columns));
    if (auto r = w.open(); !r) return r;
    if (auto r = fill(w); !r) return r;
    return w.close();
}

std::string region_name_en(const gen::RegionFact& r) {
    if (r.code == demo::kProvinceCode) return "Shanxi";
    for (const auto& c : demo::shanxi_cities()) {
        if (c.code == r.code) return std::string(c.name_en);
    }
    return std::string(r.name);  // no English name in the source: the Chinese one stands in
}

std::string region_slug(const gen::RegionFact& r) {
    if (r.code == demo::kProvinceCode) return "shanxi";
    for (const auto& c : demo::shanxi_cities()) {
        if (c.code == r.code) return std::string(c.slug);
    }
    return "r" + std::string(r.code);
}

struct Account {
    std::string name;
    std::string_view role;
    DumpValue region;
    DumpValue zone_id;
};

// The ids are fixed (gen_plan.cpp and the report authors rely on them): province 1, supervisor 2,
// viewer 3, nation 4, Shanxi's cities from 5, then the demo zones' accounts.
std::vector<Account> accounts(const gen::Plan& plan) {
    const std::string province(demo::kProvinceCode);
    std::vector<Account> out = {{"province", "province", province, std::nullopt},
                                {"supervisor", "supervisor", province, std::nullopt},
                                {"viewer", "viewer", province, std::nullopt},
                                {"nation", "supervisor", std::nullopt, std::nullopt}};
    for (const auto& c : demo::shanxi_cities()) out.push_back({std::string(c.slug), "city", std::string(c.code), {}});
    std::vector<const gen::PlannedZone*> zones(demo::shanxi_zones().size());
    for (const auto& z : plan.zones) {
        if (z.account) zones[static_cast<std::size_t>(*z.account - kFirstCityUser - 11)] = &z;
    }
    for (const auto* z : zones) {
        out.push_back({z->zone.slug, "zone", z->zone.region.str(), std::to_string(z->zone.id)});
    }
    return out;
}

Result<void> write_catalog(RowSink& sink, const gen::Plan& plan, GenReport& report) {
    auto regions = write_table(sink, "regions", {"code", "name_zh", "name_en", "slug"}, [&](TableWriter& w) {
        std::vector<DumpValue> v(4);
        for (const auto& r : gen::kChinaRegions) {
            v = {std::string(r.code), std::string(r.name), region_name_en(r), region_slug(r)};
            if (auto ok = w.row(v); !ok) return ok;
            ++report.regions;
        }
        return Result<void>{};
    });
    if (!regions) return regions;
    auto industries =
        write_table(sink, "industries", {"code", "name_zh", "name_en", "sort_order"}, [&](TableWriter& w) {
            std::vector<DumpValue> v(4);
            int order = 0;
            for (const auto& i : demo::report_industries()) {
                v = {std::string(i.code), std::string(i.name_zh), std::string(i.name_en), std::to_string(++order)};
                if (auto ok = w.row(v); !ok) return ok;
            }
            return Result<void>{};
        });
    if (!industries) return industries;
    return write_table(sink, "zones", {"id", "code", "name", "level", "region_code", "leading_industries", "slug"},
                       [&](TableWriter& w) {
                           std::vector<DumpValue> v(7);
                           for (const auto& pz : plan.zones) {
                               const auto& z = pz.zone;
                               v = {std::to_string(z.id),          z.code,
                                    z.name,                        std::string(domain::to_string(z.level)),
                                    z.region.str(),                join(z.leading_industries),
                                    z.slug};
                               if (auto ok = w.row(v); !ok) return ok;
                               ++report.zones;
                           }
                           return Result<void>{};
                       });
}

// Enterprise `i` (1-based): a valid unified social credit code, unique by construction (the
// organisation part spells i in base 31).
Result<void> write_enterprises(RowSink& sink, const gen::Plan& plan, GenReport& report) {
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static constexpr std::array<std::string_view, 10> kFirst = {"华", "晋", "中", "恒", "瑞",
                                                                "鼎", "泰", "宏", "盛", "新"};
    static constexpr std::array<std::string_view, 8> kTrade = {"能源", "材料", "装备", "科技",
                                                               "化工", "医药", "数据", "物流"};
    return write_table(
        sink, "enterprises", {"id", "name", "credit_code", "ownership", "chain_role", "synthetic"}, [&](TableWriter& w) {
            std::vector<DumpValue> v(6);
            for (std::int64_t i = 1; i <= plan.enterprises; ++i) {
                std::string body = "91140100MA";
                std::string org(7, '0');
                for (std::int64_t k = 6, n = i; k >= 0; --k, n /= 31) {
                    org[static_cast<std::size_t>(k)] = kAlphabet[static_cast<std::size_t>(n % 31)];
                }
                body += org;
                const auto check = domain::CreditCode::check_character(body);
                if (!check) return Result<void>(Error::internal("模拟数据无效", "no check character for " + body));
                const auto u = static_cast<std::size_t>(i);
                const std::string name = std::string(kFirst[u % 10]) + std::string(kFirst[(u / 10) % 10]) +
                                         std::string(kTrade[(u / 100 + u) % 8]) + "有限公司（模拟）" +
                                         std::to_string(i);
                const std::string_view ownership = i % 7 == 0 ? "state" : (i % 11 == 0 ? "foreign" : "private");
                const std::string_view role = i % 13 == 0 ? "chain_owner" : (i % 5 == 0 ? "core" : "supporting");
                v = {std::to_string(i), name, body + *check, std::string(ownership), std::string(role), "1"};
                if (auto ok = w.row(v); !ok) return ok;
                ++report.enterprises;
            }
            return Result<void>{};
        });
}

const std::vector<std::string> kProjectColumns = {
    "id", "code", "name", "zone_id", "industry_code", "total_investment_fen", "construction_content",
    "planned_sign", "planned_start", "planned_production", "planned_capacity", "actual_sign", "actual_start",
    "actual_production", "actual_capacity", "stage", "status", "annual_planned_investment_fen",
    "expected_output_value_fen", "expected_tax_fen", "expected_jobs", "land_area_centimu", "responsible_unit",
    "responsible_post", "tags", "synthetic", "version"};

void project_row(const domain::Project& p, std::vector<DumpValue>& v) {
    v = {std::to_string(p.id),
         p.code,
         p.name,
         std::to_string(p.zone_id),
         p.industry_code,
         std::to_string(p.total_investment.fen()),
         p.construction_content,
         date_value(p.planned.sign),
         date_value(p.planned.start),
         date_value(p.planned.production),
         date_value(p.planned.capacity),
         date_value(p.actual.sign),
         date_value(p.actual.start),
         date_value(p.actual.production),
         date_value(p.actual.capacity),
         std::string(domain::to_string(p.stage)),
         std::string(domain::to_string(p.status)),
         std::to_string(p.annual_planned_investment.fen()),
         std::to_string(p.expected_output_value.fen()),
         std::to_string(p.expected_tax.fen()),
         std::to_string(p.expected_jobs),
         std::to_string(p.land_area_centimu),
         p.responsible_unit,
         p.responsible_post,
         join(p.tags),
         flag(p.synthetic),
         std::to_string(p.version)};
}

// What the tables after `projects` need of a project, kept from its one planning pass (a few
// dozen bytes instead of a whole Project, so 1,000,000 of them stay small).
struct Brief {
    std::int64_t id = 0;
    std::int64_t zone_id = 0;
    std::array<std::int64_t, 2> investors{};   // 0: none
    std::int64_t total_fen = 0;
    std::int32_t expected_jobs = 0;
    std::optional<Date> sign, start, capacity;
    bool cancelled = false;
    std::optional<domain::BatchKind> batch;
    std::string industry_code;  // what its campaign entry counts
};

Brief brief_of(const gen::PlannedProject& planned) {
    const auto& p = planned.project;
    Brief b{p.id, p.zone_id, {}, p.total_investment.fen(), p.expected_jobs, p.actual.sign, p.actual.start,
            p.actual.capacity, p.status == domain::ProjectStatus::kCancelled, planned.batch, p.industry_code};
    for (std::size_t k = 0; k < p.investor_ids.size() && k < b.investors.size(); ++k) b.investors[k] = p.investor_ids[k];
    return b;
}

// A project's monthly report for `month` when it owes one: signed by the month's end, still
// reporting (not cancelled, not at capacity before the month began).
struct ReportFigures {
    std::int64_t completed_fen = 0;
    std::int64_t arrived_fen = 0;
    std::int32_t percent = 0;
    std::int32_t jobs = 0;
};

bool owes_report(const Brief& p, Month month) {
    if (p.cancelled || !p.sign) return false;
    if (*p.sign > month.last_day()) return false;
    return !p.capacity || *p.capacity >= month.first_day();
}

ReportFigures figures(const Brief& p, Month month, demo::DemoRandom& rnd) {
    ReportFigures f;
    if (!p.start || *p.start > month.last_day()) return f;  // signed, not yet building
    const auto months_in = (month.last_day().days_since_epoch() - p.start->days_since_epoch()) / 30;
    f.percent = static_cast<std::int32_t>(std::min<std::int64_t>(100, 5 + months_in * 4));
    f.completed_fen = p.total_fen / 3000 * rnd.between(50, 150);
    f.arrived_fen = f.completed_fen / 100 * rnd.between(70, 100);
    f.jobs = static_cast<std::int32_t>(static_cast<std::int64_t>(p.expected_jobs) * f.percent / 100);
    return f;
}

const std::vector<std::string> kReportColumns = {
    "id",         "project_id",   "month",      "investment_completed_fen", "capital_arrived_fen",
    "progress_text", "percent_complete", "jobs", "status", "created_by", "created_at", "submitted_by",
    "submitted_at",  "approved_by",      "approved_at", "version"};

class Generator {
public:
    Generator(const GenOptions& o, gen::Plan plan, std::string hash)
        : options_(o), plan_(std::move(plan)), hash_(std::move(hash)) {}

    Result<void> run(RowSink& sink, GenReport& report) {
        if (auto r = write_catalog(sink, plan_, report); !r) return r;
        if (auto r = write_enterprises(sink, plan_, report); !r) return r;
        if (auto r = write_projects(sink, report); !r) return r;
        if (auto r = write_investors(sink, report); !r) return r;
        if (auto r = write_users(sink, report); !r) return r;
        if (auto r = write_campaign(sink); !r) return r;
        if (auto r = write_entries(sink, report); !r) return r;
        return write_reports(sink, report);
    }

private:
    Result<void> write_projects(RowSink& sink, GenReport& report) {
        return write_table(sink, "projects", kProjectColumns, [&](TableWriter& w) {
            std::vector<DumpValue> v;
            briefs_.clear();
            briefs_.reserve(static_cast<std::size_t>(options_.projects));
            for (std::int64_t i = 0; i < options_.projects; ++i) {
                const auto planned = gen::plan_project(options_.seed, i, plan_);
                project_row(planned.project, v);
                briefs_.push_back(brief_of(planned));
                if (auto ok = w.row(v); !ok) return ok;
                ++report.projects;
            }
            return Result<void>{};
        });
    }

    Result<void> write_investors(RowSink& sink, GenReport& report) {
        return write_table(sink, "project_investors", {"project_id", "enterprise_id", "position"}, [&](TableWriter& w) {
            std::vector<DumpValue> v(3);
            for (const auto& p : briefs_) {
                for (std::size_t k = 0; k < p.investors.size() && p.investors[k] != 0; ++k) {
                    v = {std::to_string(p.id), std::to_string(p.investors[k]), std::to_string(k)};
                    if (auto ok = w.row(v); !ok) return ok;
                    ++report.investors;
                }
            }
            return Result<void>{};
        });
    }

    Result<void> write_users(RowSink& sink, GenReport& report) {
        return write_table(sink, "users", {"id", "name", "role", "region_code", "zone_id", "password_hash", "active",
                                           "version"},
                           [&](TableWriter& w) {
                               std::vector<DumpValue> v(8);
                               std::int64_t id = 0;
                               for (const auto& a : accounts(plan_)) {
                                   v = {std::to_string(++id), a.name, std::string(a.role), a.region, a.zone_id,
                                        hash_,                "1",    "1"};
                                   if (auto ok = w.row(v); !ok) return ok;
                                   ++report.users;
                               }
                               return Result<void>{};
                           });
    }

    Result<void> write_campaign(RowSink& sink) {
        // Held on its day: the entries' projects reached their batches' stages then.
        const std::vector<std::string> columns = {"id", "name", "event_date", "year", "sequence", "status", "held_on",
                                                  "version"};
        auto c = write_table(sink, "campaigns", columns, [&](TableWriter& w) {
            const auto event = gen::campaign_event();
            std::vector<DumpValue> v = {std::to_string(kCampaignId), std::string(kGenCampaignName), event.iso(),
                                        std::to_string(event.year()), "1", "held", event.iso(), "1"};
            return w.row(v);
        });
        if (!c) return c;
        return write_table(sink, "campaign_venues", {"campaign_id", "position", "name", "region_code", "main", "zone_id"},
                           [&](TableWriter& w) {
                               std::vector<DumpValue> v(5);
                               int position = 0;
                               for (const auto& r : gen::kChinaRegions) {
                                   if (r.code != r.province_code) continue;
                                   const bool main = r.code == demo::kProvinceCode;
                                   v = {std::to_string(kCampaignId), std::to_string(position++),
                                        std::string(r.name) + (main ? "主会场" : "分会场"), std::string(r.code),
                                        flag(main), std::nullopt};
                                   if (auto ok = w.row(v); !ok) return ok;
                               }
                               return Result<void>{};
                           });
    }

    Result<void> write_entries(RowSink& sink, GenReport& report) {
        const std::vector<std::string> columns = {"campaign_id", "project_id",    "batch",         "status",
                                                  "zone_id",     "industry_code", "investment_fen"};
        return write_table(sink, "campaign_entries", columns, [&](TableWriter& w) {
            std::vector<DumpValue> v(columns.size());
            for (const auto& p : briefs_) {
                if (!p.batch) continue;
                v = {std::to_string(kCampaignId), std::to_string(p.id), std::string(domain::to_string(*p.batch)),
                     "confirmed",  std::to_string(p.zone_id), p.industry_code, std::to_string(p.total_fen)};
                if (auto ok = w.row(v); !ok) return ok;
                ++report.campaign_entries;
            }
            return Result<void>{};
        });
    }

    // Reports are written by the zone's account (or, for zones without one, by `nation`) and
    // approved by the city's account (elsewhere by the supervisor); the last month's are still
    // partly in review.
    Result<void> write_reports(RowSink& sink, GenReport& report) {
        const Month last = Month::of(gen::as_of());
        std::vector<Month> months;
        for (int k = options_.months - 1; k >= 0; --k) {
            const int index = last.year() * 12 + (last.month() - 1) - k;
            months.push_back(Month::from_ym(index / 12, index % 12 + 1).value());
        }
        return write_table(sink, "progress_reports", kReportColumns, [&](TableWriter& w) {
            std::vector<DumpValue> v;
            std::int64_t id = 0;
            for (const auto& p : briefs_) {
                const auto& zone = plan_.zones[static_cast<std::size_t>(p.zone_id - 1)];
                const std::int64_t author = zone.account.value_or(kNationUser);
                const std::int64_t reviewer = city_account(zone.zone.region.str());
                demo::DemoRandom rnd(options_.seed ^ (static_cast<std::uint64_t>(p.id) * 0xD6E8FEB86659FD93ULL));
                for (const auto month : months) {
                    if (!owes_report(p, month)) continue;
                    const auto f = figures(p, month, rnd);
                    const auto r = rnd.between(1, 100);
                    const std::string_view status =
                        month != last || r <= 60 ? "approved" : (r <= 85 ? "submitted" : "draft");
                    const auto created = at_noon(month.last_day().add_days(2));
                    const bool submitted = status != "draft";
                    const bool approved = status == "approved";
                    v = {std::to_string(++id),
                         std::to_string(p.id),
                         month.to_string(),
                         std::to_string(f.completed_fen),
                         std::to_string(f.arrived_fen),
                         f.percent > 0 ? "按计划推进（模拟数据）" : "前期手续办理中（模拟数据）",
                         std::to_string(f.percent),
                         std::to_string(f.jobs),
                         std::string(status),
                         std::to_string(author),
                         std::to_string(created),
                         submitted ? DumpValue(std::to_string(author)) : std::nullopt,
                         submitted ? DumpValue(std::to_string(created + 3600)) : std::nullopt,
                         approved ? DumpValue(std::to_string(reviewer)) : std::nullopt,
                         approved ? DumpValue(std::to_string(created + 86400)) : std::nullopt,
                         std::to_string(approved ? 3 : (submitted ? 2 : 1))};
                    if (auto ok = w.row(v); !ok) return ok;
                    ++report.progress_reports;
                }
            }
            return Result<void>{};
        });
    }

    std::int64_t city_account(const std::string& city) const {
        const auto& cities = demo::shanxi_cities();
        for (std::size_t k = 0; k < cities.size(); ++k) {
            if (cities[k].code == city) return kFirstCityUser + static_cast<std::int64_t>(k);
        }
        return kSupervisorUser;
    }

    GenOptions options_;
    gen::Plan plan_;
    std::string hash_;
    std::vector<Brief> briefs_;  // one per project, filled by write_projects
};

}  // namespace

Result<GenReport> generate_national(store::Store& store, const GenOptions& options) {
    if (options.projects < 0 || options.projects > kGenMaxProjects) {
        return Error::invalid_field("projects", "项目数须在 0 到 20000000 之间", "projects must be 0 to 20000000");
    }
    if (options.months < 0 || options.months > kGenMaxMonths) {
        return Error::invalid_field("months", "月数须在 0 到 24 之间", "months must be 0 to 24");
    }
    auto hash = secrets::hash_password(kDemoPassword);
    if (!hash) return hash.error();
    Generator generator(options, gen::plan_zones(options.seed, options.projects), *hash);
    GenReport report;
    auto done = store.import_data([&](RowSink& sink) {
        report = {};  // a retried transaction starts over
        return generator.run(sink, report);
    });
    if (!done) return done.error();
    return report;
}

}  // namespace sanpi::service
