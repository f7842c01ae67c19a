#include "domain/approval.hpp"


#include "domain/enum_table.hpp"
#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {


constexpr int kValidityYears = 2;
constexpr int kMaxExtensionYears = 1;
constexpr std::size_t kMaxTextLength = 100;

constexpr std::array<detail::EnumEntry<ApprovalKind>, 3> kKinds{{
    {ApprovalKind::kApproval, "approval", "审批"},
    {ApprovalKind::kVerification, "verification", "核准"},
    {ApprovalKind::kFiling, "filing", "备案"},
}};

void check_text(std::vector<FieldError>& out, const std::string& field, std::string_view text) {
    if (!is_valid_utf8(text)) {
        add_field_error(out, field, "含有无效字符（不是有效的 UTF-8）",
                        "contains invalid characters (not valid UTF-8)");
    } else if (utf8_length(text) > kMaxTextLength) {
        add_field_error(out, field, "不能超过100个字", "must not be longer than 100 characters");
    }
}

void check_extension(const Approval& a, Date today, const std::string& field, std::vector<FieldError>& out) {
    const ApprovalExtension& e = *a.extension;
    const Date original = original_start_deadline(a);
    if (e.granted_on < a.date) {
        add_field_error(out, field + ".granted_on", "延期日期不能早于审批日期",
                        "the extension cannot predate the approval");
    } else if (e.granted_on > original) {
        add_field_error(out, field + ".granted_on",
                        "延期须在原开工期限（" + original.iso() + "）届满前批准，期限届满后审批文件已失效",
                        "an extension must be granted before the original deadline (" + original.iso() +
                            "); after it the approval has lapsed");
    }
    if (e.granted_on > today) {
        add_field_error(out, field + ".granted_on", "延期日期不能晚于今天",
                        "the extension date cannot be in the future");
    }
    const Date longest = same_day_years_later(original, kMaxExtensionYears);
    if (e.start_by <= original) {
        add_field_error(out, field + ".start_by", "延期后的开工期限应晚于原期限（" + original.iso() + "）",
                        "the extended deadline must be later than the original one (" + original.iso() + ")");
    } else if (e.start_by > longest) {
        add_field_error(out, field + ".start_by", "延期以一次为限，最长不超过1年（至 " + longest.iso() + "）",
                        "one extension of at most one year is allowed (until " + longest.iso() + ")");
    }
}

// A start counts only once it has happened by `as_of`.
bool started_in_time(const Approval& a, std::optional<Date> actual_start, Date as_of) {
    return actual_start && *actual_start <= as_of && *actual_start <= start_deadline(a);
}

}  // namespace

std::string_view to_string(ApprovalKind k) { return detail::entry_of(kKinds, k).name; }
std::optional<ApprovalKind> approval_kind_from_string(std::string_view s) { return detail::from_name(kKinds, s); }
std::string_view label_zh(ApprovalKind k) { return detail::entry_of(kKinds, k).label_zh; }

std::string_view label_en(ApprovalKind k) {
    switch (k) {
        case ApprovalKind::kApproval:
            return "approval";
        case ApprovalKind::kVerification:
            return "verification";
        case ApprovalKind::kFiling:
            return "filing";
    }
    return "approval";
}

Date original_start_deadline(const Approval& a) { return same_day_years_later(a.date, kValidityYears); }

Date start_deadline(const Approval& a) { return a.extension ? a.extension->start_by : original_start_deadline(a); }

Date lapse_date(const Approval& a) { return start_deadline(a).add_days(1); }

bool has_lapsed(const Approval& a, std::optional<Date> actual_start, Date as_of) {
    return as_of >= lapse_date(a) && !started_in_time(a, actual_start, as_of);
}

std::optional<std::int32_t> days_until_lapse(const Approval& a, std::optional<Date> actual_start, Date as_of) {
    if (started_in_time(a, actual_start, as_of)) {
        return std::nullopt;
    }
    return lapse_date(a).days_since_epoch() - as_of.days_since_epoch();
}

std::vector<FieldError> validate_approval(const Approval& a, Date today, std::string_view field) {
    const std::string f(field);
    std::vector<FieldError> out;
    if (a.date > today) {
        add_field_error(out, f + ".date", "审批（核准、备案）日期不能晚于今天",
                        "the approval date cannot be in the future");
    }
    if (is_blank(a.authority)) {
        add_field_error(out, f + ".authority", "须填写审批（核准、备案）机关", "the approving authority is required");
    } else {
        check_text(out, f + ".authority", a.authority);
    }
    check_text(out, f + ".document_number", a.document_number);
    if (a.extension) {
        check_extension(a, today, f + ".extension", out);
    }
    return out;
}

}  // namespace sanpi::domain
