#include "service/project_import.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "service/audit_trail.hpp"
#include "service/campaign_workflow.hpp"
#include "service/coordination_import.hpp"
#include "service/import_text.hpp"
#include "service/project_rules.hpp"
#include "service/report_import.hpp"
#include "service/secrets.hpp"
#include "sheet/upload_file.hpp"
#include "store/transact.hpp"

namespace sanpi::service {
namespace {

using domain::Money;
using domain::MoneyUnit;
using domain::ProjectView;
using store::Tx;

constexpr std::size_t kMaxUploadBytes = 64u << 20;  // sheet::Limits::max_file_bytes
constexpr std::size_t kAuditChunk = 512;            // new projects' audit entries recorded together (apply_plan)

Result<ImportCatalog> load_catalog(Tx& tx, const Principal& who) {
    auto zones = tx.list_zones(who.scope);
    if (!zones) return zones.error();
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    auto industries = tx.list_industries();
    if (!industries) return industries.error();
    ImportCatalog c;
    c.industries = std::move(*industries);
    std::map<std::string, const domain::Region*> by_code;
    for (const auto& r : *regions) {
        by_code[r.code.str()] = &r;
        if (r.code.level() == domain::RegionLevel::kProvince) c.province_names.push_back(r.name_zh);
    }
    std::map<std::string, bool> cities_seen;
    for (const auto& z : *zones) {
        const auto city = z.region.city();
        c.zones.push_back({z.id, z.code, z.name, city});
        if (cities_seen.emplace(city.str(), true).second) {
            const auto it = by_code.find(city.str());
            c.cities.push_back({city, it != by_code.end() ? it->second->name_zh : city.str()});
        }
    }
    return c;
}

// A stored project with its name's keys, computed once per import: every row of the zone is
// compared with every project of the zone, and 100,000 rows would otherwise normalise the same
// names again and again.
struct KnownProject {
    domain::Project project;
    std::string match_key;  // match_key(name): a row's name matches it exactly
    std::string loose_key;  // loose_key(name): near-duplicates are compared by it
};

std::string loose_key(std::string_view name);

// The projects of one zone in the caller's scope, loaded once per import and indexed.
class ZoneProjects {
public:
    Result<void> load(Tx& tx, const Principal& who, std::int64_t zone_id) {
        if (loaded_.count(zone_id) != 0) return {};
        loaded_[zone_id] = true;
        store::ProjectQuery q;
        q.zone_id = zone_id;
        q.limit = 500;
        q.count_total = false;
        for (q.offset = 0;; q.offset += q.limit) {
            auto page = tx.list_projects(who.scope, q);
            if (!page) return page.error();
            for (auto& v : page->items) {
                const std::string exact = match_key(v.project.name), loose = loose_key(v.project.name);
                projects_[zone_id].push_back({std::move(v.project), exact, loose});
            }
            if (static_cast<std::int64_t>(page->items.size()) < q.limit) break;
        }
        return {};
    }
    const std::vector<KnownProject>& of(std::int64_t zone_id) const {
        static const std::vector<KnownProject> kNone;
        const auto it = projects_.find(zone_id);
        return it == projects_.end() ? kNone : it->second;
    }

private:
    std::unordered_map<std::int64_t, bool> loaded_;
    std::unordered_map<std::int64_t, std::vector<KnownProject>> projects_;
};

bool has_investor(const domain::Project& p, std::int64_t enterprise_id) {
    return std::find(p.investor_ids.begin(), p.investor_ids.end(), enterprise_id) != p.investor_ids.end();
}

// Names compared loosely: without brackets, punctuation and spaces.
std::string loose_key(std::string_view name) {
    const std::string key = match_key(name);
    std::string out;
    for (std::size_t i = 0; i < key.size();) {
        const auto c = static_cast<unsigned char>(key[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        const std::string_view ch(key.data() + i, std::min(len, key.size() - i));
        i += len;
        if (len == 1 && !std::isalnum(c)) continue;
        static constexpr std::string_view kDropped[] = {"（", "）", "【", "】", "《", "》", "“", "”", "、", "，", "。", "·", "—"};
        if (std::find(std::begin(kDropped), std::end(kDropped), ch) != std::end(kDropped)) continue;
        out += ch;
    }
    return out;
}

std::vector<std::string> characters(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        out.emplace_back(s.substr(i, len));
        i += len;
    }
    return out;
}

// Levenshtein distance in characters, stopping early past `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const auto x = characters(a), y = characters(b);
    if ((x.size() > y.size() ? x.size() - y.size() : y.size() - x.size()) > limit) return limit + 1;
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return row[y.size()];
}

// Two names by their loose keys.
bool near_name(const std::string& x, const std::string& y) {
    if (x == y) return true;
    // A small edit: one character in short names, two from ten characters on.
    const std::size_t limit = std::min(characters(x).size(), characters(y).size()) >= 10 ? 2 : 1;
    return edit_distance(x, y, limit) <= limit;
}

std::string money_text(const std::optional<Money>& m) { return m ? m->to_decimal(MoneyUnit::kYuan) : ""; }
std::string date_text(const std::optional<domain::Date>& d) { return d ? d->iso() : ""; }

// The fields a row gives that differ from the stored project.
std::vector<ImportChange> changes_of(const ProjectPatch& patch, const domain::Project& p) {
    std::vector<ImportChange> out;
    // A row's text is tidied as it is read; stored text that tidies to the same is what the sheet
    // says ("年产 2GW" typed through the API, exported and imported back, is no change).
    const auto text = [&](std::string_view field, const std::optional<std::string>& row, const std::string& stored) {
        if (row && *row != stored && *row != tidy_cell_text(stored)) out.push_back({std::string(field), stored, *row});
    };
    const auto money = [&](std::string_view field, const std::optional<Money>& row, Money stored) {
        if (row && *row != stored) out.push_back({std::string(field), money_text(stored), money_text(row)});
    };
    const auto date = [&](std::string_view field, const Nullable<domain::Date>& row,
                          const std::optional<domain::Date>& stored) {
        if (row && *row != stored) out.push_back({std::string(field), date_text(stored), date_text(*row)});
    };
    text("name", patch.name, p.name);
    if (patch.zone_id && *patch.zone_id != p.zone_id) {
        out.push_back({"zone_id", std::to_string(p.zone_id), std::to_string(*patch.zone_id)});
    }
    text("industry", patch.industry_code, p.industry_code);
    text("construction_content", patch.construction_content, p.construction_content);
    text("responsible_unit", patch.responsible_unit, p.responsible_unit);
    money("total_investment", patch.total_investment, p.total_investment);
    money("annual_planned_investment", patch.annual_planned_investment, p.annual_planned_investment);
    money("expected_output_value", patch.expected_output_value, p.expected_output_value);
    money("expected_tax", patch.expected_tax, p.expected_tax);
    date("planned.sign", patch.planned_sign, p.planned.sign);
    date("planned.start", patch.planned_start, p.planned.start);
    date("planned.production", patch.planned_production, p.planned.production);
    if (patch.expected_jobs && *patch.expected_jobs != p.expected_jobs) {
        out.push_back({"expected_jobs", std::to_string(p.expected_jobs), std::to_string(*patch.expected_jobs)});
    }
    return out;
}

RowProblem row_problem(std::int64_t row, std::string field, Text reason) {
    return {row, "", std::move(field), "", std::move(reason)};
}

// An error of one row's write, told by its row: the whole commit stops on it.
Error at_row(std::int64_t row, Error e) {
    const std::string zh = "第" + std::to_string(row) + "行：", en = "row " + std::to_string(row) + ": ";
    e.message.zh = zh + e.message.zh;
    e.message.en = en + e.message.en;
    for (auto& f : e.fields) {
        f.message.zh = zh + f.message.zh;
        f.message.en = en + f.message.en;
    }
    return e;
}

}  // namespace

store::ImportCounts ImportPreview::counts() const {
    // Rejected rows, not problems: a row may have several, listed together (sorted by row).
    std::int64_t rejected_rows = 0;
    for (std::size_t i = 0; i < rejected.size(); ++i) {
        if (i == 0 || rejected[i].row != rejected[i - 1].row) ++rejected_rows;
    }
    return {static_cast<std::int64_t>(created.size()), static_cast<std::int64_t>(updated.size()),
            static_cast<std::int64_t>(unchanged.size()), rejected_rows, static_cast<std::int64_t>(repeated.size()),
            static_cast<std::int64_t>(entered.size())};
}

struct ProjectImportService::Plan {
    // A write of one of `rows`, whose patch it applies (completed with the project's investors).
    // The rows stay where the table put them: a patch is a kilobyte, a copy per row was 100 MiB
    // more at 100,000 rows.
    struct Write {
        std::size_t index = 0;        // in rows
        std::int64_t project_id = 0;  // 0: create
        std::int64_t version = 0;
        std::optional<domain::CreditCode> credit_code;  // an investor to register first
        bool near_duplicate = false;
        bool enter = false;  // into the campaign's batch, once written
    };
    ImportPreview preview;
    std::deque<ProjectRow> rows;  // the table's accepted rows
    std::vector<Write> writes;    // in the order of their rows
    std::vector<PlannedEntry> entries_only;  // unchanged projects to enter
};

namespace {

// The stored project a row is, if any: by code (refused without saying whether the code exists
// elsewhere when it is outside the caller's scope), else by investor and name in the row's zone.
struct RowMatch {
    std::optional<domain::Project> existing;
    std::optional<std::int64_t> investor;  // the row's credit code, registered already
};

// The registered investors of a plan's credit codes, each looked up once: a table lists an
// enterprise's projects on many rows.
using KnownInvestors = std::unordered_map<std::string, std::optional<std::int64_t>>;

Result<std::variant<RowMatch, RowProblem>> match_row(Tx& tx, const Principal& who, const ProjectRow& row,
                                                     const ZoneProjects& zones, KnownInvestors& investors) {
    RowMatch m;
    if (row.credit_code) {
        std::string code(row.credit_code->str());
        auto known = investors.find(code);
        if (known == investors.end()) {
            // Only an enterprise the caller sees is matched; another reads as unregistered (no oracle).
            auto e = tx.find_visible_enterprise(enterprise_scope(who), code);
            if (!e) return e.error();
            known = investors.emplace(std::move(code), *e ? std::optional<std::int64_t>((*e)->id) : std::nullopt).first;
        }
        m.investor = known->second;
    }
    if (row.credit_code && !m.investor && row.enterprise.empty()) {
        return row_problem(row.row, "enterprise",
                           {"该信用代码的企业尚未登记，须填写投资主体名称",
                            "the credit code is not registered yet: give the investor's name"});
    }
    if (row.patch.code) {
        auto found = tx.find_project_by_code(*row.patch.code);
        if (!found) return found.error();
        if (*found) {
            auto visible = tx.get_project(who.scope, (*found)->id);
            if (!visible) return visible.error();
            if (!*visible) return row_problem(row.row, "code", {"项目编码不可用", "the project code cannot be used"});
            m.existing = (*visible)->project;
        }
    } else if (m.investor) {
        const std::string key = match_key(row.patch.name.value_or(""));
        for (const auto& known : zones.of(row.patch.zone_id.value_or(0))) {
            if (has_investor(known.project, *m.investor) && known.match_key == key) m.existing = known.project;
        }
    }
    return m;
}

enum class EntryPlan { kEnter, kAlreadyEntered };

// Whether a row of a batch list goes into the batch: a stored project by the campaign rules as
// of the event day; a new project only into a sign batch, the one batch a project needs no
// earlier stage for (a start or production batch lists projects the library already holds).
Result<std::variant<EntryPlan, RowProblem>> plan_entry(Tx& tx, const domain::Campaign& campaign, domain::BatchKind batch,
                                               const ProjectRow& row, const std::optional<domain::Project>& existing) {
    if (!existing) {
        if (batch == domain::BatchKind::kSign) return std::variant<EntryPlan, RowProblem>(EntryPlan::kEnter);
        return std::variant<EntryPlan, RowProblem>(row_problem(row.row, "batch",
                           {"项目库中没有该项目（按项目编码，或信用代码与项目名称），" + std::string(domain::label_zh(batch)) +
                                "只能登记已有项目",
                            "no stored project matches the row (by code, or credit code and name); the " +
                                std::string(domain::to_string(batch)) + " batch takes stored projects only"}));
    }
    auto entry = tx.get_campaign_entry(campaign.id, existing->id, batch);
    if (!entry) return entry.error();
    if (*entry) return std::variant<EntryPlan, RowProblem>(EntryPlan::kAlreadyEntered);  // a planned campaign's entries are never withdrawn
    if (auto ok = check_enterable(tx, campaign, *existing, batch); !ok) {
        const auto code = ok.error().code;
        if (code != ErrorCode::kInvalidInput && code != ErrorCode::kConflict) return ok.error();
        // An invalid-field error says the reason in its field; a conflict in its message.
        const auto& e = ok.error();
        return std::variant<EntryPlan, RowProblem>(
            RowProblem{row.row, "", "batch", "", e.fields.empty() ? e.message : e.fields.front().message});
    }
    return std::variant<EntryPlan, RowProblem>(EntryPlan::kEnter);
}

// The campaign a batch list is for: it must exist and still be planned (held campaigns are locked).
Result<domain::Campaign> open_campaign(Tx& tx, std::int64_t id) {
    auto campaign = tx.get_campaign(id);
    if (!campaign) return campaign.error();
    if (!*campaign) return Error::invalid_field("campaign", "活动不存在", "no such campaign");
    if ((*campaign)->status != domain::CampaignStatus::kPlanning) {
        return Error::invalid_field("campaign", "活动「" + (*campaign)->name + "」已举行，批次清单已锁定",
                                    "campaign " + (*campaign)->name + " was held: its batch lists are locked");
    }
    return std::move(**campaign);
}

}  // namespace

Result<ImportPreview> ProjectImportService::run_other(Tx& tx, const Principal& who, const store::ImportRecord& record,
                                                    const std::string& content, bool write) {
    auto file = sheet::UploadFile::of(content);
    if (!file) return file.error();
    auto reader = sheet::open_sheet(file->path());
    if (!reader) return reader.error();
    auto catalog = load_catalog(tx, who);
    if (!catalog) return catalog.error();
    const ImportZone* default_zone = nullptr;
    const auto zone_id = record.zone_id ? record.zone_id : who.user.zone_id;
    for (const auto& z : catalog->zones) {
        if (zone_id && z.id == *zone_id) default_zone = &z;
    }
    const KindImportContext context{*catalog, default_zone, static_cast<std::size_t>(record.sheet), progress_};
    auto preview = record.kind == "reports" ? ReportImport(reports_).run(tx, who, **reader, context, write)
                                            : CoordinationImport(coordination_).run(tx, who, **reader, context, write);
    if (!preview) return preview.error();
    preview->record = record;
    // A CSV's one sheet is named after its file: the upload's, not the temporary copy's.
    if (preview->sheet == std::filesystem::path(file->path()).stem().string()) {
        preview->sheet = std::filesystem::path(record.file_name).stem().string();
    }
    return preview;
}

Result<ProjectImportService::Plan> ProjectImportService::plan(Tx& tx, const Principal& who,
                                                              const store::ImportRecord& record,
                                                              const std::string& content, bool write_other) {
    if (record.kind == "reports" || record.kind == "coordination") {
        auto other = run_other(tx, who, record, content, write_other);
        if (!other) return other.error();
        Plan planned;
        planned.preview = std::move(*other);
        return planned;
    }
    auto file = sheet::UploadFile::of(content);
    if (!file) return file.error();
    auto reader = sheet::open_sheet(file->path());
    if (!reader) return reader.error();
    auto catalog = load_catalog(tx, who);
    if (!catalog) return catalog.error();
    Plan plan;
    ImportPreview& preview = plan.preview;
    const bool entries = record.kind == "entries";
    if (entries) {
        if (!record.campaign_id || !record.batch) {
            return Error::invalid_field(record.campaign_id ? "batch" : "campaign", "批次清单须指明活动和批次",
                                        "a batch list names its campaign and batch");
        }
        auto campaign = open_campaign(tx, *record.campaign_id);
        if (!campaign) return campaign.error();
        preview.campaign = std::move(*campaign);
    }

    const ImportZone* default_zone = nullptr;
    const auto zone_id = record.zone_id ? record.zone_id : who.user.zone_id;
    for (const auto& z : catalog->zones) {
        if (zone_id && z.id == *zone_id) default_zone = &z;
    }
    const ProjectTableOptions options{static_cast<std::size_t>(record.sheet), default_zone, clock_.today(), progress_};
    auto table = read_project_table(**reader, *catalog, options);
    if (!table) return table.error();

    preview.record = record;
    // A CSV's one sheet is named after its file: the upload's, not the temporary copy's.
    const bool csv_sheet = table->sheet == std::filesystem::path(file->path()).stem().string();
    preview.sheet = csv_sheet ? std::filesystem::path(record.file_name).stem().string() : table->sheet;
    preview.title = table->layout.title;
    preview.rejected = std::move(table->rejected);
    preview.repeated = std::move(table->repeated);
    preview.total_checks = std::move(table->total_checks);
    preview.layout = std::move(table->layout);

    ZoneProjects zones;
    KnownInvestors investors;
    plan.rows = std::move(table->accepted);
    for (std::size_t index = 0; index < plan.rows.size(); ++index) {
        auto& row = plan.rows[index];
        const std::int64_t zone = row.patch.zone_id.value_or(0);
        if (auto loaded = zones.load(tx, who, zone); !loaded) return loaded.error();
        auto matched = match_row(tx, who, row, zones, investors);
        if (!matched) return matched.error();
        if (auto* problem = std::get_if<RowProblem>(&*matched)) {
            preview.rejected.push_back(std::move(*problem));
            continue;
        }
        auto& [existing, investor] = std::get<RowMatch>(*matched);
        bool enter = false;
        if (entries) {
            auto entry = plan_entry(tx, *preview.campaign, *record.batch, row, existing);
            if (!entry) return entry.error();
            if (auto* problem = std::get_if<RowProblem>(&*entry)) {
                preview.rejected.push_back(std::move(*problem));
                continue;
            }
            if (std::get<EntryPlan>(*entry) == EntryPlan::kAlreadyEntered) {
                preview.already_entered.push_back(row.row);
            } else {
                enter = true;
            }
        }

        Plan::Write write{index, 0, 0, std::nullopt, false, enter};
        if (row.credit_code && !investor) write.credit_code = row.credit_code;
        const std::string name = row.patch.name.value_or("");
        if (existing) {
            auto changes = changes_of(row.patch, *existing);
            const bool new_investor = row.credit_code && (!investor || !has_investor(*existing, *investor));
            if (new_investor) changes.push_back({"investors", "", row.enterprise.empty() ? row.credit_code->str() : row.enterprise});
            if (enter) preview.entered.push_back({row.row, existing->id, existing->name});
            if (changes.empty()) {
                preview.unchanged.push_back(row.row);
                if (enter) plan.entries_only.push_back({row.row, existing->id, existing->name});
                continue;
            }
            write.project_id = existing->id;
            write.version = existing->version;
            if (new_investor) {
                row.patch.investor_ids = existing->investor_ids;
                if (investor) row.patch.investor_ids->push_back(*investor);
            }
            preview.updated.push_back({row.row, existing->id, existing->code, std::move(changes)});
            plan.writes.push_back(std::move(write));
            continue;
        }
        // Near duplicates: the same investor and a nearly equal name; without a credit code the
        // row cannot be matched, so any project of the zone with the same name (loosely) is one.
        if (investor) row.patch.investor_ids = std::vector<std::int64_t>{*investor};
        const std::string loose = loose_key(name);
        for (const auto& known : zones.of(zone)) {
            const auto& p = known.project;
            const bool same = investor ? has_investor(p, *investor) && near_name(known.loose_key, loose)
                                       : !row.credit_code && known.loose_key == loose;
            if (same) {
                preview.near_duplicates.push_back({row.row, name, p.id, p.name});
                write.near_duplicate = true;
                break;
            }
        }
        if (!write.near_duplicate) {
            preview.created.push_back({row.row, name, zone});
            if (enter) preview.entered.push_back({row.row, 0, name});
        }
        plan.writes.push_back(std::move(write));
    }
    std::sort(preview.rejected.begin(), preview.rejected.end(),
              [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
    return plan;
}

Result<store::ImportRecord> ProjectImportService::owned_import(Tx& tx, const Principal& who, std::int64_t import_id) {
    auto record = tx.get_import(import_id);
    if (!record) return record.error();
    if (!*record || (*record)->created_by != who.user.id) return Error::not_found("导入记录", "import");
    return **record;
}

Result<void> ProjectImportService::check_upload(const Principal& who, const ImportUpload& upload) {
    if (auto r = require_project_writer(who); !r) return r.error();
    if (!import_kind_from_string(upload.kind)) {
        return Error::invalid_field("kind", "可导入的表：项目表（projects）、批次清单（entries）、月报（reports）、协调事项（coordination）",
                                    "the tables that can be imported: projects, entries (a campaign's batch list), "
                                    "reports (monthly progress), coordination (coordination items)");
    }
    if (upload.kind == "entries") {
        if (!upload.campaign_id) return Error::invalid_field("campaign", "批次清单须指明活动", "a batch list names its campaign");
        if (!upload.batch) return Error::invalid_field("batch", "批次清单须指明批次", "a batch list names its batch");
    } else if (upload.campaign_id || upload.batch) {
        return Error::invalid_field(upload.campaign_id ? "campaign" : "batch", "只有批次清单（entries）指明活动和批次",
                                    "only a batch list (kind entries) names a campaign and batch");
    }
    if (upload.content.empty()) return Error::invalid_field("file", "文件为空", "the file is empty");
    if (upload.content.size() > kMaxUploadBytes) {
        return Error::invalid_field("file", "文件超过64 MiB", "the file is larger than 64 MiB");
    }
    if (upload.sheet < 0) return Error::invalid_field("sheet", "工作表序号不能为负", "the sheet number cannot be negative");
    return {};
}

Result<store::ImportRecord> ProjectImportService::new_record(Tx& tx, const Principal& who, const ImportUpload& upload) {
    store::ImportRecord record;
    record.kind = upload.kind;
    record.file_name = upload.file_name.empty() ? "upload" : upload.file_name;
    record.checksum = secrets::blake2b_256_hex(upload.content);
    record.byte_size = static_cast<std::int64_t>(upload.content.size());
    record.sheet = upload.sheet;
    record.campaign_id = upload.campaign_id;
    record.batch = upload.batch;
    record.created_by = who.user.id;
    record.created_at = clock_.now();
    if (upload.zone_code) {
        auto zone = tx.find_zone_by_code(*upload.zone_code);
        if (!zone) return zone.error();
        std::optional<domain::Zone> visible;
        if (*zone) {
            auto scoped = tx.get_zone(who.scope, (*zone)->id);
            if (!scoped) return scoped.error();
            visible = *scoped;
        }
        if (!visible) {
            return Error::invalid_field("zone", "开发区不存在或不在您的管辖范围内",
                                        "the zone does not exist or is outside your scope");
        }
        record.zone_id = visible->id;
    }
    return record;
}

Result<ImportPreview> ProjectImportService::preview(const Principal& who, const ImportUpload& upload) {
    if (auto r = check_upload(who, upload); !r) return r.error();
    return store::write_value<ImportPreview>(store_, [&](Tx& tx) -> Result<ImportPreview> {
        auto record = new_record(tx, who, upload);
        if (!record) return record.error();
        auto planned = plan(tx, who, *record, upload.content);
        if (!planned) return planned.error();
        auto id = tx.insert_import(*record, upload.content);
        if (!id) return id.error();
        planned->preview.record.id = *id;
        return std::move(planned->preview);
    });
}

Result<ImportPreview> ProjectImportService::import_now(const Principal& who, const ImportUpload& upload) {
    if (auto r = check_upload(who, upload); !r) return r.error();
    const domain::Date today = clock_.today();
    return store::write_value<ImportPreview>(store_, [&](Tx& tx) -> Result<ImportPreview> {
        auto record = new_record(tx, who, upload);
        if (!record) return record.error();
        auto id = tx.insert_import(*record, upload.content);
        if (!id) return id.error();
        record->id = *id;
        auto planned = plan(tx, who, *record, upload.content, true);
        if (!planned) return planned.error();
        return apply_plan(tx, who, *record, std::move(*planned), {}, today);
    });
}

struct ProjectImportService::Replanned {
    store::ImportRecord record;
    std::string content;
    Plan plan;
};

Result<ProjectImportService::Replanned> ProjectImportService::replan(Tx& tx, const Principal& who,
                                                                     std::int64_t import_id) {
    auto record = owned_import(tx, who, import_id);
    if (!record) return record.error();
    auto content = tx.import_content(import_id);
    if (!content) return content.error();
    auto planned = plan(tx, who, *record, content->value_or(""));
    if (!planned) return planned.error();
    return Replanned{std::move(*record), std::move(*content).value_or(""), std::move(*planned)};
}

Result<ImportPreview> ProjectImportService::show(const Principal& who, std::int64_t import_id) {
    return store::read_value<ImportPreview>(store_, [&](Tx& tx) -> Result<ImportPreview> {
        auto replanned = replan(tx, who, import_id);
        if (!replanned) return replanned.error();
        return std::move(replanned->plan.preview);
    });
}

Result<RejectedRows> ProjectImportService::rejected_rows(const Principal& who, std::int64_t import_id) {
    return store::read_value<RejectedRows>(store_, [&](Tx& tx) -> Result<RejectedRows> {
        auto replanned = replan(tx, who, import_id);
        if (!replanned) return replanned.error();
        const auto* record = &replanned->record;
        const auto& preview = replanned->plan.preview;
        RejectedRows out;
        out.file_name = record->file_name;
        out.title = preview.title;
        out.table_unit = preview.layout.table_unit;
        for (const auto& c : preview.layout.columns) {
            // A unit the group label gave (投资情况（亿元） / 总投资) goes with the column's own name.
            std::string header = one_row_header(c.header);
            const auto own = match_header(header);
            if (c.unit && own && !own->unit) header += "（" + std::string(domain::unit_label_zh(*c.unit)) + "）";
            out.headers.emplace_back(c.column, std::move(header));
        }
        for (const auto& i : preview.layout.ignored) out.headers.emplace_back(i.column, one_row_header(i.header));
        std::sort(out.headers.begin(), out.headers.end());
        auto file = sheet::UploadFile::of(replanned->content);
        if (!file) return file.error();
        auto reader = sheet::open_sheet(file->path());
        if (!reader) return reader.error();
        auto rows = gather_rejected_rows(**reader, static_cast<std::size_t>(record->sheet), preview.rejected);
        if (!rows) return rows.error();
        out.rows = std::move(*rows);
        return out;
    });
}

Result<ImportPreview> ProjectImportService::commit(const Principal& who, std::int64_t import_id,
                                                   const CommitChoices& choices) {
    if (auto r = require_project_writer(who); !r) return r.error();
    const domain::Date today = clock_.today();
    return store::write_value<ImportPreview>(store_, [&](Tx& tx) -> Result<ImportPreview> {
        auto record = owned_import(tx, who, import_id);
        if (!record) return record.error();
        if (record->committed) return Error::conflict("该导入已提交", "this import was already committed");
        auto content = tx.import_content(import_id);
        if (!content) return content.error();
        auto planned = plan(tx, who, *record, content->value_or(""), true);
        if (!planned) return planned.error();
        return apply_plan(tx, who, *record, std::move(*planned), choices, today);
    });
}

// Every planned write, in the caller's transaction: the import's rows, its record marked
// committed with its counts, and the commit's audit entry.
Result<ImportPreview> ProjectImportService::apply_plan(Tx& tx, const Principal& who, const store::ImportRecord& record,
                                                       Plan planned, const CommitChoices& choices, domain::Date today) {
    const std::int64_t import_id = record.id;
    ImportPreview& preview = planned.preview;
    CampaignWorkflow campaigns(tx, clock_);
    const auto enter = [&](std::int64_t row, std::int64_t project_id) -> Result<void> {
        auto entered = campaigns.enter({who, Actor::of(who)}, *record.campaign_id, project_id, *record.batch);
        if (!entered) return at_row(row, entered.error());
        return {};
    };
    // The first failed write fails the commit (at_row), so none needs undoing alone.
    const auto creates = std::count_if(planned.writes.begin(), planned.writes.end(),
                                       [](const Plan::Write& w) { return w.project_id == 0; });
    if (auto bulk = tx.begin_bulk(creates); !bulk) return bulk.error();
    // The new projects' audit entries, recorded a chunk at a time: each append locks and moves
    // the chain head once, and a chunk's entries are held in memory (about 3 KiB each).
    std::vector<AuditEvent> audit;
    const auto record_audit = [&]() -> Result<void> {
        if (audit.empty()) return {};
        auto r = AuditTrail(clock_).record_all(tx, Actor::of(who), std::move(audit));
        audit.clear();
        return r;
    };
    std::map<std::string, std::int64_t> registered;  // credit code → enterprise created here
    std::unordered_map<std::int64_t, std::size_t> entered_at;  // sheet row → its place in preview.entered
    for (std::size_t i = 0; i < preview.entered.size(); ++i) entered_at[preview.entered[i].row] = i;
    // Each row is let go once its write is done (the writes come in the rows' order): held to the
    // end, 100,000 rows of a kilobyte and more each stayed beside SQLite's page cache as it grew.
    std::size_t first_held = 0;  // the index of planned.rows.front()
    for (auto& w : planned.writes) {
        for (; first_held < w.index; ++first_held) planned.rows.pop_front();
        ProjectRow& planned_row = planned.rows.front();
        const std::int64_t row = planned_row.row;
        ProjectPatch& patch = planned_row.patch;
        if (w.near_duplicate) {
            const auto& chosen = choices.create_near_duplicates;
            if (std::find(chosen.begin(), chosen.end(), row) == chosen.end()) continue;
            preview.created.push_back({row, patch.name.value_or(""), patch.zone_id.value_or(0)});
            if (w.enter) {
                entered_at[row] = preview.entered.size();
                preview.entered.push_back({row, 0, patch.name.value_or("")});
            }
        }
        if (w.credit_code) {
            // An investor new to the register, created once however many rows name it.
            auto known = registered.find(w.credit_code->str());
            if (known == registered.end()) {
                auto e = enterprises_.create_in(tx, who, {planned_row.enterprise, w.credit_code->str()});
                if (!e) return at_row(row, e.error());
                known = registered.emplace(w.credit_code->str(), e->id).first;
            }
            if (!patch.investor_ids) patch.investor_ids.emplace();
            patch.investor_ids->push_back(known->second);
        }
        std::int64_t written_id = 0;
        if (w.project_id == 0) {
            auto created = projects_.create_in_bulk(tx, who, patch, today, "import.project.create", audit);
            if (!created) return at_row(row, created.error());
            written_id = *created;
            if (audit.size() >= kAuditChunk) {
                if (auto r = record_audit(); !r) return r.error();
            }
        } else {
            auto updated = projects_.update_in(tx, who, w.project_id, w.version, patch, today, "import.project.update");
            if (!updated) return at_row(row, updated.error());
            written_id = updated->project.id;
        }
        if (!w.enter) continue;
        if (auto r = enter(row, written_id); !r) return r.error();
        if (auto at = entered_at.find(row); at != entered_at.end()) preview.entered[at->second].project_id = written_id;
    }
    if (auto r = record_audit(); !r) return r.error();
    for (const auto& e : planned.entries_only) {
        if (auto r = enter(e.row, e.project_id); !r) return r.error();
    }
    std::sort(preview.created.begin(), preview.created.end(),
              [](const PlannedCreate& a, const PlannedCreate& b) { return a.row < b.row; });
    std::sort(preview.entered.begin(), preview.entered.end(),
              [](const PlannedEntry& a, const PlannedEntry& b) { return a.row < b.row; });
    const auto counts = preview.counts();
    auto finished = tx.finish_import(import_id, counts, clock_.now());
    if (!finished) return finished.error();
    if (!*finished) return Error::conflict("该导入已提交", "this import was already committed");
    domain::FieldValues after{{"file_name", record.file_name},
                              {"checksum", record.checksum},
                              {"created", std::to_string(counts.created)},
                              {"updated", std::to_string(counts.updated)},
                              {"unchanged", std::to_string(counts.unchanged)},
                              {"rejected", std::to_string(counts.rejected)},
                              {"repeated", std::to_string(counts.repeated)}};
    if (record.campaign_id) {
        after["campaign_id"] = std::to_string(*record.campaign_id);
        after["batch"] = std::string(domain::to_string(*record.batch));
        after["entered"] = std::to_string(counts.entered);
    }
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), "import.commit", "import", import_id, {}, after);
        !r) {
        return r.error();
    }
    auto stored = tx.get_import(import_id);
    if (!stored) return stored.error();
    if (*stored) preview.record = **stored;
    return std::move(preview);
}

}  // namespace sanpi::service
