// libFuzzer: the domain's text parsers. The first byte picks the parser, the rest is its text.
// Where a parser accepts, the value it read must survive its own formatting: parse(format(x)) == x
// (so the fuzzer finds logic bugs, not only crashes), and the parts it reports must agree.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/credit_code.hpp"
#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/money_text.hpp"
#include "domain/month.hpp"
#include "domain/number_text.hpp"
#include "domain/project_code.hpp"
#include "domain/ranking.hpp"
#include "domain/region_code.hpp"

namespace {

using namespace sanpi::domain;

void require(bool holds, const char* what, std::string_view input, const std::string& detail = {}) {
    if (holds) return;
    std::fprintf(stderr, "fuzz_domain: %s\n  input: [%.*s]\n  %s\n", what, static_cast<int>(input.size()), input.data(),
                 detail.c_str());
    std::abort();
}

void money(std::string_view text, MoneyUnit unit) {
    auto parsed = Money::parse(text, unit);
    if (!parsed) return;
    const Money m = parsed->amount;
    require(!m.is_negative() && m <= kMaxAmount, "Money::parse accepted an amount outside 0..kMaxAmount", text);
    for (MoneyUnit u : {MoneyUnit::kYuan, MoneyUnit::kWan, MoneyUnit::kYi}) {
        const std::string formatted = m.format(u);
        auto again = Money::parse(formatted, MoneyUnit::kYuan);
        require(again && again->amount == m && again->unit == u, "Money: parse(format(x)) != x", text, formatted);
        const std::string decimal = m.to_decimal(u);
        auto bare = Money::parse(decimal, u);
        require(bare && bare->amount == m, "Money: parse(to_decimal(x), unit) != x", text, decimal);
    }
    const std::string natural = format_in_natural_unit(m);
    auto back = Money::parse(natural);
    require(back && back->amount == m, "Money: parse(format_in_natural_unit(x)) != x", text, natural);
    const std::string grouped = grouped_yuan(m);
    auto grouped_back = Money::parse(grouped);
    require(grouped_back && grouped_back->amount == m, "Money: parse(grouped_yuan(x)) != x", text, grouped);
}

void date(std::string_view text) {
    auto parsed = Date::parse(text);
    if (!parsed) return;
    const Date d = parsed->date;
    require(d.year() >= 1900 && d.year() <= 2999, "Date::parse accepted a year outside 1900..2999", text, d.iso());
    if (parsed->precision == Date::Precision::kMonth) {
        require(d == d.first_of_month(), "Date: a month-precision date is not the first of its month", text);
    }
    auto exact = Date::from_ymd(d.year(), d.month(), d.day());
    require(exact && *exact == d, "Date: from_ymd(year, month, day) != x", text, d.iso());
    auto iso = Date::parse(d.iso());
    require(iso && iso->date == d && iso->precision == Date::Precision::kDay, "Date: parse(iso(x)) != x", text,
            d.iso());
    const std::string zh = date_text_zh(d);
    auto words = Date::parse(zh);
    require(words && words->date == d, "Date: parse(date_text_zh(x)) != x", text, zh);
    const Month month = Month::of(d);
    require(month.first_day() <= d && d <= month.last_day(), "Date: outside Month::of(x)", text, d.iso());
}

void credit_code(std::string_view text) {
    auto parsed = CreditCode::parse(text);
    if (!parsed) return;
    const std::string& code = parsed->str();
    require(code.size() == 18, "CreditCode: not 18 characters", text, code);
    auto check = CreditCode::check_character(std::string_view(code).substr(0, 17));
    require(check && *check == code[17], "CreditCode: wrong check character accepted", text, code);
    auto again = CreditCode::parse(code);
    require(again && *again == *parsed, "CreditCode: parse(str(x)) != x", text, code);
}

void region_code(std::string_view text) {
    auto parsed = RegionCode::parse(text);
    if (!parsed) return;
    const RegionCode& r = *parsed;
    auto again = RegionCode::parse(r.str());
    require(again && *again == r, "RegionCode: parse(str(x)) != x", text, r.str());
    require(r.contains(r) && r.parent().contains(r) && r.province().contains(r) && r.city().contains(r),
            "RegionCode: a parent does not contain its child", text, r.str());
    require(r.str().starts_with(r.scope_prefix()), "RegionCode: scope prefix is not a prefix", text, r.str());
    auto parent = RegionCode::parse(r.parent().str());
    require(parent.has_value(), "RegionCode: the parent does not parse", text, r.parent().str());
}

void project_code(std::string_view text) {
    const Date today = *Date::from_ymd(2024, 1, 15);
    auto parsed = ProjectCode::parse(text, today);
    if (!parsed) return;
    const ProjectCode& c = *parsed;
    require(ProjectCode::fold(c.str()) == c.str(), "ProjectCode: a stored code is not folded", text, c.str());
    auto again = ProjectCode::parse(c.str(), today);
    require(again && *again == c && again->layout() == c.layout(), "ProjectCode: parse(str(x)) != x", text, c.str());
    if (c.layout() != ProjectCodeLayout::kLegacy) {
        require(c.str().size() == 24 && c.region().has_value() && c.issue_year().has_value(),
                "ProjectCode: a national code without its parts", text, c.str());
    }
}

void month(std::string_view text) {
    auto parsed = Month::parse(text);
    if (!parsed) return;
    require(parsed->to_string() == text, "Month: to_string(parse(x)) != x (the form is strict)", text,
            parsed->to_string());
    require(Month::of(parsed->first_day()) == *parsed && Month::of(parsed->last_day()) == *parsed,
            "Month: first or last day outside the month", text);
}

void ranking_period(std::string_view text) {
    auto parsed = RankingPeriod::parse(text);
    if (!parsed) return;
    auto again = RankingPeriod::parse(parsed->to_string());
    require(again && *again == *parsed, "RankingPeriod: parse(to_string(x)) != x", text, parsed->to_string());
    require(parsed->first_day() <= parsed->last_day(), "RankingPeriod: ends before it begins", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 9) {
        case 0:
            money(text, MoneyUnit::kYuan);
            break;
        case 1:
            money(text, MoneyUnit::kWan);
            break;
        case 2:
            money(text, MoneyUnit::kYi);
            break;
        case 3:
            date(text);
            break;
        case 4:
            credit_code(text);
            break;
        case 5:
            region_code(text);
            break;
        case 6:
            project_code(text);
            break;
        case 7:
            month(text);
            break;
        default:
            ranking_period(text);
            break;
    }
    return 0;
}
