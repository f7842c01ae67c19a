#pragma once
// The national investment project code (项目代码) issued by the national online investment project
// approval and supervision platform (全国投资项目在线审批监管平台), 24 characters in five parts:
//
//   TTTT-AAAAAA-BB-CC-RRRRRC
//   time code, GB/T 2260 region, supervising department (行业), project type, 5-character serial
//   and a check character.
//
// Two layouts share that shape. Since the 2020 code management rules (发改投资〔2020〕1439号, in
// force from November 2020, later GB/T 40058-2021) the time code is the year and month of issue,
// YYMM: "2411-130202-89-01-637015" was issued in November 2024. Codes issued from 2014 to 2020 carry
// the four-digit year instead: "2020-330327-48-01-167360". The two cannot be confused: a YYYY of
// 2014.. read as YYMM has a month above 12, and a YYMM from 2011 (2020-11) on read as a year is
// either before 2014 or after 2099.
//
// The check algorithm is not public, so the check character is kept but never verified.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/region_code.hpp"

namespace sanpi::domain {

enum class ProjectCodeLayout {
    kYearMonth,  // current layout (2020-11 on): time code YYMM
    kYear,       // 2014-2020 layout (2021 accepted as margin): time code YYYY; same parts otherwise
    kLegacy,     // anything else the legacy rule accepts: kept as written, no parts known
};

class ProjectCode {
public:
    // Folds full-width characters and dashes that word processors substitute (– — −), trims and
    // upper-cases, then:
    // - text shaped like a national code (dashes after characters 4, 11, 14 and 17, or beginning
    //   with "NNNN-NNNNNN-NN-NN-" whatever its length) must be a valid one: a time code that is a
    //   plausible year (2014..2021, not after `today`) or year-month (2020-11 to today's month), a
    //   well-formed region code, two-digit department and type codes, and six digits or capitals;
    // - anything else is accepted as legacy when it is 8..40 characters of digits, capitals and the
    //   separators - _ / . with at least six digits (older provincial codes, codes without dashes);
    //   placeholders ("N/A", "无", "--"), spaces and other characters are refused.
    // Errors name `field` and the reason in Chinese and English.
    static Result<ProjectCode> parse(std::string_view text, Date today, std::string_view field = "national_code");
    // Only the folding parse starts with (full-width characters, substituted dashes, spaces around,
    // lower case), without any check: what a search for a stored code compares with.
    static std::string fold(std::string_view text);

    const std::string& str() const { return code_; }
    ProjectCodeLayout layout() const { return layout_; }
    // True unless the code is in the current (YYMM) layout.
    bool legacy() const { return layout_ != ProjectCodeLayout::kYearMonth; }

    // The parts below are empty for kLegacy codes.
    std::optional<int> issue_year() const { return issue_year_; }
    std::optional<int> issue_month() const { return issue_month_; }  // kYearMonth only
    // Well-formed only; whether the region exists in the region table is for the caller to check.
    const std::optional<RegionCode>& region() const { return region_; }
    std::string department_code() const { return part(12, 2); }  // 中央业务指导部门（行业）代码
    std::string project_type_code() const { return part(15, 2); }
    std::string serial() const { return part(18, 5); }
    std::string check_character() const { return part(23, 1); }

    friend bool operator==(const ProjectCode& a, const ProjectCode& b) { return a.code_ == b.code_; }

private:
    ProjectCode(std::string code, ProjectCodeLayout layout) : code_(std::move(code)), layout_(layout) {}
    std::string part(std::size_t pos, std::size_t n) const {
        return layout_ == ProjectCodeLayout::kLegacy ? std::string() : code_.substr(pos, n);
    }

    std::string code_;
    ProjectCodeLayout layout_;
    std::optional<int> issue_year_;
    std::optional<int> issue_month_;
    std::optional<RegionCode> region_;
};

}  // namespace sanpi::domain
