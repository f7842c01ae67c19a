#include "service/campaign_workflow.hpp"

#include "domain/campaign_rules.hpp"
#include "domain/stage_machine.hpp"
#include "domain/text_normalize.hpp"
#include "service/audit_fields.hpp"
#include "service/light_keeper.hpp"

namespace sanpi::service {

using domain::BatchKind;
using domain::Campaign;
using domain::CampaignEntry;
using domain::CampaignStatus;
using domain::EntryStatus;
using domain::Role;

namespace {

// How many refused entries a refusal names before it says "and N more".
constexpr std::size_t kNamedRefusedEntries = 20;
constexpr std::size_t kMaxWithdrawalReasonChars = 500;

std::string trimmed_withdrawal_reason(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

Error campaign_province_only(std::string_view what_zh, std::string_view what_en) {
    return Error::forbidden("只有省级用户可以" + std::string(what_zh), "only province users can " + std::string(what_en));
}

bool is_province_user(const Principal& who) { return who.user.role == Role::kProvince; }
bool is_entry_reviewer(const Principal& who) { return who.user.role == Role::kProvince || who.user.role == Role::kCity; }

Error campaign_locked(const Campaign& c) {
    Error e = Error::conflict("活动「" + c.name + "」已" + (c.status == CampaignStatus::kHeld ? "举办" : "结束") +
                                  "，登记已锁定",
                              "campaign " + std::to_string(c.id) + " is " + std::string(domain::to_string(c.status)) +
                                  ": its entries are locked");
    e.fields.push_back({"status", e.message});
    return e;
}

std::string campaign_entry_field(std::int64_t project_id, BatchKind batch) {
    return "entries[" + std::to_string(project_id) + "]." + std::string(domain::to_string(batch));
}

}  // namespace

Result<Campaign> CampaignWorkflow::load(std::int64_t id, bool locked_for_entries) {
    auto c = locked_for_entries ? tx_.lock_campaign(id) : tx_.get_campaign(id);
    if (!c) return c.error();
    if (!*c) return Error::not_found("活动", "campaign");
    return std::move(**c);
}

Result<void> CampaignWorkflow::check_venues(const std::vector<domain::Venue>& venues) {
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < venues.size(); ++i) {
        const auto& v = venues[i];
        const std::string at = "venues[" + std::to_string(i) + "]";
        auto exists = tx_.region_exists(v.region_code);
        if (!exists) return exists.error();
        if (!*exists) {
            errors.push_back({at + ".region_code", {"行政区划不存在", "no such division"}});
            continue;
        }
        if (!v.zone_id) continue;
        auto zone = tx_.get_zone(domain::Scope::all(), *v.zone_id);
        if (!zone) return zone.error();
        if (!*zone) {
            errors.push_back({at + ".zone_id", {"开发区不存在", "no such zone"}});
        } else if (!(*zone)->region.str().starts_with(v.region_code.substr(0, v.region_code.ends_with("0000") ? 2 : 4))) {
            errors.push_back({at + ".zone_id", {"开发区不在该会场的行政区划内", "the zone is not in the venue's division"}});
        }
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    return {};
}

// Every entry not withdrawn must still be countable as of the campaign's date (after the date
// moved, or before it is held).
Result<void> CampaignWorkflow::check_entries_at(const Campaign& campaign) {
    std::vector<FieldError> errors;
    std::size_t refused = 0;
    for (auto status : {EntryStatus::kProposed, EntryStatus::kConfirmed}) {
        auto entries = tx_.campaign_entries_with(campaign.id, status);
        if (!entries) return entries.error();
        for (const auto& e : *entries) {
            auto view = tx_.get_project(domain::Scope::all(), e.project_id);
            if (!view) return view.error();
            if (!*view) continue;
            auto ok = domain::check_entry_stage((*view)->project, e.batch, campaign.date);
            if (ok) continue;
            if (++refused <= kNamedRefusedEntries) {
                errors.push_back({campaign_entry_field(e.project_id, e.batch), ok.error().fields.front().message});
            }
        }
    }
    if (errors.empty()) return {};
    Error e = Error::conflict(std::to_string(refused) + "项登记在活动日期" + campaign.date.iso() +
                                  "不符合批次条件；请先移除或更正",
                              std::to_string(refused) + " entries do not qualify for their batch as of " +
                                  campaign.date.iso() + "; remove or correct them first");
    e.fields = std::move(errors);
    return e;
}

Result<Campaign> CampaignWorkflow::save(const CampaignActor& by, const Campaign& before, Campaign after,
                                        std::string_view action) {
    if (auto problems = domain::validate_campaign(after); !problems.empty()) return Error::invalid(std::move(problems));
    if (auto r = check_venues(after.venues); !r) return r.error();
    if (before.id == 0) {
        auto id = tx_.insert_campaign(after);
        if (!id) return id.error();
        after.id = *id;
    } else {
        if (auto r = tx_.update_campaign(after, before.version); !r) return r.error();
    }
    auto stored = load(after.id, false);
    if (!stored) return stored.error();
    auto recorded = AuditTrail(clock_).record_change(tx_, by.actor, action, "campaign", stored->id,
                                                     before.id == 0 ? domain::FieldValues{} : audit_fields(before),
                                                     audit_fields(*stored));
    if (!recorded) return recorded.error();
    return stored;
}

Result<Campaign> CampaignWorkflow::create(const CampaignActor& by, const CampaignDraft& draft) {
    if (!is_province_user(by.who)) return campaign_province_only("创建活动", "create campaigns");
    std::vector<FieldError> missing;
    if (!draft.name) missing.push_back({"name", {"必填", "is required"}});
    if (!draft.date) missing.push_back({"date", {"必填", "is required"}});
    if (draft.status && *draft.status != CampaignStatus::kPlanning) {
        missing.push_back({"status", {"新活动的状态为 planning", "a new campaign is planning"}});
    }
    if (!missing.empty()) return Error::invalid(std::move(missing));
    Campaign c;
    c.name = *draft.name;
    c.date = *draft.date;
    c.year = draft.year.value_or(c.date.year());
    if (draft.sequence) {
        c.sequence = *draft.sequence;
    } else {
        auto last = tx_.last_campaign_sequence(c.year);
        if (!last) return last.error();
        c.sequence = *last + 1;
    }
    c.venues = draft.venues.value_or(std::vector<domain::Venue>{});
    return save(by, Campaign{}, std::move(c), "campaign.create");
}

Result<Campaign> CampaignWorkflow::update(const CampaignActor& by, std::int64_t id, std::int64_t expected_version,
                                          const CampaignDraft& draft) {
    if (!is_province_user(by.who)) return campaign_province_only("修改活动", "edit campaigns");
    auto before = load(id, false);
    if (!before) return before.error();
    if (before->version != expected_version) {
        return Error::conflict("活动已被他人修改，请刷新后重试", "the campaign was changed by someone else; reload and retry");
    }
    const bool edits = draft.name || draft.date || draft.year || draft.sequence || draft.venues;
    if (edits && before->status != CampaignStatus::kPlanning) return campaign_locked(*before);
    if (draft.status && *draft.status != before->status && edits) {
        return Error::invalid_field("status", "改变状态时不能同时修改其他字段",
                                    "change the status on its own, without other fields");
    }
    if (draft.status && *draft.status != before->status) {
        switch (*draft.status) {
            case CampaignStatus::kHeld: return hold(by, id, expected_version);
            case CampaignStatus::kClosed: return close(by, id, expected_version);
            case CampaignStatus::kPlanning:
                return Error::invalid_field("status", "活动举办后不能回到筹备状态", "a held campaign cannot go back to planning");
        }
    }
    Campaign after = *before;
    if (draft.name) after.name = *draft.name;
    if (draft.date) after.date = *draft.date;
    after.year = draft.year.value_or(draft.date ? after.date.year() : after.year);
    if (draft.sequence) {
        after.sequence = *draft.sequence;
    } else if (after.year != before->year) {
        auto last = tx_.last_campaign_sequence(after.year);
        if (!last) return last.error();
        after.sequence = *last + 1;
    }
    if (draft.venues) after.venues = *draft.venues;
    if (after.date != before->date) {
        if (auto r = check_entries_at(after); !r) return r.error();
    }
    return save(by, *before, std::move(after), "campaign.update");
}

Result<Campaign> CampaignWorkflow::hold(const CampaignActor& by, std::int64_t id,
                                        std::optional<std::int64_t> expected_version) {
    if (!is_province_user(by.who)) return campaign_province_only("举办活动", "hold campaigns");
    auto before = load(id, false);
    if (!before) return before.error();
    if (expected_version && before->version != *expected_version) {
        return Error::conflict("活动已被他人修改，请刷新后重试", "the campaign was changed by someone else; reload and retry");
    }
    if (before->status != CampaignStatus::kPlanning) return campaign_locked(*before);
    const domain::Date today = clock_.today();
    if (today < before->date) {
        return Error::invalid_field("date", "活动日期" + before->date.iso() + "尚未到来，不能举办",
                                    "the campaign's date " + before->date.iso() + " has not come yet");
    }
    // The campaign's row first: entry writes wait for it (lock_campaign), then see it held.
    Campaign after = *before;
    after.status = CampaignStatus::kHeld;
    after.held_on = today;
    if (auto r = tx_.update_campaign(after, before->version); !r) return r.error();
    auto proposed = tx_.count_campaign_entries(id, EntryStatus::kProposed);
    if (!proposed) return proposed.error();
    if (*proposed > 0) {
        Error e = Error::conflict("还有" + std::to_string(*proposed) + "项登记待市级确认，请先确认或移除",
                                  std::to_string(*proposed) + " entries still await their city's confirmation; "
                                                              "confirm or remove them first");
        e.fields.push_back({"entries", e.message});
        return e;
    }
    if (auto r = check_entries_at(*before); !r) return r.error();
    auto entries = tx_.campaign_entries_with(id, EntryStatus::kConfirmed);
    if (!entries) return entries.error();
    // Entering a batch is how its stage is reached: the event day becomes the actual date.
    for (const auto& e : *entries) {
        auto view = tx_.get_project(domain::Scope::all(), e.project_id);
        if (!view) return view.error();
        if (!*view || (*view)->project.stage >= domain::stage_of(e.batch)) continue;
        const domain::Project was = (*view)->project;
        domain::Project p = was;
        auto change = domain::apply_stage_move(p, {domain::stage_of(e.batch), before->date, std::nullopt}, today);
        if (!change) {
            Error refused = change.error();
            refused.fields.insert(refused.fields.begin(), {campaign_entry_field(e.project_id, e.batch), refused.message});
            return refused;
        }
        change->project_id = p.id;
        if (auto r = tx_.update_project(p, p.version); !r) return r.error();
        if (auto r = tx_.insert_stage_change(*change, by.who.user.id, clock_.now()); !r) return r.error();
        if (auto r = refresh_light(tx_, p.id, today); !r) return r.error();
        AuditEvent event{"campaign.stage_move", "project", p.id, domain::diff_fields(audit_fields(was), audit_fields(p))};
        event.changes.push_back({"campaign_entry." + std::string(domain::to_string(e.batch)), std::nullopt,
                                 std::to_string(id)});
        if (auto r = AuditTrail(clock_).record(tx_, by.actor, std::move(event)); !r) return r.error();
    }
    auto stored = load(id, false);
    if (!stored) return stored.error();
    auto recorded =
        AuditTrail(clock_).record_change(tx_, by.actor, "campaign.hold", "campaign", id, audit_fields(*before),
                                         audit_fields(*stored));
    if (!recorded) return recorded.error();
    return stored;
}

Result<Campaign> CampaignWorkflow::close(const CampaignActor& by, std::int64_t id,
                                         std::optional<std::int64_t> expected_version) {
    if (!is_province_user(by.who)) return campaign_province_only("结束活动", "close campaigns");
    auto before = load(id, false);
    if (!before) return before.error();
    if (expected_version && before->version != *expected_version) {
        return Error::conflict("活动已被他人修改，请刷新后重试", "the campaign was changed by someone else; reload and retry");
    }
    if (before->status != CampaignStatus::kHeld) {
        return Error::invalid_field("status", "只有已举办的活动可以结束", "only a held campaign can be closed");
    }
    Campaign after = *before;
    after.status = CampaignStatus::kClosed;
    return save(by, *before, std::move(after), "campaign.close");
}

Result<domain::ProjectView> CampaignWorkflow::project_in_scope(const CampaignActor& by, std::int64_t project_id) {
    auto view = tx_.get_project(by.who.scope, project_id);
    if (!view) return view.error();
    if (!*view) {
        Error e = Error::not_found("项目", "project");
        e.fields.push_back({"project_id", e.message});
        return e;
    }
    return std::move(**view);
}

Result<void> CampaignWorkflow::record_entry(const CampaignActor& by, std::string_view action,
                                            const CampaignEntry& entry, std::optional<std::string> before_status,
                                            std::optional<std::string> after_status, const std::string& reason) {
    const std::string field = "campaign_entry." + std::string(domain::to_string(entry.batch));
    AuditEvent event{std::string(action), "project", entry.project_id, {}};
    const std::string campaign = std::to_string(entry.campaign_id);
    event.changes.push_back({field, before_status ? std::optional(campaign) : std::nullopt,
                             after_status ? std::optional(campaign) : std::nullopt});
    event.changes.push_back({field + ".status", std::move(before_status), std::move(after_status)});
    if (!reason.empty()) event.changes.push_back({field + ".reason", std::nullopt, reason});
    auto r = AuditTrail(clock_).record(tx_, by.actor, std::move(event));
    if (!r) return r.error();
    return {};
}

Result<void> check_enterable(store::Tx& tx, const domain::Campaign& campaign, const domain::Project& project,
                             BatchKind batch) {
    auto existing = tx.find_campaign_entry(project.id, batch);
    if (!existing) return existing.error();
    if (*existing) {
        const std::int64_t counted_in = (*existing)->campaign_id;
        auto where = tx.get_campaign(counted_in);
        if (!where) return where.error();
        const std::string name = *where ? (*where)->name : std::to_string(counted_in);
        const std::string id = std::to_string(counted_in);
        Error e = counted_in == campaign.id
                      ? Error::conflict("该项目已登记在本次活动的" + std::string(domain::label_zh(batch)),
                                        "the project is already entered in this campaign's " +
                                            std::string(domain::to_string(batch)) + " batch")
                      : Error::conflict("该项目已计入活动「" + name + "」（编号" + id + "）的" +
                                            std::string(domain::label_zh(batch)) + "，同一批次类型只能计入一次",
                                        "the project is already counted in the " + std::string(domain::to_string(batch)) +
                                            " batch of campaign " + id + " (" + name +
                                            "); a project counts once per batch kind");
        e.fields.push_back({"project_id", e.message});
        return e;
    }
    return domain::check_entry_stage(project, batch, campaign.date);
}

Result<CampaignEntry> CampaignWorkflow::enter(const CampaignActor& by, std::int64_t campaign_id,
                                              std::int64_t project_id, BatchKind batch) {
    const auto role = by.who.user.role;
    if (role != Role::kZone && !is_entry_reviewer(by.who)) {
        return Error::forbidden("只有开发区、市级和省级用户可以登记活动项目",
                                "only zone, city and province users enter projects into a campaign");
    }
    auto campaign = load(campaign_id, true);
    if (!campaign) return campaign.error();
    if (campaign->status != CampaignStatus::kPlanning) return campaign_locked(*campaign);
    auto view = project_in_scope(by, project_id);
    if (!view) return view.error();
    if (auto ok = check_enterable(tx_, *campaign, view->project, batch); !ok) return ok.error();
    CampaignEntry entry;
    entry.campaign_id = campaign_id;
    entry.project_id = project_id;
    entry.batch = batch;
    entry.status = role == Role::kZone ? EntryStatus::kProposed : EntryStatus::kConfirmed;
    if (auto r = tx_.insert_campaign_entry(entry); !r) return r.error();
    auto stored = tx_.get_campaign_entry(campaign_id, project_id, batch);
    if (!stored) return stored.error();
    if (!*stored) return Error::internal("登记未保存", "the entry was not stored");
    if (auto r = record_entry(by, "campaign.entry_add", **stored, std::nullopt,
                              std::string(domain::to_string(entry.status)));
        !r) {
        return r.error();
    }
    return std::move(**stored);
}

Result<CampaignEntry> CampaignWorkflow::entry_in_scope(const CampaignActor& by, std::int64_t campaign_id,
                                                       std::int64_t project_id, BatchKind batch) {
    if (auto view = project_in_scope(by, project_id); !view) return view.error();
    auto entry = tx_.get_campaign_entry(campaign_id, project_id, batch);
    if (!entry) return entry.error();
    if (!*entry) return Error::not_found("活动登记", "campaign entry");
    return std::move(**entry);
}

Result<CampaignEntry> CampaignWorkflow::confirm(const CampaignActor& by, std::int64_t campaign_id,
                                                std::int64_t project_id, BatchKind batch) {
    if (!is_entry_reviewer(by.who)) {
        return Error::forbidden("只有市级和省级用户可以确认活动登记", "only city and province users confirm entries");
    }
    auto campaign = load(campaign_id, true);
    if (!campaign) return campaign.error();
    if (campaign->status != CampaignStatus::kPlanning) return campaign_locked(*campaign);
    auto entry = entry_in_scope(by, campaign_id, project_id, batch);
    if (!entry) return entry.error();
    if (entry->status != EntryStatus::kProposed) {
        return Error::conflict("该登记不是待确认状态", "the entry is not awaiting confirmation");
    }
    auto view = project_in_scope(by, project_id);
    if (!view) return view.error();
    if (auto ok = domain::check_entry_stage(view->project, batch, campaign->date); !ok) return ok.error();
    if (auto r = tx_.set_campaign_entry_status(*entry, EntryStatus::kConfirmed, ""); !r) return r.error();
    if (auto r = record_entry(by, "campaign.entry_confirm", *entry, "proposed", "confirmed"); !r) return r.error();
    entry->status = EntryStatus::kConfirmed;
    return entry;
}

Result<void> CampaignWorkflow::remove(const CampaignActor& by, std::int64_t campaign_id, std::int64_t project_id,
                                      BatchKind batch) {
    const auto role = by.who.user.role;
    if (role != Role::kZone && !is_entry_reviewer(by.who)) {
        return Error::forbidden("无权移除活动登记", "you cannot remove campaign entries");
    }
    auto campaign = load(campaign_id, true);
    if (!campaign) return campaign.error();
    if (campaign->status != CampaignStatus::kPlanning) {
        Error e = Error::conflict("活动已举办，登记只能由省级用户说明原因后撤回",
                                  "the campaign is held: its entries can only be withdrawn, by the province, with a reason");
        e.fields.push_back({"status", e.message});
        return e;
    }
    auto entry = entry_in_scope(by, campaign_id, project_id, batch);
    if (!entry) return entry.error();
    if (role == Role::kZone && entry->status != EntryStatus::kProposed) {
        return Error::forbidden("已确认的登记须由市级或省级用户移除", "a confirmed entry is removed by the city or the province");
    }
    if (auto r = tx_.delete_campaign_entry(*entry); !r) return r.error();
    return record_entry(by, "campaign.entry_remove", *entry, std::string(domain::to_string(entry->status)), std::nullopt);
}

Result<CampaignEntry> CampaignWorkflow::withdraw(const CampaignActor& by, std::int64_t campaign_id,
                                                 std::int64_t project_id, BatchKind batch, const std::string& reason) {
    if (!is_province_user(by.who)) return campaign_province_only("撤回已举办活动的登记", "withdraw entries of a held campaign");
    // Ideographic spaces count as blank too; the text itself is kept as typed (its punctuation).
    if (domain::normalize_input(reason).empty()) {
        return Error::invalid_field("reason", "撤回须说明原因", "a withdrawal needs a reason");
    }
    if (!domain::is_valid_utf8(reason) || domain::utf8_length(reason) > kMaxWithdrawalReasonChars) {
        return Error::invalid_field("reason", "原因不能超过500个字符", "the reason must be at most 500 characters");
    }
    const std::string kept = trimmed_withdrawal_reason(reason);
    auto campaign = load(campaign_id, false);
    if (!campaign) return campaign.error();
    if (campaign->status == CampaignStatus::kPlanning) {
        return Error::invalid_field("status", "筹备中的活动直接移除登记即可（DELETE）",
                                    "a planned campaign's entries are removed (DELETE), not withdrawn");
    }
    auto entry = entry_in_scope(by, campaign_id, project_id, batch);
    if (!entry) return entry.error();
    if (entry->status != EntryStatus::kConfirmed) {
        return Error::conflict("该登记已撤回", "the entry is already withdrawn");
    }
    if (auto r = tx_.set_campaign_entry_status(*entry, EntryStatus::kWithdrawn, kept); !r) return r.error();
    if (auto r = record_entry(by, "campaign.entry_withdraw", *entry, "confirmed", "withdrawn", kept); !r) {
        return r.error();
    }
    entry->status = EntryStatus::kWithdrawn;
    entry->reason = kept;
    return entry;
}

Result<void> check_counted_entries(store::Tx& tx, const domain::Project& before, const domain::Project& after) {
    if (after.stage >= before.stage && after.actual == before.actual) return {};
    auto entries = tx.project_campaign_entries(after.id);
    if (!entries) return entries.error();
    for (const auto& e : *entries) {
        auto campaign = tx.get_campaign(e.campaign_id);
        if (!campaign) return campaign.error();
        if (!*campaign) continue;
        if (auto ok = domain::check_entry_kept(after, e.batch, **campaign); !ok) return ok.error();
    }
    return {};
}

}  // namespace sanpi::service
