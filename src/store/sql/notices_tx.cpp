// Supervision notices (m0018): the escalation ladder by version, notices written with optimistic
// versions and their history, the scoped list with its counts, and what the daily sweep reads.
#include <map>
#include <utility>

#include "store/sql/conditions.hpp"
#include "store/sql/coordination_items_sql.hpp"
#include "store/sql/notices_sql.hpp"
#include "store/sql/page_limit.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace notices;
using domain::Notice;

namespace {

Notice read_notice_row(Row& row) {
    Notice n;
    n.id = row.int64();
    n.target = row.enumeration(domain::notice_target_from_string, "notice target");
    n.project_id = row.optional_int64();
    n.coordination_item_id = row.optional_int64();
    n.zone_id = row.int64();
    n.level = row.enumeration(domain::notice_level_from_string, "notice level");
    n.status = row.enumeration(domain::notice_status_from_string, "notice status");
    n.problem = row.text();
    n.action_requested = row.text();
    n.deadline = row.date();
    n.escalated_on = row.optional_date();
    if (auto step = row.optional_text()) {
        n.ladder_step = domain::ladder_step_from_string(*step);
        if (!n.ladder_step) throw StoreFault("stored ladder step not recognised: " + *step);
    }
    n.ladder_since = row.optional_date();
    n.issued_by = row.optional_int64();
    n.version = row.int64();
    return n;
}

NoticeRecord read_notice_record(const Statement& st) {
    Row row(st);
    NoticeRecord r;
    r.notice = read_notice_row(row);
    r.project_code = row.optional_text().value_or("");
    r.project_name = row.optional_text().value_or("");
    r.project_code_name = row.optional_text().value_or("");
    if (auto stage = row.optional_text()) r.project_stage = domain::stage_from_string(*stage).value_or(r.project_stage);
    r.item_description = row.optional_text().value_or("");
    r.zone_name = row.text();
    r.region_code = row.text();
    r.city_code = city_of(r.region_code);
    r.issued_by_name = row.optional_text().value_or("");
    r.issued_at = row.int64();
    r.updated_at = row.int64();
    return r;
}

std::string notice_record_select() {
    return "SELECT " + std::string(kNoticeOwnColumns) + std::string(kRecordColumns) + std::string(kNoticeFrom);
}

// Every filter but status and overdue (the counts' filters), inside the scope.
Result<void> add_common_notice_filters(Conditions& where, const Scope& scope, const NoticeQuery& q) {
    if (auto scoped = add_scope(where, scope, "n.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.city_code) {
        if (q.city_code->size() != 6 || !is_digits(*q.city_code, 6)) {
            return Error::invalid_field("city", "城市代码应为6位数字", "city must be six digits");
        }
        add_region_range(where, "z.region_code", q.city_code->substr(0, 4));
    }
    if (q.level) where.add("n.level = ?", std::string(domain::to_string(*q.level)));
    if (q.target) where.add("n.target_kind = ?", std::string(domain::to_string(*q.target)));
    if (q.project_id) where.add("n.project_id = ?", *q.project_id);
    if (q.zone_id) where.add("n.zone_id = ?", *q.zone_id);
    return {};
}

Result<void> add_notice_filters(Conditions& where, const Scope& scope, const NoticeQuery& q) {
    if (auto added = add_common_notice_filters(where, scope, q); !added) return added;
    if (q.status) where.add("n.status = ?", std::string(domain::to_string(*q.status)));
    if (q.overdue) {
        if (*q.overdue) {
            where.add("n.status <> 'closed' AND n.deadline < ?", q.today.iso());
        } else {
            where.add("(n.status = 'closed' OR n.deadline >= ?)", q.today.iso());
        }
    }
    return {};
}

}  // namespace

Result<EscalationLadderRecord> SqlTx::current_escalation_ladder() {
    return guarded([&]() -> Result<EscalationLadderRecord> {
        auto q = conn_.prepare(kLadderColumns);
        EscalationLadderRecord r;
        if (!q->step()) return r;  // none stored: the defaults, version 1
        Row row(*q);
        r.ladder.version = row.int64();
        for (const auto& s : domain::ladder_settings()) r.ladder.*s.member = static_cast<std::int32_t>(row.int64());
        r.created_by = row.optional_int64();
        r.created_by_name = row.optional_text().value_or("");
        r.created_at = row.int64();
        return r;
    });
}

Result<void> SqlTx::insert_escalation_ladder(const EscalationLadderRecord& record) {
    ForeignKeys refs;
    if (record.created_by) refs.push_back({"user_id", users::kUserExists, *record.created_by, "用户", "user"});
    auto done = atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertLadder);
            int index = bind_from(*q, 1, record.ladder.version);
            for (const auto& s : domain::ladder_settings()) bind_one(*q, index++, record.ladder.*s.member);
            bind_from(*q, index, record.created_by, record.created_at);
            run(*q);
            return {};
        },
        refs);
    if (!done && done.error().code == ErrorCode::kConflict) {
        return Error::conflict("督办升级规则已被他人修改，请刷新后重试",
                               "the escalation ladder was changed by someone else; reload and retry");
    }
    return done;
}

namespace {

int bind_notice(Statement& q, int index, const Notice& n, Timestamp at) {
    std::optional<std::string> step;
    if (n.ladder_step) step = std::string(domain::to_string(*n.ladder_step));
    return bind_from(q, index, domain::to_string(n.target), n.project_id, n.coordination_item_id, n.zone_id,
                     domain::to_string(n.level), domain::to_string(n.status), n.problem, n.action_requested, n.deadline,
                     n.escalated_on, step, n.ladder_since, n.issued_by, at, at);
}

int bind_event(Statement& q, int index, const NoticeEvent& e) {
    return bind_from(q, index, e.notice_id, domain::to_string(e.step), e.user_id, e.at, e.text, e.deadline,
                     domain::to_string(e.level));
}

}  // namespace

Result<std::int64_t> SqlTx::insert_notice(const Notice& n, Timestamp at) {
    ForeignKeys refs{{"zone_id", "SELECT 1 FROM zones WHERE id = ?", n.zone_id, "开发区", "zone"}};
    if (n.project_id) refs.push_back({"project_id", projects::kProjectExists, *n.project_id, "项目", "project"});
    if (n.coordination_item_id) {
        refs.push_back({"coordination_item_id", coordination::kItemExists, *n.coordination_item_id, "问题诉求",
                        "coordination item"});
    }
    if (n.issued_by) refs.push_back({"issued_by", users::kUserExists, *n.issued_by, "用户", "user"});
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(std::string(kInsertNotices) + std::string(kNoticeRow) + std::string(kNewId));
            bind_notice(*q, 1, n, at);
            return returned_id(*q);
        },
        refs);
}

Result<std::vector<Notice>> SqlTx::insert_ladder_notices(const std::vector<Notice>& notices, Timestamp at) {
    return guarded([&]() -> Result<std::vector<Notice>> {
        // RETURNING's order is not promised; a project has at most one notice per rung here.
        std::map<std::pair<std::int64_t, std::string>, std::int64_t> written;
        for_each_chunk(std::span(notices), [&](std::span<const Notice> chunk) {
            auto q = prepare_rows(
                std::string(kInsertNotices) + repeated_rows(kNoticeRow, chunk.size()) + std::string(kLadderNoticesEnd),
                chunk.size());
            int index = 1;
            for (const auto& n : chunk) index = bind_notice(*q, index, n, at);
            while (q->step()) {
                Row row(*q);
                const auto id = row.int64();
                const auto project = row.int64();
                written[{project, row.text()}] = id;
            }
        });
        std::vector<Notice> out;
        for (const auto& n : notices) {
            if (!n.project_id || !n.ladder_step) throw StoreFault("a ladder notice without its project or rung");
            const auto found = written.find({*n.project_id, std::string(domain::to_string(*n.ladder_step))});
            if (found == written.end()) continue;
            out.push_back(n);
            out.back().id = found->second;
            out.back().version = 1;
        }
        return out;
    });
}

Result<void> SqlTx::update_notice(const Notice& n, std::int64_t expected_version, Timestamp at) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kUpdateNotice);
        bind_all(*q, domain::to_string(n.level), domain::to_string(n.status), n.deadline, n.escalated_on, at, n.id,
                 expected_version);
        run(*q);
        if (q->rows_affected() == 0) return stale_or_missing(kNoticeExists, n.id, "督办单", "notice");
        return {};
    });
}

Result<void> SqlTx::insert_notice_event(const NoticeEvent& e) {
    ForeignKeys refs{{"notice_id", kNoticeExists, e.notice_id, "督办单", "notice"}};
    if (e.user_id) refs.push_back({"user_id", users::kUserExists, *e.user_id, "用户", "user"});
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(std::string(kInsertEvents) + std::string(kEventRow));
            bind_event(*q, 1, e);
            run(*q);
            return {};
        },
        refs);
}

Result<void> SqlTx::insert_notice_events(const std::vector<NoticeEvent>& events) {
    return guarded([&]() -> Result<void> {
        write_rows_later(kInsertEvents, kEventRow, "", std::span(events), &bind_event);
        return {};
    });
}

Result<std::optional<NoticeRecord>> SqlTx::get_notice(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<NoticeRecord>> {
        Conditions where;
        where.add("n.id = ?", id);
        if (auto scoped = add_scope(where, scope, "n.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(notice_record_select() + where.where());
        where.bind(*q);
        if (!q->step()) return std::optional<NoticeRecord>();
        return std::optional(read_notice_record(*q));
    });
}

Result<std::vector<NoticeEvent>> SqlTx::notice_events(std::int64_t notice_id) {
    return guarded([&]() -> Result<std::vector<NoticeEvent>> {
        auto q = conn_.prepare(kEvents);
        bind_all(*q, notice_id);
        std::vector<NoticeEvent> out;
        while (q->step()) {
            Row row(*q);
            NoticeEvent e;
            e.id = row.int64();
            e.notice_id = row.int64();
            e.step = row.enumeration(domain::notice_step_from_string, "notice step");
            e.user_id = row.optional_int64();
            e.user_name = row.optional_text().value_or("");
            e.at = row.int64();
            e.text = row.optional_text();
            e.deadline = row.optional_date();
            e.level = row.enumeration(domain::notice_level_from_string, "notice level");
            out.push_back(std::move(e));
        }
        return out;
    });
}

Result<Page<NoticeRecord>> SqlTx::list_notices(const Scope& scope, const NoticeQuery& q) {
    return guarded([&]() -> Result<Page<NoticeRecord>> {
        Conditions where;
        if (auto added = add_notice_filters(where, scope, q); !added) return added.error();
        auto found = counted_page(conn_, where, kNoticeFrom, notice_record_select(), kNoticeOrder, q.limit, q.offset);
        Page<NoticeRecord> page;
        page.total = found.total;
        while (static_cast<std::int64_t>(page.items.size()) < found.limit && found.rows->step()) {
            page.items.push_back(read_notice_record(*found.rows));
        }
        return page;
    });
}

Result<NoticeCounts> SqlTx::notice_counts(const Scope& scope, const NoticeQuery& q) {
    return guarded([&]() -> Result<NoticeCounts> {
        Conditions where;
        if (auto added = add_common_notice_filters(where, scope, q); !added) return added.error();
        NoticeCounts out;
        auto by_status = conn_.prepare("SELECT n.status, COUNT(*)" + std::string(kNoticeFrom) + where.where() +
                                       " GROUP BY n.status");
        where.bind(*by_status);
        while (by_status->step()) {
            Row row(*by_status);
            const auto status = row.enumeration(domain::notice_status_from_string, "notice status");
            const auto n = row.int64();
            (status == domain::NoticeStatus::kIssued      ? out.issued
             : status == domain::NoticeStatus::kResponded ? out.responded
                                                          : out.closed) = n;
        }
        Conditions overdue = where;
        overdue.add("n.status <> 'closed' AND n.deadline < ?", q.today.iso());
        auto late = conn_.prepare("SELECT COUNT(*)" + std::string(kNoticeFrom) + overdue.where());
        overdue.bind(*late);
        if (late->step()) out.overdue = Row(*late).int64();
        return out;
    });
}

Result<std::vector<Notice>> SqlTx::overdue_city_notices(domain::Date today, std::int64_t after_id, std::int64_t limit) {
    return guarded([&]() -> Result<std::vector<Notice>> {
        auto q = conn_.prepare("SELECT " + std::string(kNoticeOwnColumns) + std::string(kOverdueCityNotices));
        bind_all(*q, today, after_id, limit);
        std::vector<Notice> out;
        while (q->step()) {
            Row row(*q);
            out.push_back(read_notice_row(row));
        }
        return out;
    });
}

Result<std::vector<domain::LadderFacts>> SqlTx::ladder_facts_after(std::int64_t after_project, std::int64_t limit) {
    return guarded([&]() -> Result<std::vector<domain::LadderFacts>> {
        auto q = conn_.prepare(kLadderFacts);
        bind_all(*q, after_project, limit);
        std::vector<domain::LadderFacts> out;
        while (q->step()) {
            Row row(*q);
            domain::LadderFacts f;
            f.project_id = row.int64();
            f.zone_id = row.int64();
            f.light = row.enumeration(domain::light_from_string, "light");
            f.colour_since = row.date();
            f.lit_since = row.optional_date().value_or(f.colour_since);
            if (f.colour_since < f.lit_since) f.lit_since = f.colour_since;
            f.reasons = domain::decode_reasons(row.text());
            out.push_back(std::move(f));
        }
        return out;
    });
}

}  // namespace sanpi::store::sql
