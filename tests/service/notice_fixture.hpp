#pragma once
// Services over the demo for the notice tests: notices issued and stepped by the demo's accounts,
// their audit entries, and every notice in the database.
#include <map>

#include "service/notice_service.hpp"
#include "service/notice_sweep.hpp"
#include "warning_fixture.hpp"

namespace sanpi::testing {

class NoticeTest : public WarningTest {
protected:
    service::NoticeService notices() { return service::NoticeService(store(), clock_); }

    service::NoticeInput on_project(std::int64_t project_id, domain::Date deadline) {
        return service::NoticeInput{domain::NoticeTarget::kProject, project_id, std::string("项目开工滞后"),
                                    std::string("请说明原因并整改"), deadline};
    }

    // A project of taiyuan-zgq (the demo's zone account taiyuan-zgq, in the city taiyuan).
    std::int64_t zgq_project() { return project_at("taiyuan-zgq", domain::Stage::kSigned).id; }

    // A project of datong-etdz, a zone of another city (Datong).
    std::int64_t datong_project() {
        store::ProjectQuery q;
        q.zone_id = zone("datong-etdz").id;
        q.limit = 1;
        auto page = projects().list(as("province"), q).value();
        EXPECT_FALSE(page.items.empty());
        return page.items.empty() ? 0 : page.items.front().project.id;
    }

    service::NoticeView issued(const std::string& who, const service::NoticeInput& in) {
        auto made = notices().issue(as(who), in);
        EXPECT_TRUE(made) << (made ? "" : made.error().message.en);
        return made ? *made : service::NoticeView{};
    }

    Result<service::NoticeView> step(const std::string& who, const service::NoticeView& v, domain::NoticeStep s,
                                     std::string text, std::optional<domain::Date> deadline = std::nullopt) {
        return notices().step(as(who), v.record.notice.id, v.record.notice.version, s,
                              service::NoticeStepInput{std::move(text), deadline});
    }

    std::vector<store::NoticeRecord> all_notices() {
        std::vector<store::NoticeRecord> out;
        store::NoticeQuery q;
        q.limit = 200;
        for (;; q.offset += q.limit) {
            auto page = store::read_value<store::Page<store::NoticeRecord>>(
                store(), [&](store::Tx& tx) { return tx.list_notices(domain::Scope::all(), q); });
            EXPECT_TRUE(page);
            if (!page || page->items.empty()) return out;
            out.insert(out.end(), page->items.begin(), page->items.end());
        }
    }

    std::vector<domain::AuditEntry> audit_of(const std::string& entity_type, std::optional<std::int64_t> id = {}) {
        store::AuditQuery q;
        q.entity_type = entity_type;
        q.entity_id = id;
        q.limit = 1000;
        auto page = store::read_value<store::AuditPage>(store(), [&](store::Tx& tx) { return tx.list_audit(q); });
        EXPECT_TRUE(page);
        return page ? page->items : std::vector<domain::AuditEntry>{};
    }

    // The whole log, oldest first.
    std::vector<domain::AuditEntry> whole_chain() {
        std::vector<domain::AuditEntry> out;
        for (std::int64_t after = 0;;) {
            auto page = store::read_value<std::vector<domain::AuditEntry>>(
                store(), [&](store::Tx& tx) { return tx.audit_chain_page(after, 5000); });
            EXPECT_TRUE(page);
            if (!page || page->empty()) return out;
            after = page->back().seq;
            out.insert(out.end(), page->begin(), page->end());
        }
    }

    std::size_t audit_count() { return whole_chain().size(); }
};

}  // namespace sanpi::testing
