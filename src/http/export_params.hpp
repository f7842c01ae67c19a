#pragma once
// The parameters every XLSX export takes beside its list's filters: `unit` (元|万元|亿元, or
// yuan|wan|yi) and `lang` (zh|en), for any request type with `unit` and `lang` members.
#include <optional>
#include <string_view>
#include <variant>

#include "domain/bulletin.hpp"
#include "domain/money.hpp"
#include "http/list_params.hpp"

namespace sanpi::http {

std::optional<domain::MoneyUnit> money_unit_param(std::string_view text);

template <class R>
bool read_export_unit(std::string_view v, R& r) {
    const auto unit = money_unit_param(v);
    if (unit) r.unit = *unit;
    return unit.has_value();
}

template <class R>
bool read_export_lang(std::string_view v, R& r) {
    const auto lang = domain::bulletin_lang_from_string(v);
    if (lang) r.lang = *lang;
    return lang.has_value();
}

template <class R>
constexpr ParamSpec<R> kExportParams[] = {
    {"unit",
     read_export_unit<R>,
     {"须为 元、万元、亿元（或 yuan、wan、yi）之一", "must be one of 元, 万元, 亿元 (or yuan, wan, yi)"}},
    {"lang", read_export_lang<R>, {"须为 zh 或 en", "must be zh or en"}},
};

// An export with no filters of its own (a campaign's summary): `unit` and `lang` only.
struct TableExportRequest {
    domain::MoneyUnit unit = domain::MoneyUnit::kYi;
    domain::BulletinLang lang = domain::BulletinLang::kZh;
};

std::variant<TableExportRequest, Problem> parse_table_export(const QueryParams& params);

}  // namespace sanpi::http
