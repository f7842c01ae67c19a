#include "service/project_import_row.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/validation.hpp"
#include "service/import_cells.hpp"
#include "service/import_text.hpp"

namespace sanpi::service {
namespace {

using domain::Stage;

constexpr std::array<std::pair<std::string_view, Stage>, 19> kStageNames{{
    {"储备", Stage::kReserve},        {"谋划", Stage::kReserve},        {"reserve", Stage::kReserve},
    {"签约", Stage::kSigned},         {"已签约", Stage::kSigned},       {"signed", Stage::kSigned},
    {"开工", Stage::kStarted},        {"已开工", Stage::kStarted},      {"在建", Stage::kStarted},
    {"started", Stage::kStarted},     {"投产", Stage::kProducing},      {"已投产", Stage::kProducing},
    {"producing", Stage::kProducing}, {"达产", Stage::kAtCapacity},     {"达产达效", Stage::kAtCapacity},
    {"已达产", Stage::kAtCapacity},   {"atcapacity", Stage::kAtCapacity}, {"at_capacity", Stage::kAtCapacity},
    {"capacity", Stage::kAtCapacity},
}};

class RowReader {
public:
    RowReader(const sheet::Row& row, const ProjectRowContext& context) : row_(row), context_(context) {}

    const sheet::Cell* cell(ImportField field) const {
        const auto* column = context_.layout.find(field);
        return column ? cell_at(row_, column->column) : nullptr;
    }

    std::optional<std::string> text(ImportField field) const {
        const auto* c = cell(field);
        if (c == nullptr) return std::nullopt;
        // Stored as typed, less line breaks and stray spaces: lookups fold further themselves.
        std::string cleaned = tidy_cell_text(c->text);
        if (cleaned.empty()) return std::nullopt;
        return cleaned;
    }

    template <class T>
    std::optional<T> value(ImportField field, Result<T> result) {
        if (result) return *std::move(result);
        const auto& e = result.error();
        problem(field, e.fields.empty() ? e.message : e.fields.front().message);
        return std::nullopt;
    }

    void problem(ImportField field, Text reason) {
        const auto* column = context_.layout.find(field);
        const auto* c = cell(field);
        problems_.push_back({row_.number, column ? column_letter(column->column) : std::string(),
                             std::string(import_field_name(field)), c ? c->text : std::string(), std::move(reason)});
    }

    // A problem the API's validation names by its own field.
    void validation_problem(const FieldError& e) {
        for (const auto& c : context_.layout.columns) {
            if (api_field(c.field) == e.field) return problem(c.field, e.message);
        }
        problems_.push_back({row_.number, "", e.field, "", e.message});
    }

    std::vector<RowProblem> take_problems() { return std::move(problems_); }
    bool ok() const { return problems_.empty(); }

private:
    static std::string api_field(ImportField f) {
        switch (f) {
            case ImportField::kZone:
                return "zone_id";
            case ImportField::kEnterprise:
                return "investor_ids";
            default:
                return std::string(import_field_name(f));
        }
    }

    const sheet::Row& row_;
    const ProjectRowContext& context_;
    std::vector<RowProblem> problems_;
};

Text no_column(std::string_view zh, std::string_view en) {
    return {"表中没有“" + std::string(zh) + "”列", "the table has no " + std::string(en) + " column"};
}

}  // namespace

std::optional<domain::Stage> stage_named(std::string_view text) {
    // An exported list writes a project that is not active as 开工（停缓建） / Started (suspended).
    auto [key, note] = split_header_note(text);
    static constexpr std::string_view kStatusNotes[] = {"停缓建", "终止", "已终止", "suspended", "cancelled"};
    if (note.empty() || std::find(std::begin(kStatusNotes), std::end(kStatusNotes), note) == std::end(kStatusNotes)) {
        key = match_key(text);
    }
    for (const auto& [name, stage] : kStageNames) {
        if (key == name) return stage;
    }
    return std::nullopt;
}

MappedProjectRow map_project_row(const sheet::Row& row, const ProjectRowContext& context) {
    RowReader r(row, context);
    ProjectRow out;
    out.row = row.number;
    ProjectPatch& p = out.patch;
    using F = ImportField;

    if (auto code = r.text(F::kCode)) p.code = *code;
    if (auto code = r.text(F::kNationalCode)) p.national_code = *code;
    if (auto name = r.text(F::kName)) p.name = *name;

    std::optional<domain::RegionCode> city;
    if (auto text = r.text(F::kCity)) {
        if (auto c = r.value(F::kCity, context.matches.city(*text))) city = (*c)->code;
    }
    if (auto text = r.text(F::kZone)) {
        if (auto z = r.value(F::kZone, context.matches.zone(*text, city))) p.zone_id = (*z)->id;
    } else if (context.default_zone != nullptr) {
        p.zone_id = context.default_zone->id;
    } else if (context.layout.find(F::kZone) == nullptr) {
        r.problem(F::kZone, no_column("所属开发区", "zone"));
    } else {
        r.problem(F::kZone, {"开发区不能为空", "zone is required"});
    }
    if (auto text = r.text(F::kIndustry)) {
        if (auto code = r.value(F::kIndustry, context.matches.industry(*text))) {
            p.industry_code = *code;
        }
    }
    if (auto text = r.text(F::kEnterprise)) out.enterprise = *text;
    if (auto text = r.text(F::kCreditCode)) {
        if (auto code = r.value(F::kCreditCode, domain::CreditCode::parse(*text, "credit_code"))) out.credit_code = *code;
    }
    if (auto text = r.text(F::kConstructionContent)) p.construction_content = *text;
    if (auto text = r.text(F::kResponsibleUnit)) p.responsible_unit = *text;
    if (auto text = r.text(F::kStage)) {
        out.stage = stage_named(*text);
        if (!out.stage) r.problem(F::kStage, {"无法识别的项目阶段，应为 储备、签约、开工、投产 或 达产",
                                              "unknown stage; expected reserve, signed, started, producing or at capacity"});
    }

    const auto money = [&](F field, std::optional<domain::Money>& target) {
        const auto* cell = r.cell(field);
        if (cell == nullptr || is_blank_cell_text(cell->text)) return;
        const auto unit = context.layout.unit_of(*context.layout.find(field));
        target = r.value(field, read_money(*cell, unit, import_field_name(field)));
    };
    money(F::kTotalInvestment, p.total_investment);
    money(F::kAnnualPlannedInvestment, p.annual_planned_investment);
    money(F::kExpectedOutputValue, p.expected_output_value);
    money(F::kExpectedTax, p.expected_tax);

    const auto date = [&](F field, Nullable<domain::Date>& target) {
        const auto* cell = r.cell(field);
        if (cell == nullptr || is_blank_cell_text(cell->text)) return;
        if (auto d = r.value(field, read_date(*cell, context.date1904, import_field_name(field)))) target = d->date;
    };
    date(F::kPlannedSign, p.planned_sign);
    date(F::kPlannedStart, p.planned_start);
    date(F::kPlannedProduction, p.planned_production);

    if (const auto* cell = r.cell(F::kExpectedJobs); cell != nullptr && !is_blank_cell_text(cell->text)) {
        p.expected_jobs = r.value(F::kExpectedJobs, read_count(*cell, "expected_jobs"));
    }

    // The API's whole-record checks, on a project made of what the row gives. A missing code is
    // generated when the row is written, so a stand-in keeps the code check quiet here.
    if (r.ok()) {
        domain::Project project;
        project.code = "IMPORT";
        apply_fields(project, p);
        for (const auto& e : domain::validate_project(project, context.today)) r.validation_problem(e);
    }

    MappedProjectRow mapped;
    mapped.problems = r.take_problems();
    if (mapped.problems.empty()) mapped.project = std::move(out);
    return mapped;
}

}  // namespace sanpi::service
