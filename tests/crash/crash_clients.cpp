// The five writing clients of a round. Each owns its part of the Workload (no locks needed), sends
// one write at a time, and records it as pending before sending: acknowledged (2xx) it becomes the
// known state; unanswered (no answer, or 5xx) it stays pending and the client stops, leaving the
// check after the restart to find out whether it was applied; refused (4xx) is a finding, since
// every write the driver sends is valid.
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <thread>

#include "crash/crash_load.hpp"

namespace sanpi::crash {

namespace json = boost::json;
using testing::HttpClient;
using testing::HttpResponse;

namespace {

enum class Answer { kAcknowledged, kUnanswered, kRefused };

struct Client {
    Client(std::uint16_t port, const std::string& token, Workload& work, const std::atomic<bool>& stop_flag,
           std::uint64_t seed, SharedFindings& found)
        : http(port), w(work), stop(stop_flag), rng(seed), out(found) {
        http.set_header("Authorization", "Bearer " + token);
    }

    // Sends one write; `what` names it in a finding.
    Answer send(const std::string& what, const std::function<HttpResponse()>& request) {
        const auto t0 = std::chrono::steady_clock::now();
        try {
            res = request();
        } catch (const std::exception&) {
            return Answer::kUnanswered;
        }
        if (std::getenv("SANPI_CRASH_TRACE") != nullptr) {
            std::cerr << what << " " << res.status << " in "
                      << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\n";
        }
        if (res.status >= 200 && res.status < 300) {
            ++w.acknowledged;
            return Answer::kAcknowledged;
        }
        if (res.status >= 500) return Answer::kUnanswered;
        out.add(what + " refused: " + std::to_string(res.status) + " " + res.body);
        return Answer::kRefused;
    }

    std::string amount() { return std::to_string(std::uniform_int_distribution<int>(1, 1000000)(rng)); }

    HttpClient http;
    Workload& w;
    const std::atomic<bool>& stop;
    std::mt19937_64 rng;
    SharedFindings& out;
    HttpResponse res;  // the answer to the last write sent
};

void edit_projects(Client& c) {
    for (std::size_t n = 0; !c.stop; ++n) {
        auto& p = c.w.edited[n % c.w.edited.size()];
        const std::string content = c.w.tag + "-content-" + std::to_string(++c.w.serial);
        const std::string investment = c.amount();
        p.pending = std::make_pair(content, investment);
        const auto answer = c.send("PATCH project " + std::to_string(p.id), [&] {
            return c.http.patch(
                "/api/v1/projects/" + std::to_string(p.id),
                json::object{{"construction_content", content}, {"total_investment", investment + "元"}},
                {{"If-Match", p.etag}});
        });
        if (answer != Answer::kAcknowledged) return;
        p.content = content;
        p.investment = investment;
        p.etag = c.res.header("etag");
        p.pending.reset();
    }
}

const char* milestone_date(std::size_t stage) {
    static const char* const kDates[] = {"", "2023-01-10", "2023-03-10", "2023-06-10", "2023-09-10"};
    return kDates[stage];
}

void move_projects(Client& c) {
    for (auto& p : c.w.moved) {
        for (; p.stage + 1 < kStages.size(); ++p.stage) {
            if (c.stop) return;
            const std::size_t to = p.stage + 1;
            p.pending = to;
            const auto answer = c.send("moving project " + std::to_string(p.id) + " to " + kStages[to], [&] {
                return c.http.post("/api/v1/projects/" + std::to_string(p.id) + "/transitions",
                                   json::object{{"to", kStages[to]}, {"date", milestone_date(to)}},
                                   {{"If-Match", p.etag}});
            });
            if (answer != Answer::kAcknowledged) return;
            p.etag = c.res.header("etag");
            p.pending.reset();
        }
    }
}

void file_reports(Client& c) {
    auto& project = c.w.reported;
    while (!c.stop && project.id != 0) {
        MonthlyReport r;
        r.month = month_name(project.next_month++);
        r.investment = c.amount();
        r.text = c.w.tag + "-progress-" + std::to_string(++c.w.serial);
        project.pending_create = r;
        const auto created = c.send("report for " + r.month, [&] {
            return c.http.post("/api/v1/projects/" + std::to_string(project.id) + "/reports",
                               json::object{{"month", r.month},
                                            {"investment_completed", r.investment + "元"},
                                            {"capital_arrived", "0元"},
                                            {"progress_text", r.text},
                                            {"percent_complete", 10},
                                            {"jobs", 5}});
        });
        if (created != Answer::kAcknowledged) return;
        r.id = c.res.json().at("id").as_int64();
        const std::string etag = c.res.header("etag");
        project.pending_create.reset();
        project.reports.push_back(r);
        if (c.stop) return;
        auto& kept = project.reports.back();
        kept.submit_pending = true;
        const auto submitted = c.send("submitting report " + std::to_string(r.id), [&] {
            return c.http.post("/api/v1/reports/" + std::to_string(r.id) + "/submit", json::object{},
                               {{"If-Match", etag}});
        });
        if (submitted != Answer::kAcknowledged) return;
        kept.submit_pending = false;
        kept.submitted = true;
    }
}

// One step of the campaign client: create a campaign, enter two projects, hold it.
Answer campaign_step(Client& c) {
    if (c.w.campaigns.empty() || c.w.campaigns.back().held) {
        const int n = static_cast<int>(c.w.campaigns.size());
        HeldCampaign made;
        made.name = c.w.name("campaign");
        made.date = std::to_string(2001 + n % 25) + "-05-0" + std::to_string(1 + n / 25 % 9);
        c.w.campaigns.push_back(made);
        auto& campaign = c.w.campaigns.back();
        const auto answer = c.send("creating campaign " + made.name, [&] {
            return c.http.post(
                "/api/v1/campaigns",
                json::object{{"name", made.name},
                             {"date", made.date},
                             {"venues", json::array{json::object{
                                            {"name", "主会场"}, {"region_code", "140000"}, {"main", true}}}}});
        });
        if (answer == Answer::kAcknowledged) campaign.id = c.res.json().at("id").as_int64();
        return answer;
    }
    auto& campaign = c.w.campaigns.back();
    const std::string path = "/api/v1/campaigns/" + std::to_string(campaign.id);
    if (campaign.entries.size() < 2) {
        if (c.w.campaign_pool.empty()) return Answer::kRefused;  // none left this round
        const auto project = c.w.campaign_pool.back();
        c.w.campaign_pool.pop_back();
        campaign.pending_entry = project;
        const auto answer = c.send("entering project " + std::to_string(project) + " into " + campaign.name, [&] {
            return c.http.post(path + "/entries", json::object{{"project_id", project}, {"batch", "sign"}});
        });
        if (answer == Answer::kAcknowledged) {
            campaign.entries.push_back(project);
            campaign.pending_entry.reset();
        }
        return answer;
    }
    campaign.hold_pending = true;
    const auto answer = c.send("holding " + campaign.name, [&] { return c.http.post(path + "/hold", json::object{}); });
    if (answer == Answer::kAcknowledged) {
        campaign.held = true;
        campaign.hold_pending = false;
    }
    return answer;
}

void hold_campaigns(Client& c) {
    while (!c.stop && campaign_step(c) == Answer::kAcknowledged) {
    }
}

void commit_import(Client& c) {
    if (c.w.imports.empty() || c.w.imports.back().committed) return;
    auto& i = c.w.imports.back();
    std::this_thread::sleep_for(std::chrono::milliseconds(c.w.import_delay_ms));
    if (c.stop) return;
    i.commit_pending = true;
    const auto answer = c.send("committing import " + std::to_string(i.id), [&] {
        return c.http.post("/api/v1/imports/" + std::to_string(i.id) + "/commit", json::object{});
    });
    if (answer != Answer::kAcknowledged) return;
    i.committed = true;
    i.commit_pending = false;
}

}  // namespace

void run_clients(std::uint16_t port, const std::string& token, Workload& w, const std::atomic<bool>& stop,
                 std::uint64_t seed, SharedFindings& out) {
    const std::vector<std::function<void(Client&)>> loops{edit_projects, move_projects, file_reports, hold_campaigns,
                                                          commit_import};
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < loops.size(); ++k) {
        threads.emplace_back([&, k] {
            Client client(port, token, w, stop, seed + k, out);
            loops[k](client);
        });
    }
    for (auto& t : threads) t.join();
}

}  // namespace sanpi::crash
