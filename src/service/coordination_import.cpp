#include "service/coordination_import.hpp"

#include <array>
#include <map>
#include <utility>

#include "service/import_cells.hpp"
#include "service/import_project_ref.hpp"
#include "service/import_text.hpp"

namespace sanpi::service {
namespace {

using F = ImportField;
using domain::CoordinationCategory;
using domain::CoordinationLevel;

constexpr std::array<std::pair<std::string_view, CoordinationCategory>, 24> kCategoryWords{{
    {"土地", CoordinationCategory::kLand},
    {"用地", CoordinationCategory::kLand},
    {"土地要素", CoordinationCategory::kLand},
    {"规划审批", CoordinationCategory::kPlanningApproval},
    {"规划", CoordinationCategory::kPlanningApproval},
    {"审批", CoordinationCategory::kPlanningApproval},
    {"手续办理", CoordinationCategory::kPlanningApproval},
    {"前期手续", CoordinationCategory::kPlanningApproval},
    {"融资", CoordinationCategory::kFinancing},
    {"资金", CoordinationCategory::kFinancing},
    {"资金保障", CoordinationCategory::kFinancing},
    {"水电气暖", CoordinationCategory::kUtilities},
    {"水电气", CoordinationCategory::kUtilities},
    {"水电", CoordinationCategory::kUtilities},
    {"供电", CoordinationCategory::kUtilities},
    {"基础设施配套", CoordinationCategory::kUtilities},
    {"用工", CoordinationCategory::kLabour},
    {"劳动力", CoordinationCategory::kLabour},
    {"招工", CoordinationCategory::kLabour},
    {"环保", CoordinationCategory::kEnvironment},
    {"环评", CoordinationCategory::kEnvironment},
    {"环境", CoordinationCategory::kEnvironment},
    {"其他", CoordinationCategory::kOther},
    {"其它", CoordinationCategory::kOther},
}};

constexpr std::array<std::pair<std::string_view, CoordinationLevel>, 9> kLevelWords{{
    {"开发区", CoordinationLevel::kZone},
    {"开发区级", CoordinationLevel::kZone},
    {"区级", CoordinationLevel::kZone},
    {"园区", CoordinationLevel::kZone},
    {"市级", CoordinationLevel::kCity},
    {"市", CoordinationLevel::kCity},
    {"省级", CoordinationLevel::kProvince},
    {"省", CoordinationLevel::kProvince},
    {"省直", CoordinationLevel::kProvince},
}};

struct ItemWrite {
    std::int64_t row = 0;
    std::int64_t project_id = 0;
    std::int64_t item_id = 0;  // 0: create
    std::int64_t version = 0;
    CoordinationInput input;
};

CoordinationInput read_item_input(ImportRowCells& cells, bool date1904) {
    CoordinationInput in;
    if (auto text = cells.text(F::kCategory)) {
        in.category = coordination_category_named(*text);
        if (!in.category) {
            cells.problem(F::kCategory, {"无法识别的问题类别，应为 土地、规划审批、融资、水电气暖、用工、环保 或 其他",
                                         "unknown category; expected land, planning_approval, financing, utilities, "
                                         "labour, environment or other"});
        }
    }
    in.description = cells.text(F::kDescription);
    if (!in.description) {
        cells.problem(F::kDescription, cells.has_column(F::kDescription)
                                           ? Text{"须填写问题描述", "description is required"}
                                           : Text{"表中没有“问题描述”列", "the table has no description column"});
    }
    if (auto text = cells.text(F::kLevel)) {
        in.level = coordination_level_named(*text);
        if (!in.level) {
            cells.problem(F::kLevel, {"无法识别的协调层级，应为 开发区、市级 或 省级",
                                      "unknown level; expected zone, city or province"});
        }
    }
    in.responsible_department = cells.text(F::kResponsibleUnit);
    if (const auto* c = cells.cell(F::kDeadline)) {
        if (auto d = cells.value(F::kDeadline, read_date(*c, date1904, "deadline"))) in.deadline = d->date;
    }
    return in;
}

// The fields a row gives that differ from the stored item, and the input that changes only those.
struct ItemChanges {
    std::vector<ImportChange> changes;
    CoordinationInput input;
};

ItemChanges item_changes(const CoordinationInput& in, const domain::CoordinationItem& item) {
    ItemChanges out;
    if (in.category && *in.category != item.category) {
        out.changes.push_back(
            {"category", std::string(to_string(item.category)), std::string(to_string(*in.category))});
        out.input.category = in.category;
    }
    if (in.level && *in.level != item.level) {
        out.changes.push_back({"level", std::string(to_string(item.level)), std::string(to_string(*in.level))});
        out.input.level = in.level;
    }
    if (in.responsible_department && *in.responsible_department != item.responsible_department) {
        out.changes.push_back({"responsible_department", item.responsible_department, *in.responsible_department});
        out.input.responsible_department = in.responsible_department;
    }
    if (in.deadline && *in.deadline != item.deadline) {
        out.changes.push_back({"deadline", item.deadline.iso(), in.deadline->iso()});
        out.input.deadline = in.deadline;
    }
    return out;
}

class ItemPlanner {
public:
    ItemPlanner(store::Tx& tx, const Principal& who, CoordinationService& items, const KindImportContext& context,
                bool date1904)
        : tx_(tx), who_(who), items_(items), context_(context), date1904_(date1904), finder_(tx, who) {}

    void add(const sheet::Row& row, const TableLayout& layout) {
        if (failed_) return;
        ImportRowCells cells(row, layout, coordination_field_name);
        const auto ref = read_project_reference(cells, context_.catalog, context_.default_zone);
        const auto input = read_item_input(cells, date1904_);
        if (cells.ok()) {
            if (auto r = plan(cells, ref, input); !r) failed_ = r.error();
        }
        for (auto& p : cells.take_problems()) preview_.rejected.push_back(std::move(p));
    }

    ImportPreview& preview() { return preview_; }
    std::vector<ItemWrite>& writes() { return writes_; }
    const std::optional<Error>& failed() const { return failed_; }

private:
    Result<void> plan(ImportRowCells& cells, const ProjectReference& ref, const CoordinationInput& input) {
        auto found = finder_.find(ref, cells);
        if (!found) return found.error();
        if (!*found) return {};
        const domain::Project& project = **found;
        const std::string key = match_key(*input.description);
        const auto [first, fresh] = seen_.try_emplace({project.id, key}, cells.row());
        if (!fresh) {
            preview_.repeated.push_back({cells.row(), first->second});
            return {};
        }
        auto stored = stored_item(project.id, key);
        if (!stored) return stored.error();
        if (!*stored) return plan_create(cells, project, input);
        return plan_update(cells, project, **stored, input);
    }

    // The project's item of the same description, if any (the project's items read once).
    Result<std::optional<store::CoordinationItemRecord>> stored_item(std::int64_t project_id, const std::string& key) {
        auto [at, fresh] = items_of_.try_emplace(project_id);
        if (fresh) {
            store::CoordinationQuery q;
            q.project_id = project_id;
            q.limit = 500;
            for (q.offset = 0;; q.offset += q.limit) {
                auto page = tx_.list_coordination_items(who_.scope, q);
                if (!page) return page.error();
                for (auto& r : page->items) at->second.push_back(std::move(r));
                if (static_cast<std::int64_t>(page->items.size()) < q.limit) break;
            }
        }
        for (const auto& r : at->second) {
            if (match_key(r.item.description) == key) return std::optional<store::CoordinationItemRecord>(r);
        }
        return std::optional<store::CoordinationItemRecord>();
    }

    Result<void> plan_create(ImportRowCells& cells, const domain::Project& project, const CoordinationInput& input) {
        auto checked = items_.check_create_in(tx_, who_, project.id, input);
        if (!checked) return refuse(cells, checked.error());
        PlannedCreate c{cells.row(), project.name, project.zone_id};
        c.project_id = project.id;
        c.code = project.code;
        c.description = *input.description;
        preview_.created.push_back(std::move(c));
        writes_.push_back({cells.row(), project.id, 0, 0, input});
        return {};
    }

    Result<void> plan_update(ImportRowCells& cells, const domain::Project& project,
                             const store::CoordinationItemRecord& stored, const CoordinationInput& input) {
        auto diff = item_changes(input, stored.item);
        if (diff.changes.empty()) {
            preview_.unchanged.push_back(cells.row());
            return {};
        }
        auto checked = items_.check_update_in(who_, stored, diff.input);
        if (!checked) return refuse(cells, checked.error());
        PlannedUpdate u{cells.row(), project.id, project.code, std::move(diff.changes)};
        u.record_id = stored.item.id;
        u.name = project.name;
        u.description = stored.item.description;
        preview_.updated.push_back(std::move(u));
        writes_.push_back({cells.row(), project.id, stored.item.id, stored.item.version, std::move(diff.input)});
        return {};
    }

    // A refusal of the API's checks lands on the row (its fields' columns; else the
    // description's); anything else (the store failing, the role) ends the import.
    Result<void> refuse(ImportRowCells& cells, const Error& e) {
        if (e.code != ErrorCode::kInvalidInput && e.code != ErrorCode::kConflict && e.code != ErrorCode::kNotFound) {
            return e;
        }
        cells.api_problems(e, F::kDescription);
        return {};
    }

    store::Tx& tx_;
    const Principal& who_;
    CoordinationService& items_;
    const KindImportContext& context_;
    bool date1904_;
    ImportProjectFinder finder_;
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> seen_;  // (project, description) → first row
    std::map<std::int64_t, std::vector<store::CoordinationItemRecord>> items_of_;
    ImportPreview preview_;
    std::vector<ItemWrite> writes_;
    std::optional<Error> failed_;
};

}  // namespace

std::string_view coordination_field_name(ImportField field) {
    return field == F::kResponsibleUnit ? std::string_view("responsible_department") : import_field_name(field);
}

std::optional<CoordinationCategory> coordination_category_named(std::string_view text) {
    const std::string key = match_key(text);
    if (auto named = domain::coordination_category_from_string(key)) return named;
    for (const auto c :
         {CoordinationCategory::kLand, CoordinationCategory::kPlanningApproval, CoordinationCategory::kFinancing,
          CoordinationCategory::kUtilities, CoordinationCategory::kLabour, CoordinationCategory::kEnvironment,
          CoordinationCategory::kOther}) {
        if (key == match_key(domain::label_zh(c)) || key == match_key(domain::label_en(c))) return c;
    }
    for (const auto& [word, category] : kCategoryWords) {
        if (key == word) return category;
    }
    return std::nullopt;
}

std::optional<CoordinationLevel> coordination_level_named(std::string_view text) {
    const std::string key = match_key(text);
    if (auto named = domain::coordination_level_from_string(key)) return named;
    for (const auto& [word, level] : kLevelWords) {
        if (key == word) return level;
    }
    return std::nullopt;
}

Result<ImportPreview> CoordinationImport::run(store::Tx& tx, const Principal& who, sheet::SheetReader& reader,
                                              const KindImportContext& context, bool write) {
    const auto role = who.user.role;
    if (!who.user.active ||
        (role != domain::Role::kProvince && role != domain::Role::kCity && role != domain::Role::kZone)) {
        return Error::forbidden("您的角色只能查看问题诉求", "your role may only read coordination items");
    }
    ItemPlanner planner(tx, who, items_, context, reader.date1904());
    auto table = read_import_table(reader, {context.sheet, ImportKind::kCoordination, context.progress},
                                   [&](const sheet::Row& row, const TableLayout& layout) { planner.add(row, layout); });
    if (!table) return table.error();
    if (planner.failed()) return *planner.failed();
    ImportPreview& preview = planner.preview();
    preview.sheet = table->sheet;
    preview.title = table->layout.title;
    preview.layout = std::move(table->layout);
    preview.total_checks = std::move(table->total_checks);
    if (write) {
        // The first failed write fails the commit, so none needs undoing alone.
        if (auto bulk = tx.begin_bulk(0); !bulk) return bulk.error();
        for (const auto& w : planner.writes()) {
            if (w.item_id == 0) {
                auto id = items_.create_in(tx, who, w.project_id, w.input, "import.coordination_item.create");
                if (!id) return error_at_row(w.row, id.error());
            } else if (auto r =
                           items_.update_in(tx, who, w.item_id, w.version, w.input, "import.coordination_item.update");
                       !r) {
                return error_at_row(w.row, r.error());
            }
        }
    }
    return std::move(preview);
}

}  // namespace sanpi::service
