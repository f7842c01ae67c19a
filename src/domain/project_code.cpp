#include "domain/project_code.hpp"

#include <algorithm>
#include <array>

#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

constexpr std::size_t kLength = 24;
constexpr std::array<std::size_t, 4> kDashes{4, 11, 14, 17};
// Codes with a four-digit year were issued from the platform's start until the 2020 switch; one
// year of margin keeps a late-switching platform's codes.
constexpr int kFirstYear = 2014;
constexpr int kLastYear = 2021;
// The year-month layout began with the first provinces' switch in November 2020.
constexpr int kFirstYearMonth = 2020 * 12 + 11;
constexpr std::size_t kLegacyMinLength = 8;
constexpr std::size_t kLegacyMaxLength = 40;
constexpr int kLegacyMinDigits = 6;  // a code identifies something; "N/A" or "TBD" do not

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// Word processors replace '-' with an en dash, em dash or minus sign; a code copied from a
// document should still read.
std::string normalize(std::string_view text) {
    std::string s = normalize_input(text);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view rest = std::string_view(s).substr(i, 3);
        if (rest == "\xE2\x80\x93" || rest == "\xE2\x80\x94" || rest == "\xE2\x88\x92") {
            out.push_back('-');
            i += 2;
        } else {
            const char c = s[i];
            out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        }
    }
    return out;
}

// "NNNN-NNNNNN-NN-NN-": whatever follows, the writer meant a national code.
bool has_national_prefix(std::string_view s) {
    if (s.size() < kDashes.back() + 1) return false;
    std::size_t start = 0;
    for (const std::size_t dash : kDashes) {
        if (s[dash] != '-' || !all_ascii_digits(s.substr(start, dash - start))) return false;
        start = dash + 1;
    }
    return true;
}

bool has_national_dashes(std::string_view s) {
    return s.size() == kLength &&
           std::all_of(kDashes.begin(), kDashes.end(), [&](std::size_t i) { return s[i] == '-'; });
}

struct IssueTime {
    ProjectCodeLayout layout;
    int year;
    std::optional<int> month;
};

Error implausible_time(std::string_view field, const std::string& t) {
    return Error::invalid_field(
        field,
        "项目代码的时间代码“" + t + "”不合理：应为赋码年月（如 2203 表示2022年3月，2020年11月起）或" +
            "2014至2021年间的赋码年份",
        "the time code '" + t + "' is implausible: expected the year and month of issue (e.g. 2203 " +
            "for March 2022, from November 2020 on) or a year of issue from 2014 to 2021");
}

Result<IssueTime> read_time(std::string_view t, Date today, std::string_view field) {
    const std::string text(t);
    if (!all_ascii_digits(t)) {
        return Error::invalid_field(field, "项目代码的时间代码“" + text + "”应为4位数字",
                                    "the time code '" + text + "' must be four digits");
    }
    const int value = std::stoi(text);
    if (value >= kFirstYear && value <= kLastYear) {
        if (value > today.year()) {
            return Error::invalid_field(field, "项目代码的赋码年份 " + text + " 晚于今天",
                                        "the code's year of issue, " + text + ", is after today");
        }
        return IssueTime{ProjectCodeLayout::kYear, value, std::nullopt};
    }
    const int year = 2000 + value / 100;
    const int month = value % 100;
    if (month < 1 || month > 12 || year * 12 + month < kFirstYearMonth) {
        return implausible_time(field, text);
    }
    if (year * 12 + month > today.year() * 12 + today.month()) {
        const std::string ym = std::to_string(year) + "年" + std::to_string(month) + "月";
        return Error::invalid_field(field, "项目代码的赋码时间 " + ym + " 晚于今天",
                                    "the code's month of issue, " + std::to_string(year) + (month < 10 ? "-0" : "-") +
                                        std::to_string(month) + ", is after today");
    }
    return IssueTime{ProjectCodeLayout::kYearMonth, year, month};
}

Result<RegionCode> read_region(std::string_view r, std::string_view field) {
    auto region = RegionCode::parse(r, field);
    if (!region) {
        FieldError e = region.error().fields.at(0);
        return Error::invalid_field(field, "项目代码的地区代码有误：" + e.message.zh,
                                    "the code's region part: " + e.message.en);
    }
    return region;
}

// Every published code seen carries digits only in the last six places, but the standard's
// text for the serial (随机码) and check character (校验码) alphabets is not at hand: digits and
// capitals are accepted so that no genuine code is refused.
std::optional<Error> check_codes(std::string_view s, std::string_view field) {
    if (!all_ascii_digits(s.substr(12, 2))) {
        return Error::invalid_field(field, "项目代码第13、14位（行业代码）应为数字",
                                    "characters 13-14 (department code) must be digits");
    }
    if (!all_ascii_digits(s.substr(15, 2))) {
        return Error::invalid_field(field, "项目代码第16、17位（项目类型代码）应为数字",
                                    "characters 16-17 (project type code) must be digits");
    }
    const std::string_view tail = s.substr(18);
    if (!std::all_of(tail.begin(), tail.end(), [](char c) { return is_ascii_digit(c) || is_capital(c); })) {
        return Error::invalid_field(
            field, "项目代码最后6位（顺序码和校验码）只能是数字或大写字母",
            "the last six characters (serial and check character) must be digits or capital letters");
    }
    return std::nullopt;
}

bool legacy_character(char c) {
    return is_ascii_digit(c) || is_capital(c) || c == '-' || c == '_' || c == '/' || c == '.';
}

std::optional<Error> check_legacy(std::string_view s, std::string_view field) {
    const auto bad = std::find_if_not(s.begin(), s.end(), legacy_character);
    if (bad != s.end()) {
        std::size_t n = 1;  // show the whole UTF-8 character, not its first byte
        while (bad + static_cast<std::ptrdiff_t>(n) != s.end() &&
               (static_cast<unsigned char>(*(bad + static_cast<std::ptrdiff_t>(n))) & 0xC0) == 0x80)
            ++n;
        const std::string c(bad, bad + static_cast<std::ptrdiff_t>(n));
        return Error::invalid_field(field, "项目代码中的“" + c + "”无效（只能包含数字、字母和 - _ / .）",
                                    "'" + c + "' is not allowed in a project code (digits, letters and - _ / . only)");
    }
    if (s.size() > kLegacyMaxLength) {
        return Error::invalid_field(field, "项目代码不能超过40位", "a project code has at most 40 characters");
    }
    if (s.size() < kLegacyMinLength || std::count_if(s.begin(), s.end(), is_ascii_digit) < kLegacyMinDigits) {
        return Error::invalid_field(
            field, "不是项目代码：全国投资项目代码为24位，如 2203-140100-89-01-123456",
            "not a project code: the national code has 24 characters, e.g. 2203-140100-89-01-123456");
    }
    return std::nullopt;
}

}  // namespace

std::string ProjectCode::fold(std::string_view text) { return normalize(text); }

Result<ProjectCode> ProjectCode::parse(std::string_view text, Date today, std::string_view field) {
    std::string s = normalize(text);
    if (s.empty()) {
        return Error::invalid_field(field, "项目代码不能为空", "project code is required");
    }
    if (!is_valid_utf8(s)) {
        return Error::invalid_field(field, "项目代码含有无效字符", "project code contains invalid characters");
    }
    if (!has_national_dashes(s) && !has_national_prefix(s)) {
        if (auto e = check_legacy(s, field)) return *e;
        return ProjectCode(std::move(s), ProjectCodeLayout::kLegacy);
    }
    auto time = read_time(std::string_view(s).substr(0, 4), today, field);
    if (!time) return time.error();
    auto region = read_region(std::string_view(s).substr(5, 6), field);
    if (!region) return region.error();
    if (auto e = check_codes(s, field)) return *e;
    if (s.size() != kLength) {
        const std::string n = std::to_string(s.size());
        return Error::invalid_field(field, "全国投资项目代码应为24位，实际为" + n + "位",
                                    "a national project code has 24 characters, not " + n);
    }
    ProjectCode code(std::move(s), time->layout);
    code.issue_year_ = time->year;
    code.issue_month_ = time->month;
    code.region_ = *region;
    return code;
}

}  // namespace sanpi::domain
