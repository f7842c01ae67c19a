#pragma once
// What the crash driver's clients were told: every write acknowledged (2xx) with the content it
// acknowledged, and at most one write per client whose answer never came (the server died under
// it, or answered 5xx). After a restart, `check_*` compare the database with this record: an
// acknowledged write must be there (or the one unanswered write after it, which may or may not
// have been applied), and an unanswered write must be there whole or not at all. Each check then
// takes what it found as the new acknowledged state, so the next round starts from the truth.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/client.hpp"

namespace sanpi::crash {

// Stages in the order the stage machine walks them.
inline const std::vector<std::string> kStages{"reserve", "signed", "started", "producing", "at_capacity"};

// A project whose `construction_content` and `total_investment` one client keeps rewriting (PATCH
// with If-Match): both fields of one request must be found together.
struct EditedProject {
    std::int64_t id = 0;
    std::string etag;
    std::string content;
    std::string investment;  // yuan, as the API answers it
    std::optional<std::pair<std::string, std::string>> pending;
};

// A project one client moves along its stages (POST …/transitions with If-Match).
struct MovedProject {
    std::int64_t id = 0;
    std::string etag;
    std::size_t stage = 0;  // index into kStages
    std::optional<std::size_t> pending;
};

struct MonthlyReport {
    std::int64_t id = 0;
    std::string month;
    std::string investment;  // yuan
    std::string text;
    bool submitted = false;
    bool submit_pending = false;
};

// A signed project one client files monthly reports for (POST …/reports, then …/submit).
struct ReportedProject {
    std::int64_t id = 0;
    int next_month = 0;  // months since 2005-01 of the next report to file
    std::vector<MonthlyReport> reports;
    std::optional<MonthlyReport> pending_create;
};

// A campaign one client creates, enters reserve projects into (sign batch) and holds.
struct HeldCampaign {
    std::string name;
    std::string date;
    std::int64_t id = 0;  // 0 while its creation is unanswered
    std::vector<std::int64_t> entries;
    std::optional<std::int64_t> pending_entry;
    bool held = false;
    bool hold_pending = false;
    bool counted = false;  // in Outcomes::holds
};

// A project table uploaded before a round and committed during it: all its rows or none.
struct CommittedImport {
    std::int64_t id = 0;
    std::string prefix;  // every row's project name starts with it
    int rows = 0;
    bool committed = false;
    bool commit_pending = false;
    bool counted = false;  // in Outcomes::imports_whole
};

// Where a check found the database disagreeing with what was acknowledged.
using Findings = std::vector<std::string>;

// What the checks resolved, to show that the kills hit writes in flight.
struct Outcomes {
    long unanswered = 0;       // writes whose answer never came
    long applied = 0;          // of which the database had applied (whole)
    long imports_whole = 0;    // imports found with every row (commit acknowledged or not)
    long imports_dropped = 0;  // imports whose commit was cut off, found with no row
    long holds = 0;            // campaigns found held, with every entry's stage move
};

// `client` talks to the restarted server as the province.
void check_edits(testing::HttpClient& client, const std::string& prefix, std::vector<EditedProject>& projects,
                 Findings& out, Outcomes& seen);
void check_moves(testing::HttpClient& client, const std::string& prefix, std::vector<MovedProject>& projects,
                 Findings& out, Outcomes& seen);
void check_reports(testing::HttpClient& client, ReportedProject& project, Findings& out, Outcomes& seen);
void check_campaigns(testing::HttpClient& client, const std::string& project_prefix,
                     std::vector<HeldCampaign>& campaigns, Findings& out, Outcomes& seen);
void check_imports(testing::HttpClient& client, std::vector<CommittedImport>& imports, Findings& out, Outcomes& seen);

// "YYYY-MM" of `index` months after 2005-01.
std::string month_name(int index);

}  // namespace sanpi::crash
