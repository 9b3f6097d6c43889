#include "features/cobuild_list/venue_service.hpp"

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/org_scope.hpp"
#include "core/text.hpp"

namespace liandong::cobuild_list {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxNameLength = 100;
constexpr std::size_t kMaxAddressLength = 200;
constexpr std::size_t kMaxHoursLength = 200;
constexpr std::size_t kMaxItems = 30;
constexpr std::int64_t kMaxCapacity = 100000;
constexpr std::int64_t kMaxCalendarDays = 92;
constexpr std::int64_t kMaxBookingAheadDays = 366;

AppError Invalid(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kInvalidArgument, code);
  error.WithField(field);
  return error;
}

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

// "HH:MM" from 00:00 to 24:00.
bool IsTime(const std::string& time) {
  if (time.size() != 5 || time[2] != ':') return false;
  for (const std::size_t i : {0u, 1u, 3u, 4u}) {
    if (time[i] < '0' || time[i] > '9') return false;
  }
  const int hours = (time[0] - '0') * 10 + (time[1] - '0');
  const int minutes = (time[3] - '0') * 10 + (time[4] - '0');
  return minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0));
}

}  // namespace

std::vector<std::int64_t> VenueService::AncestorsOf(const core::OrgScope& scope) const {
  std::vector<std::int64_t> ids = scope.Ids();
  ids.pop_back();
  return ids;
}

Venue VenueService::FindVenueInSight(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  std::optional<Venue> found = repository_.FindVenue(sql, id);
  const core::OrgScope own = core::OrgScope::Of(actor);
  if (found && own.IsWithinAncestorOf(found->org_path)) return std::move(*found);
  return core::RequireInScope(own, std::move(found), [](const Venue& venue) { return venue.org_path; },
                              "venue.not_found");
}

ServiceCentre VenueService::CreateCentre(const core::Actor& actor, const NewServiceCentre& input) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!IsValidText(input.name, kMaxNameLength)) throw Invalid("service_centre.invalid_name", "name");
  if (!IsValidText(input.address, kMaxAddressLength)) throw Invalid("service_centre.invalid_address", "address");
  if (!IsValidText(input.opening_hours, kMaxHoursLength)) {
    throw Invalid("service_centre.invalid_opening_hours", "opening_hours");
  }
  if (input.service_items.empty() || input.service_items.size() > kMaxItems) {
    throw Invalid("service_centre.invalid_items", "service_items");
  }
  for (const std::string& item : input.service_items) {
    if (!IsValidText(item, kMaxNameLength)) throw Invalid("service_centre.invalid_items", "service_items");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org org =
      org_service_.RequireInScope(sql, core::OrgScope::Of(actor), input.org_id, "service_centre.org_not_found");
  if (org.archived) throw Invalid("service_centre.org_not_found", "org_id");
  const std::int64_t id = repository_.InsertCentre(sql, input, actor.user_id, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"service_centre.create", "service_centre", id});
  ServiceCentre centre = *repository_.FindCentre(sql, id);
  transaction.Commit();
  return centre;
}

std::vector<ServiceCentre> VenueService::ListCentres(const core::Actor& actor,
                                                     std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, org_id);
  return repository_.ListCentres(session.sql(), scope, AncestorsOf(scope));
}

ServiceCentre VenueService::GetCentre(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  std::optional<ServiceCentre> found = repository_.FindCentre(session.sql(), id);
  const core::OrgScope own = core::OrgScope::Of(actor);
  if (found && own.IsWithinAncestorOf(found->org_path)) return std::move(*found);
  return core::RequireInScope(own, std::move(found), [](const ServiceCentre& centre) { return centre.org_path; },
                              "service_centre.not_found");
}

std::int64_t VenueService::SeedVenue(soci::session& sql, const NewVenue& input, const std::string& valid_from,
                                     std::int64_t created_by, std::int64_t now) const {
  const std::int64_t id = repository_.InsertVenue(sql, input, created_by, now);
  NewResource listing;
  listing.org_id = input.org_id;
  listing.unit_id = input.unit_id;
  listing.service_centre_id = input.service_centre_id;
  listing.venue_id = id;
  listing.resource_kind = "venue";
  listing.category = input.category;
  listing.tags = input.tags;
  listing.title = input.name;
  listing.description = "开放时间：" + input.opening_hours;
  listing.quantity = input.capacity;
  listing.valid_from = valid_from;
  listing.valid_to = input.valid_to.value_or(kOpenEnded);
  list_service_.ListVenue(sql, listing, created_by, now);
  return id;
}

VenueDetail VenueService::CreateVenue(const core::Actor& actor, const NewVenue& input) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!IsValidText(input.name, kMaxNameLength)) throw Invalid("venue.invalid_name", "name");
  if (input.capacity <= 0 || input.capacity > kMaxCapacity) throw Invalid("venue.invalid_capacity", "capacity");
  if (!IsValidText(input.opening_hours, kMaxHoursLength)) throw Invalid("venue.invalid_opening_hours", "opening_hours");
  if (input.valid_to && !core::IsIsoDate(*input.valid_to)) throw Invalid("venue.invalid_date", "valid_to");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  if (input.valid_to && *input.valid_to < today) throw Invalid("venue.invalid_date", "valid_to");
  if (!list_service_.HasCategory(sql, input.category)) throw Invalid("venue.invalid_category", "category");
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org org = org_service_.RequireInScope(sql, own, input.org_id, "venue.org_not_found");
  if (org.archived) throw Invalid("venue.org_not_found", "org_id");
  if (input.service_centre_id) {
    const auto centre = repository_.FindCentre(sql, *input.service_centre_id);
    if (!centre || centre->org.id != org.id) throw Invalid("venue.invalid_service_centre", "service_centre_id");
  }
  if (input.unit_id) {
    const unit::Unit unit = unit_service_.RequireInScope(sql, own, *input.unit_id, "venue.unit_not_found");
    const std::optional<core::OrgScope> territory = own.Narrow(org.path);
    if (!territory || !territory->Contains(unit.org_path) || unit.archived) {
      throw Invalid("venue.unit_outside_territory", "unit_id");
    }
  }
  const std::int64_t id = SeedVenue(sql, input, today, actor.user_id, now);
  audit_service_.Record(sql, actor, {"venue.create", "venue", id});
  VenueDetail detail;
  detail.venue = *repository_.FindVenue(sql, id);
  detail.from = today;
  detail.to = core::AddDays(today, 13);
  detail.can_book = actor.Can("cobuild:write");
  transaction.Commit();
  return detail;
}

std::vector<Venue> VenueService::ListVenues(const core::Actor& actor, std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, org_id);
  return repository_.ListVenues(session.sql(), scope, AncestorsOf(scope));
}

VenueDetail VenueService::GetVenue(const core::Actor& actor, std::int64_t id, std::optional<std::string> from,
                                   std::optional<std::string> to) const {
  core::RequirePermission(actor, "cobuild:read");
  const std::string today = core::ChinaDate(clock_.NowSeconds());
  if (from && !core::IsIsoDate(*from)) throw Invalid("venue.invalid_date", "from");
  if (to && !core::IsIsoDate(*to)) throw Invalid("venue.invalid_date", "to");
  VenueDetail detail;
  detail.from = from.value_or(today);
  detail.to = to.value_or(core::AddDays(detail.from, 13));
  if (detail.to < detail.from || core::DaysOfIsoDate(detail.to) - core::DaysOfIsoDate(detail.from) > kMaxCalendarDays) {
    throw Invalid("venue.invalid_date", "to");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  detail.venue = FindVenueInSight(sql, actor, id);
  const core::OrgScope own = core::OrgScope::Of(actor);
  for (Booking& booking : repository_.ListBookings(sql, id, detail.from, detail.to)) {
    if (!own.Contains(booking.org_path)) {
      booking.masked = true;
      booking.title = "已预约";
      booking.org = {};
      booking.unit.reset();
      booking.attendees = 0;
    }
    detail.bookings.push_back(std::move(booking));
  }
  detail.can_book = actor.Can("cobuild:write");
  return detail;
}

Booking VenueService::Book(const core::Actor& actor, std::int64_t venue_id, const NewBooking& booking) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!core::IsIsoDate(booking.booked_on)) throw Invalid("booking.invalid_date", "booked_on");
  if (!IsTime(booking.start_time)) throw Invalid("booking.invalid_time", "start_time");
  if (!IsTime(booking.end_time) || booking.end_time <= booking.start_time) {
    throw Invalid("booking.invalid_time", "end_time");
  }
  if (!IsValidText(booking.title, kMaxNameLength)) throw Invalid("booking.invalid_title", "title");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  if (booking.booked_on < today) throw Invalid("booking.in_past", "booked_on");
  if (core::DaysOfIsoDate(booking.booked_on) - core::DaysOfIsoDate(today) > kMaxBookingAheadDays) {
    throw Invalid("booking.too_far_ahead", "booked_on");
  }
  const Venue venue = FindVenueInSight(sql, actor, venue_id);
  if (booking.attendees <= 0 || booking.attendees > venue.capacity) {
    throw Invalid("booking.over_capacity", "attendees");
  }
  const core::OrgScope own = core::OrgScope::Of(actor);
  std::int64_t org_id = actor.org_id;
  if (booking.org_id) org_id = org_service_.RequireInScope(sql, own, *booking.org_id, "booking.org_not_found").id;
  if (booking.unit_id) unit_service_.RequireInScope(sql, own, *booking.unit_id, "booking.unit_not_found");
  repository_.LockVenue(sql, venue.id);
  if (repository_.Overlaps(sql, venue.id, booking.booked_on, booking.start_time, booking.end_time)) {
    AppError error(ErrorKind::kConflict, "booking.overlaps");
    error.WithField("start_time");
    throw error;
  }
  const std::int64_t id = repository_.InsertBooking(sql, venue.id, org_id, booking, actor.user_id, now);
  audit_service_.Record(sql, actor, {"booking.create", "venue_booking", id});
  Booking made = *repository_.FindBooking(sql, id);
  transaction.Commit();
  return made;
}

Booking VenueService::Cancel(const core::Actor& actor, std::int64_t booking_id) const {
  core::RequirePermission(actor, "cobuild:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  // The booking's own org (or an org above it) cancels it.
  const Booking booking =
      core::RequireInScope(core::OrgScope::Of(actor), repository_.FindBooking(sql, booking_id),
                           [](const Booking& found) { return found.org_path; }, "booking.not_found");
  if (booking.cancelled || !repository_.CancelBooking(sql, booking_id, clock_.NowSeconds())) {
    throw AppError(ErrorKind::kConflict, "booking.cancelled");
  }
  audit_service_.Record(sql, actor, {"booking.cancel", "venue_booking", booking_id});
  Booking cancelled = *repository_.FindBooking(sql, booking_id);
  transaction.Commit();
  return cancelled;
}

}  // namespace liandong::cobuild_list
