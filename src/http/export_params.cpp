#include "http/export_params.hpp"

#include <utility>
#include <vector>

namespace sanpi::http {

std::optional<domain::MoneyUnit> money_unit_param(std::string_view text) {
    // As written, or in pinyin where Chinese is awkward to type in a URL.
    static constexpr std::pair<std::string_view, domain::MoneyUnit> kUnits[] = {
        {"元", domain::MoneyUnit::kYuan}, {"yuan", domain::MoneyUnit::kYuan}, {"万元", domain::MoneyUnit::kWan},
        {"wan", domain::MoneyUnit::kWan}, {"亿元", domain::MoneyUnit::kYi},   {"yi", domain::MoneyUnit::kYi}};
    for (const auto& [name, unit] : kUnits) {
        if (name == text) return unit;
    }
    return std::nullopt;
}

std::variant<TableExportRequest, Problem> parse_table_export(const QueryParams& params) {
    using E = TableExportRequest;
    E out;
    std::vector<FieldError> errors;
    const ParamTable<E> tables[] = {kExportParams<E>};
    read_params<E>(params, tables, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

}  // namespace sanpi::http
