#include "features/whistle/whistle_service.hpp"

#include <algorithm>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::whistle {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitleLength = 100;
constexpr std::size_t kMaxTextLength = 2000;
constexpr std::size_t kMaxAddressLength = 200;
constexpr std::size_t kMaxCommentLength = 500;
constexpr std::size_t kMaxAgencies = 10;

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length && core::IsCleanText(text);
}

bool IsOptionalText(const std::string& text, std::size_t max_length) {
  return core::CharacterCount(text) <= max_length && core::IsCleanText(text);
}

bool IsSource(const std::string& value) {
  static const std::set<std::string> sources = {"hotline", "grid_patrol", "resident_council", "petition",
                                                "city_platform"};
  return sources.contains(value);
}

bool IsMonth(const std::string& month) { return month.size() == 7 && core::IsIsoDate(month + "-01"); }

// The last day of a month ("2026-02" → "2026-02-28").
std::string LastDayOf(const std::string& month) {
  int year = std::stoi(month.substr(0, 4));
  int number = std::stoi(month.substr(5, 2)) + 1;
  if (number > 12) {
    number = 1;
    ++year;
  }
  const std::string next = std::to_string(year) + (number < 10 ? "-0" : "-") + std::to_string(number) + "-01";
  return core::AddDays(next, -1);
}

std::string Link(std::int64_t id) { return "/whistles/" + std::to_string(id); }

std::string Minutes(std::int64_t seconds) { return std::to_string((seconds + 59) / 60); }

}  // namespace

std::string WhistleService::BandOf(const RateBand& band, std::optional<double> per_10k) {
  if (!per_10k) return "unknown";
  if (*per_10k < band.low_per_10k) return "too_low";
  if (*per_10k > band.high_per_10k) return "too_high";
  return "normal";
}

// ---- settings ----

WhistleSettings WhistleService::GetSettings(const core::Actor& actor) const {
  core::RequirePermission(actor, "whistle:read");
  db::Session session(database_);
  return {repository_.ListTypes(session.sql()), repository_.ReadBand(session.sql())};
}

WhistleSettings WhistleService::UpdateSettings(const core::Actor& actor, const WhistleSettings& settings) const {
  core::RequirePermission(actor, "whistle:configure");
  for (const WhistleType& type : settings.types) {
    if (type.arrival_minutes < 1 || type.arrival_minutes > 1440) {
      throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_arrival_minutes", type.code);
    }
  }
  const RateBand& band = settings.band;
  if (!(band.low_per_10k >= 0) || !(band.high_per_10k > band.low_per_10k) || band.high_per_10k > 10000) {
    throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_band");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  std::string summary;
  for (const WhistleType& type : settings.types) {
    if (!repository_.FindType(sql, type.code)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_type");
    repository_.UpdateTypeMinutes(sql, type.code, type.arrival_minutes);
    summary += type.code + "=" + std::to_string(type.arrival_minutes) + "min ";
  }
  repository_.UpdateBand(sql, band, clock_.NowSeconds());
  audit_.Record(sql, actor, {"whistle_settings.update", "whistle_settings", std::nullopt, "ok",
                             summary + "band " + std::to_string(band.low_per_10k) + "–" +
                                 std::to_string(band.high_per_10k)});
  WhistleSettings updated{repository_.ListTypes(sql), repository_.ReadBand(sql)};
  transaction.Commit();
  return updated;
}

void WhistleService::SetResidents(const core::Actor& actor, std::int64_t street_id, std::int64_t residents,
                                  const std::string& counted_on) const {
  core::RequirePermission(actor, "org:write");
  if (residents < 1 || residents > 100'000'000) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_residents");
  if (!core::IsIsoDate(counted_on)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_counted_on");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org street = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), street_id);
  if (street.level != "street" || street.archived) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_street");
  repository_.SavePopulation(sql, street.id, counted_on, residents);
  audit_.Record(sql, actor, {"street_population.set", "org", street.id, "ok",
                             counted_on + ": " + std::to_string(residents)});
  transaction.Commit();
}

std::vector<OrgRef> WhistleService::ListAgencies(const core::Actor& actor, std::int64_t street_id) const {
  core::RequirePermission(actor, "whistle:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const org::Org street = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), street_id);
  if (street.level != "street") throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_street");
  return repository_.ListAgenciesServing(sql, street.id);
}

// ---- whistles ----

Whistle WhistleService::FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  auto found = repository_.FindWhistle(sql, id);
  if (!found) throw AppError(ErrorKind::kNotFound, "whistle.not_found");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const bool summoned = std::any_of(found->responses.begin(), found->responses.end(),
                                    [&](const Response& r) { return scope.Contains(r.agency_path); });
  if (!scope.Contains(found->street_path) && !summoned) throw core::OutOfScope("whistle.not_found");
  return std::move(*found);
}

Whistle WhistleService::FindForStreet(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  Whistle whistle = FindVisible(sql, actor, id);
  if (whistle.street.id != actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "whistle.not_street", "only the street that blew it");
  }
  return whistle;
}

Response& WhistleService::OwnResponse(const core::Actor& actor, Whistle& whistle) const {
  const auto own = std::find_if(whistle.responses.begin(), whistle.responses.end(),
                                [&](const Response& r) { return r.agency.id == actor.org_id; });
  if (own == whistle.responses.end()) {
    throw AppError(ErrorKind::kPermissionDenied, "whistle.not_summoned", "only a summoned agency reports");
  }
  if (whistle.state != "dispatched") throw AppError(ErrorKind::kConflict, "whistle.wrong_state", whistle.state);
  return *own;
}

void WhistleService::Dispatch(soci::session& sql, const core::Actor& actor, Whistle& whistle, std::int64_t now) const {
  const WhistleType type = *repository_.FindType(sql, whistle.type);
  whistle.state = "dispatched";
  whistle.dispatched_at = now;
  const std::int64_t due = now + type.arrival_minutes * 60;
  for (Response& response : whistle.responses) {
    response.arrival_due = due;
    repository_.SaveResponse(sql, response, std::nullopt);
    repository_.InsertStep(sql, whistle.id, "dispatched", actor.org_id, actor.user_id, response.agency.id,
                           std::to_string(type.arrival_minutes) + " 分钟内到场", now);
    notification_service_.Notify(
        sql, {response.agency.id, "whistle", "吹哨报到：" + whistle.title,
              whistle.street.name + "吹哨（" + type.name + "），请于 " + core::ChinaDateTime(due) + " 前到场。",
              Link(whistle.id)});
  }
}

Whistle WhistleService::Write(const core::Actor& actor, const std::string& action, std::int64_t id, bool as_street,
                              const Change& change) const {
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (!as_street) {
    // An agency serving the street that was not summoned is told so (it may not report), not that
    // the whistle is missing.
    const auto found = repository_.FindWhistle(sql, id);
    if (found &&
        std::none_of(found->responses.begin(), found->responses.end(),
                     [&](const Response& r) { return r.agency.id == actor.org_id; }) &&
        repository_.ServesStreet(sql, actor.org_id, found->street.id)) {
      throw AppError(ErrorKind::kPermissionDenied, "whistle.not_summoned", "only a summoned agency reports");
    }
  }
  Whistle whistle = as_street ? FindForStreet(sql, actor, id) : FindVisible(sql, actor, id);
  const bool was_signed = whistle.signed_off_at.has_value();
  const std::int64_t now = clock_.NowSeconds();
  change(sql, whistle, now);
  const bool signs = !was_signed && whistle.signed_off_at.has_value();
  repository_.SaveWhistle(sql, whistle, signs ? std::optional<std::int64_t>(actor.user_id) : std::nullopt, now);
  audit_.Record(sql, actor, {action, "whistle", id});
  Whistle saved = *repository_.FindWhistle(sql, id);
  transaction.Commit();
  return saved;
}

Whistle WhistleService::Blow(const core::Actor& actor, const NewWhistle& input) const {
  core::RequirePermission(actor, "whistle:blow");
  if (!IsSource(input.source)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_source");
  if (!IsValidText(input.title, kMaxTitleLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_title");
  if (!IsValidText(input.description, kMaxTextLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_description");
  }
  if (!IsOptionalText(input.address, kMaxAddressLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_address");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto type = repository_.FindType(sql, input.type);
  if (!type) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_type");
  const org::Org street = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), input.street_org_id);
  if (street.level != "street" || street.archived) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_street");
  if (input.agency_ids.empty() || input.agency_ids.size() > kMaxAgencies) {
    throw AppError(ErrorKind::kInvalidArgument, "whistle.no_agencies");
  }
  if (std::set<std::int64_t>(input.agency_ids.begin(), input.agency_ids.end()).size() != input.agency_ids.size()) {
    throw AppError(ErrorKind::kInvalidArgument, "whistle.duplicate_agency");
  }
  for (const std::int64_t agency : input.agency_ids) {
    if (!repository_.ServesStreet(sql, agency, street.id)) {
      throw AppError(ErrorKind::kInvalidArgument, "whistle.agency_not_serving").WithField("agency_ids");
    }
  }
  const std::int64_t now = clock_.NowSeconds();
  Whistle whistle;
  whistle.street = {street.id, street.name, street.level};
  whistle.type = input.type;
  whistle.source = input.source;
  whistle.title = input.title;
  whistle.description = input.description;
  whistle.address = input.address;
  whistle.state = "awaiting_sign_off";
  whistle.blown_at = now;
  whistle.blown_month = core::ChinaDate(now).substr(0, 7);
  whistle.id = repository_.InsertWhistle(sql, whistle, actor.user_id, now);
  for (const std::int64_t agency : input.agency_ids) repository_.InsertResponse(sql, whistle.id, agency);
  whistle.responses = repository_.FindWhistle(sql, whistle.id)->responses;
  repository_.InsertStep(sql, whistle.id, "blown", actor.org_id, actor.user_id, std::nullopt, input.source, now);
  if (input.type == "emergency") {
    // 应急: the agencies are summoned at once; the principal leader signs after.
    Dispatch(sql, actor, whistle, now);
    repository_.SaveWhistle(sql, whistle, std::nullopt, now);
  } else {
    notification_service_.Notify(sql, {street.id, "whistle", "待签发：" + whistle.title,
                                       "吹哨须经街道主要领导签发后派出。", Link(whistle.id)});
  }
  audit_.Record(sql, actor, {"whistle.blow", "whistle", whistle.id});
  Whistle created = *repository_.FindWhistle(sql, whistle.id);
  transaction.Commit();
  return created;
}

WhistlePage WhistleService::List(const core::Actor& actor, const WhistleFilter& filter) const {
  core::RequirePermission(actor, "whistle:read");
  static const std::set<std::string> states = {"open", "awaiting_sign_off", "dispatched", "closed"};
  if (filter.state && !states.contains(*filter.state)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "state");
  }
  db::Session session(database_);
  WhistleQuery query{org_service_.ScopeOf(session.sql(), actor, filter.org_id)};
  query.state = filter.state;
  query.agency_id = filter.agency_id;
  query.offset = filter.offset;
  query.limit = filter.limit;
  return repository_.ListWhistles(session.sql(), query);
}

WhistleDetail WhistleService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "whistle:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  WhistleDetail detail;
  detail.whistle = FindVisible(sql, actor, id);
  detail.steps = repository_.ListSteps(sql, id);
  const Whistle& w = detail.whistle;
  const bool street = w.street.id == actor.org_id;
  detail.can_sign_off = street && actor.Can("whistle:sign") && !w.signed_off_at;
  const bool all_complete =
      std::none_of(w.responses.begin(), w.responses.end(), [](const Response& r) { return r.IsOpen(); });
  detail.can_close = street && actor.Can("whistle:blow") && w.state == "dispatched" && all_complete &&
                     w.signed_off_at.has_value();
  detail.can_rate = street && actor.Can("whistle:blow") && w.state == "closed" &&
                    std::any_of(w.responses.begin(), w.responses.end(), [](const Response& r) { return !r.score; });
  for (const Response& response : w.responses) {
    if (response.agency.id == actor.org_id) detail.own_response_id = response.id;
  }
  return detail;
}

Whistle WhistleService::SignOff(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "whistle:sign");
  if (!IsOptionalText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_text");
  return Write(actor, "whistle.sign_off", id, true, [&](soci::session& sql, Whistle& whistle, std::int64_t now) {
    if (whistle.signed_off_at) throw AppError(ErrorKind::kConflict, "whistle.already_signed_off");
    whistle.signed_off_at = now;
    if (whistle.state == "awaiting_sign_off") {
      repository_.InsertStep(sql, id, "signed_off", actor.org_id, actor.user_id, std::nullopt, text, now);
      Dispatch(sql, actor, whistle, now);
    } else {
      whistle.signed_after_dispatch = true;
      repository_.InsertStep(sql, id, "signed_off", actor.org_id, actor.user_id, std::nullopt,
                             "事后补签" + std::string(text.empty() ? "" : "：") + text, now);
    }
  });
}

Whistle WhistleService::Arrive(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "whistle:respond");
  if (!IsOptionalText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_text");
  return Write(actor, "whistle.arrive", id, false, [&](soci::session& sql, Whistle& whistle, std::int64_t now) {
    Response& response = OwnResponse(actor, whistle);
    if (response.arrived_at) throw AppError(ErrorKind::kConflict, "whistle.already_arrived");
    response.arrived_at = now;
    response.arrival_text = text;
    repository_.SaveResponse(sql, response, std::nullopt);
    std::string note = text;
    if (response.IsLate(now)) {
      note = "迟到 " + Minutes(now - *response.arrival_due) + " 分钟" + (text.empty() ? "" : "；" + text);
    }
    repository_.InsertStep(sql, id, "arrived", actor.org_id, actor.user_id, std::nullopt, note, now);
  });
}

Whistle WhistleService::Handle(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "whistle:respond");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_text");
  return Write(actor, "whistle.handle", id, false, [&](soci::session& sql, Whistle& whistle, std::int64_t now) {
    Response& response = OwnResponse(actor, whistle);
    if (!response.arrived_at) throw AppError(ErrorKind::kConflict, "whistle.not_arrived");
    if (response.completed_at) throw AppError(ErrorKind::kConflict, "whistle.already_completed");
    repository_.InsertStep(sql, id, "handled", actor.org_id, actor.user_id, std::nullopt, text, now);
  });
}

Whistle WhistleService::Complete(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "whistle:respond");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_text");
  return Write(actor, "whistle.complete", id, false, [&](soci::session& sql, Whistle& whistle, std::int64_t now) {
    Response& response = OwnResponse(actor, whistle);
    if (!response.arrived_at) throw AppError(ErrorKind::kConflict, "whistle.not_arrived");
    if (response.completed_at) throw AppError(ErrorKind::kConflict, "whistle.already_completed");
    response.completed_at = now;
    response.completion_text = text;
    repository_.SaveResponse(sql, response, std::nullopt);
    repository_.InsertStep(sql, id, "completed", actor.org_id, actor.user_id, std::nullopt, text, now);
    notification_service_.Notify(sql, {whistle.street.id, "whistle", "报到单位已完成处置：" + whistle.title,
                                       response.agency.name + "：" + text, Link(id)});
  });
}

Whistle WhistleService::Close(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "whistle:blow");
  if (!IsOptionalText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_text");
  return Write(actor, "whistle.close", id, true, [&](soci::session& sql, Whistle& whistle, std::int64_t now) {
    if (whistle.state != "dispatched") throw AppError(ErrorKind::kConflict, "whistle.wrong_state", whistle.state);
    // 事不完、人不撤: every summoned part must be complete.
    std::string open;
    for (const Response& response : whistle.responses) {
      if (response.IsOpen()) open += (open.empty() ? "" : "、") + response.agency.name;
    }
    if (!open.empty()) throw AppError(ErrorKind::kConflict, "whistle.parts_open", open);
    if (!whistle.signed_off_at) throw AppError(ErrorKind::kConflict, "whistle.not_signed_off");
    whistle.state = "closed";
    whistle.closed_at = now;
    whistle.closing_text = text;
    repository_.InsertStep(sql, id, "closed", actor.org_id, actor.user_id, std::nullopt, text, now);
  });
}

Whistle WhistleService::Rate(const core::Actor& actor, std::int64_t id, std::int64_t agency_id, std::int64_t score,
                             const std::string& comment) const {
  core::RequirePermission(actor, "whistle:blow");
  if (score < 1 || score > 5) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_score");
  if (!IsOptionalText(comment, kMaxCommentLength)) throw AppError(ErrorKind::kInvalidArgument, "whistle.invalid_text");
  return Write(actor, "whistle.rate", id, true, [&](soci::session& sql, Whistle& whistle, std::int64_t now) {
    if (whistle.state != "closed") throw AppError(ErrorKind::kConflict, "whistle.not_closed");
    const auto part = std::find_if(whistle.responses.begin(), whistle.responses.end(),
                                   [&](const Response& r) { return r.agency.id == agency_id; });
    if (part == whistle.responses.end()) {
      throw AppError(ErrorKind::kInvalidArgument, "whistle.not_summoned").WithField("agency_org_id");
    }
    if (part->score) throw AppError(ErrorKind::kConflict, "whistle.already_rated");
    part->score = score;
    part->rating_comment = comment;
    part->rated_at = now;
    repository_.SaveResponse(sql, *part, actor.user_id);
    repository_.InsertStep(sql, id, "rated", actor.org_id, actor.user_id, agency_id,
                           std::to_string(score) + " 分" + (comment.empty() ? "" : "：" + comment), now);
    notification_service_.Notify(sql, {agency_id, "whistle", "评哨结果：" + whistle.title,
                                       whistle.street.name + "评价 " + std::to_string(score) + " 分" +
                                           (comment.empty() ? "" : "：" + comment),
                                       Link(id)});
  });
}

WhistleRates WhistleService::GetRates(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                      const std::string& month) const {
  core::RequirePermission(actor, "whistle:read");
  if (!IsMonth(month)) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "month");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const core::OrgScope scope = org_service_.ScopeOf(sql, actor, org_id);
  const org::Org org = *org_service_.FindOrg(sql, scope.RootId());
  WhistleRates rates;
  rates.org = {org.id, org.name, org.level};
  rates.month = month;
  rates.band = repository_.ReadBand(sql);
  rates.streets = repository_.CountByStreet(sql, scope, month, LastDayOf(month));
  for (StreetRate& street : rates.streets) {
    if (street.residents) {
      street.per_10k = static_cast<double>(street.whistles) * 10000.0 / static_cast<double>(*street.residents);
    }
    street.band = BandOf(rates.band, street.per_10k);
  }
  return rates;
}

}  // namespace liandong::whistle
