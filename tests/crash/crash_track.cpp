#include "crash/crash_track.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

namespace sanpi::crash {

namespace json = boost::json;
using testing::HttpClient;

namespace {

std::string text_of(const json::value& v) {
    if (v.is_string()) return std::string(v.as_string());
    if (v.is_null()) return "";
    return json::serialize(v);
}

// Every project whose name contains `q` (ASCII only), by id: the list's items, page after page
// (a long run makes more than a page holds).
std::map<std::int64_t, json::object> projects_named(HttpClient& client, const std::string& q, Findings& out) {
    std::map<std::int64_t, json::object> found;
    std::string cursor;
    do {
        auto res = client.get("/api/v1/projects?page_size=500&q=" + q + (cursor.empty() ? "" : "&cursor=" + cursor));
        if (res.status != 200) {
            out.push_back("listing projects named " + q + ": " + std::to_string(res.status) + " " + res.body);
            return found;
        }
        const auto body = res.json();
        for (const auto& item : body.at("items").as_array()) found[item.at("id").as_int64()] = item.as_object();
        cursor = text_of(body.at("next_cursor"));
    } while (!cursor.empty());
    return found;
}

std::string etag_of(const json::object& project) {
    return "\"" + std::to_string(project.at("version").as_int64()) + "\"";
}

}  // namespace

std::string month_name(int index) {
    const int year = 2005 + index / 12;
    const int month = 1 + index % 12;
    return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

void check_edits(HttpClient& client, const std::string& prefix, std::vector<EditedProject>& projects, Findings& out,
                 Outcomes& seen) {
    auto found = projects_named(client, prefix, out);
    for (auto& p : projects) {
        auto at = found.find(p.id);
        if (at == found.end()) {
            out.push_back("edited project " + std::to_string(p.id) + " is gone");
            continue;
        }
        const auto now =
            std::make_pair(text_of(at->second.at("construction_content")), text_of(at->second.at("total_investment")));
        const bool acknowledged = now == std::make_pair(p.content, p.investment);
        if (!acknowledged && !(p.pending && *p.pending == now)) {
            out.push_back("project " + std::to_string(p.id) + ": acknowledged (" + p.content + ", " + p.investment +
                          (p.pending ? ") or the unanswered (" + p.pending->first + ", " + p.pending->second : "") +
                          "), found (" + now.first + ", " + now.second + ")");
        }
        seen.unanswered += p.pending ? 1 : 0;
        seen.applied += p.pending && !acknowledged ? 1 : 0;
        p.content = now.first;
        p.investment = now.second;
        p.etag = etag_of(at->second);
        p.pending.reset();
    }
}

void check_moves(HttpClient& client, const std::string& prefix, std::vector<MovedProject>& projects, Findings& out,
                 Outcomes& seen) {
    auto found = projects_named(client, prefix, out);
    for (auto& p : projects) {
        auto at = found.find(p.id);
        if (at == found.end()) {
            out.push_back("moved project " + std::to_string(p.id) + " is gone");
            continue;
        }
        const std::string stage = text_of(at->second.at("stage"));
        const auto index = static_cast<std::size_t>(std::find(kStages.begin(), kStages.end(), stage) - kStages.begin());
        if (index != p.stage && !(p.pending && *p.pending == index)) {
            out.push_back("project " + std::to_string(p.id) + ": acknowledged stage " + kStages[p.stage] +
                          (p.pending ? " or the unanswered " + kStages[*p.pending] : "") + ", found " + stage);
        }
        seen.unanswered += p.pending ? 1 : 0;
        seen.applied += p.pending && index != p.stage ? 1 : 0;
        if (index < kStages.size()) p.stage = index;
        p.etag = etag_of(at->second);
        p.pending.reset();
    }
}

namespace {

bool same_report(const json::object& r, const MonthlyReport& m) {
    return text_of(r.at("month")) == m.month && text_of(r.at("investment_completed")) == m.investment &&
           text_of(r.at("progress_text")) == m.text;
}

}  // namespace

void check_reports(HttpClient& client, ReportedProject& project, Findings& out, Outcomes& seen) {
    auto res = client.get("/api/v1/projects/" + std::to_string(project.id) + "/reports?page_size=500");
    if (res.status != 200) {
        out.push_back("reports of project " + std::to_string(project.id) + ": " + std::to_string(res.status));
        return;
    }
    const auto body = res.json();
    std::map<std::string, json::object> by_month;
    for (const auto& r : body.at("items").as_array()) by_month[text_of(r.at("month"))] = r.as_object();
    for (auto& m : project.reports) {
        auto at = by_month.find(m.month);
        if (at == by_month.end() || at->second.at("id").as_int64() != m.id || !same_report(at->second, m)) {
            out.push_back("acknowledged report " + std::to_string(m.id) + " (" + m.month + ", " + m.investment +
                          ") is missing or changed");
            continue;
        }
        const std::string status = text_of(at->second.at("status"));
        if (m.submitted && status != "submitted")
            out.push_back("report " + std::to_string(m.id) + ": acknowledged submitted, found " + status);
        if (!m.submitted && !m.submit_pending && status != "draft")
            out.push_back("report " + std::to_string(m.id) + ": never submitted, found " + status);
        seen.unanswered += m.submit_pending ? 1 : 0;
        seen.applied += m.submit_pending && status == "submitted" ? 1 : 0;
        m.submitted = status == "submitted";
        m.submit_pending = false;
    }
    if (project.pending_create) {
        ++seen.unanswered;
        auto at = by_month.find(project.pending_create->month);
        if (at != by_month.end()) {  // applied: whole, as sent
            ++seen.applied;
            if (!same_report(at->second, *project.pending_create)) {
                out.push_back("unanswered report for " + project.pending_create->month + " is half applied");
            }
            project.pending_create->id = at->second.at("id").as_int64();
            project.reports.push_back(*project.pending_create);
        }
        project.pending_create.reset();
    }
    if (by_month.size() != project.reports.size()) {
        out.push_back("project " + std::to_string(project.id) + " has " + std::to_string(by_month.size()) +
                      " reports, " + std::to_string(project.reports.size()) + " written");
    }
}

namespace {

// A newly found held campaign's kept summary counts its entries: the frozen figures came with the hold.
void check_held_summary(HttpClient& client, const HeldCampaign& c, Findings& out) {
    auto res = client.get("/api/v1/campaigns/" + std::to_string(c.id) + "/summary");
    if (res.status != 200) {
        out.push_back("summary of " + c.name + ": " + std::to_string(res.status));
        return;
    }
    const auto summary = res.json();
    for (const auto& b : summary.at("batches").as_array()) {
        const auto projects = b.at("projects").as_int64();
        const auto expected = text_of(b.at("batch")) == "sign" ? static_cast<std::int64_t>(c.entries.size()) : 0;
        if (projects != expected) {
            out.push_back("held " + c.name + ": its " + text_of(b.at("batch")) + " batch counts " +
                          std::to_string(projects) + " projects, " + std::to_string(expected) + " entered");
        }
    }
}

}  // namespace

void check_campaigns(HttpClient& client, const std::string& project_prefix, std::vector<HeldCampaign>& campaigns,
                     Findings& out, Outcomes& seen) {
    auto res = client.get("/api/v1/campaigns");
    if (res.status != 200) {
        out.push_back("listing campaigns: " + std::to_string(res.status));
        return;
    }
    const auto list = res.json();
    std::map<std::string, json::object> by_name;
    for (const auto& c : list.at("items").as_array()) by_name[text_of(c.at("name"))] = c.as_object();
    const auto projects = projects_named(client, project_prefix, out);
    std::vector<HeldCampaign> kept;
    for (auto& c : campaigns) {
        auto at = by_name.find(c.name);
        if (c.id == 0) ++seen.unanswered;
        if (at == by_name.end()) {
            if (c.id != 0) out.push_back("acknowledged campaign " + c.name + " is gone");
            continue;  // an unanswered creation that did not happen
        }
        seen.applied += c.id == 0 ? 1 : 0;
        c.id = at->second.at("id").as_int64();
        const bool held = text_of(at->second.at("status")) == "held";
        auto entries_res = client.get("/api/v1/campaigns/" + std::to_string(c.id) + "/entries?page_size=500");
        const auto entries = entries_res.json();
        std::vector<std::int64_t> present;
        for (const auto& e : entries.at("items").as_array()) present.push_back(e.at("project_id").as_int64());
        const auto has = [&](std::int64_t id) {
            return std::find(present.begin(), present.end(), id) != present.end();
        };
        for (auto id : c.entries) {
            if (!has(id))
                out.push_back("campaign " + c.name + ": acknowledged entry of project " + std::to_string(id) +
                              " is gone");
        }
        seen.unanswered += c.pending_entry ? 1 : 0;
        if (c.pending_entry && has(*c.pending_entry)) {
            c.entries.push_back(*c.pending_entry);
            ++seen.applied;
        }
        c.pending_entry.reset();
        if (present.size() != c.entries.size()) out.push_back("campaign " + c.name + " has entries never written");
        if (c.held && !held)
            out.push_back("campaign " + c.name + ": acknowledged held, found " + text_of(at->second.at("status")));
        if (!c.held && !c.hold_pending && held) out.push_back("campaign " + c.name + " held without being asked");
        // The hold moves every entered project to signed on the event day, in the same transaction.
        for (auto id : c.entries) {
            auto p = projects.find(id);
            const std::string stage = p == projects.end() ? "?" : text_of(p->second.at("stage"));
            const std::string sign = p == projects.end() ? "?" : text_of(p->second.at("actual").at("sign"));
            if (held ? (stage != "signed" || sign != c.date) : stage != "reserve") {
                out.push_back("campaign " + c.name + (held ? " held" : " not held") + ", its project " +
                              std::to_string(id) + " is " + stage + " signed on " + sign + " (half a hold)");
            }
        }
        seen.unanswered += c.hold_pending ? 1 : 0;
        seen.applied += c.hold_pending && held ? 1 : 0;
        if (held && !c.counted) check_held_summary(client, c, out);
        seen.holds += held && !c.counted ? 1 : 0;
        c.counted = held;
        c.held = held;
        c.hold_pending = false;
        kept.push_back(c);
    }
    campaigns = std::move(kept);
}

void check_imports(HttpClient& client, std::vector<CommittedImport>& imports, Findings& out, Outcomes& seen) {
    for (auto& i : imports) {
        auto res = client.get("/api/v1/projects?page_size=1&q=" + i.prefix);
        if (res.status != 200) {
            out.push_back("import " + i.prefix + ": " + std::to_string(res.status));
            continue;
        }
        const auto body = res.json();
        const auto total = body.at("total").as_int64();
        const bool all = total == i.rows;
        if (!body.at("total_exact").as_bool() || (total != 0 && !all) || (i.committed && !all) ||
            (!i.committed && !i.commit_pending && total != 0)) {
            out.push_back("import " + std::to_string(i.id) + " (" + i.prefix + "): " + std::to_string(total) + " of " +
                          std::to_string(i.rows) + " rows present, commit " +
                          (i.committed        ? "acknowledged"
                           : i.commit_pending ? "unanswered"
                                              : "never sent"));
        }
        seen.unanswered += i.commit_pending ? 1 : 0;
        seen.applied += i.commit_pending && all ? 1 : 0;
        seen.imports_whole += all && !i.counted ? 1 : 0;
        i.counted = all;
        seen.imports_dropped += i.commit_pending && total == 0 ? 1 : 0;
        i.committed = all;
        i.commit_pending = false;
    }
}

}  // namespace sanpi::crash
