#include "features/cobuild_list/venue_repository.hpp"

#include <string_view>

#include "db/in_list.hpp"
#include "db/org_scope_binding.hpp"
#include "features/cobuild_list/list_rows.hpp"

namespace liandong::cobuild_list {
namespace {

constexpr std::string_view kSelectCentres = R"sql(
  SELECT c.id, o.id, o.name, o.path, c.name, c.address, c.opening_hours, c.created_at
  FROM service_centre c
  JOIN org o ON o.id = c.org_id
)sql";
constexpr std::string_view kSelectVenues = R"sql(
  SELECT v.id, o.id, o.name, o.path, c.id, c.name, u.id, u.name, v.name, v.capacity, v.opening_hours, r.id,
         v.created_at
  FROM venue v
  JOIN org o ON o.id = v.org_id
  LEFT JOIN service_centre c ON c.id = v.service_centre_id
  LEFT JOIN unit u ON u.id = v.unit_id
  LEFT JOIN resource r ON r.venue_id = v.id
)sql";
constexpr std::string_view kSelectBookings = R"sql(
  SELECT b.id, b.venue_id, o.id, o.name, o.path, u.id, u.name, b.booked_on, b.start_time, b.end_time, b.title,
         b.attendees, b.cancelled_at
  FROM venue_booking b
  JOIN org o ON o.id = b.org_id
  LEFT JOIN unit u ON u.id = b.unit_id
)sql";

// The scope, or one of the orgs above it.
std::string InSight(const std::vector<std::int64_t>& ancestor_ids) {
  std::string where = " WHERE ((o.path >= :scope AND o.path < :scope_end)";
  if (!ancestor_ids.empty()) where += " OR o.id IN " + db::InList(ancestor_ids);
  return where + ")";
}

ServiceCentre CentreOf(const soci::row& row) {
  ServiceCentre centre;
  centre.id = Integer(row, 0);
  centre.org = {Integer(row, 1), Text(row, 2)};
  centre.org_path = Text(row, 3);
  centre.name = Text(row, 4);
  centre.address = Text(row, 5);
  centre.opening_hours = Text(row, 6);
  centre.created_at = Integer(row, 7);
  return centre;
}

Venue VenueOf(const soci::row& row) {
  Venue venue;
  venue.id = Integer(row, 0);
  venue.org = {Integer(row, 1), Text(row, 2)};
  venue.org_path = Text(row, 3);
  if (!IsNull(row, 4)) venue.service_centre = Ref{Integer(row, 4), Text(row, 5)};
  if (!IsNull(row, 6)) venue.unit = Ref{Integer(row, 6), Text(row, 7)};
  venue.name = Text(row, 8);
  venue.capacity = Integer(row, 9);
  venue.opening_hours = Text(row, 10);
  venue.resource_id = OptionalInteger(row, 11);
  venue.created_at = Integer(row, 12);
  return venue;
}

Booking BookingOf(const soci::row& row) {
  Booking booking;
  booking.id = Integer(row, 0);
  booking.venue_id = Integer(row, 1);
  booking.org = {Integer(row, 2), Text(row, 3)};
  booking.org_path = Text(row, 4);
  if (!IsNull(row, 5)) booking.unit = Ref{Integer(row, 5), Text(row, 6)};
  booking.booked_on = Text(row, 7);
  booking.start_time = Text(row, 8);
  booking.end_time = Text(row, 9);
  booking.title = Text(row, 10);
  booking.attendees = Integer(row, 11);
  booking.cancelled = !IsNull(row, 12);
  return booking;
}

}  // namespace

std::int64_t VenueRepository::InsertCentre(soci::session& sql, const NewServiceCentre& input, std::int64_t created_by,
                                           std::int64_t now) const {
  const long long org = input.org_id, user = created_by, at = now;
  long long id = 0;
  sql << "INSERT INTO service_centre (org_id, name, address, opening_hours, created_by, created_at) "
         "VALUES (:org_id, :name, :address, :opening_hours, :created_by, :created_at) RETURNING id",
      soci::use(org, "org_id"), soci::use(input.name, "name"), soci::use(input.address, "address"),
      soci::use(input.opening_hours, "opening_hours"), soci::use(user, "created_by"), soci::use(at, "created_at"),
      soci::into(id);
  int order = 0;
  for (const std::string& item : input.service_items) {
    ++order;
    sql << "INSERT INTO service_item (service_centre_id, name, sort_order) VALUES (:centre, :name, :sort_order)",
        soci::use(id, "centre"), soci::use(item, "name"), soci::use(order, "sort_order");
  }
  return id;
}

std::optional<ServiceCentre> VenueRepository::FindCentre(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  std::optional<ServiceCentre> found;
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kSelectCentres) + " WHERE c.id = :id", soci::use(key, "id"));
    for (const soci::row& row : rows) found = CentreOf(row);
  }
  if (!found) return found;
  soci::rowset<soci::row> items =
      (sql.prepare << "SELECT name FROM service_item WHERE service_centre_id = :id ORDER BY sort_order, id",
       soci::use(key, "id"));
  for (const soci::row& row : items) found->service_items.push_back(Text(row, 0));
  found->venues = VenuesOfCentre(sql, id);
  return found;
}

std::vector<ServiceCentre> VenueRepository::ListCentres(soci::session& sql, const core::OrgScope& scope,
                                                        const std::vector<std::int64_t>& ancestor_ids) const {
  std::vector<ServiceCentre> centres;
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kSelectCentres) + InSight(ancestor_ids) + " ORDER BY o.path, c.id LIMIT 500",
         db::UseScope{scope});
    for (const soci::row& row : rows) centres.push_back(CentreOf(row));
  }
  for (ServiceCentre& centre : centres) {
    const long long key = centre.id;
    soci::rowset<soci::row> items =
        (sql.prepare << "SELECT name FROM service_item WHERE service_centre_id = :id ORDER BY sort_order, id",
         soci::use(key, "id"));
    for (const soci::row& row : items) centre.service_items.push_back(Text(row, 0));
  }
  return centres;
}

std::int64_t VenueRepository::InsertVenue(soci::session& sql, const NewVenue& input, std::int64_t created_by,
                                          std::int64_t now) const {
  const long long org = input.org_id, centre = input.service_centre_id.value_or(0), unit = input.unit_id.value_or(0),
                  capacity = input.capacity, user = created_by, at = now;
  soci::indicator centre_indicator = input.service_centre_id ? soci::i_ok : soci::i_null;
  soci::indicator unit_indicator = input.unit_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "INSERT INTO venue (org_id, service_centre_id, unit_id, name, capacity, opening_hours, created_by, "
         "created_at) "
         "VALUES (:org_id, :centre, :unit, :name, :capacity, :opening_hours, :created_by, :created_at) RETURNING id",
      soci::use(org, "org_id"), soci::use(centre, centre_indicator, "centre"), soci::use(unit, unit_indicator, "unit"),
      soci::use(input.name, "name"), soci::use(capacity, "capacity"), soci::use(input.opening_hours, "opening_hours"),
      soci::use(user, "created_by"), soci::use(at, "created_at"), soci::into(id);
  return id;
}

std::optional<Venue> VenueRepository::FindVenue(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectVenues) + " WHERE v.id = :id", soci::use(key, "id"));
  for (const soci::row& row : rows) return VenueOf(row);
  return std::nullopt;
}

std::vector<Venue> VenueRepository::ListVenues(soci::session& sql, const core::OrgScope& scope,
                                               const std::vector<std::int64_t>& ancestor_ids) const {
  std::vector<Venue> venues;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectVenues) + InSight(ancestor_ids) + " ORDER BY o.path, v.id LIMIT 500",
       db::UseScope{scope});
  for (const soci::row& row : rows) venues.push_back(VenueOf(row));
  return venues;
}

std::vector<Venue> VenueRepository::VenuesOfCentre(soci::session& sql, std::int64_t centre_id) const {
  const long long key = centre_id;
  std::vector<Venue> venues;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectVenues) + " WHERE v.service_centre_id = :centre ORDER BY v.id",
       soci::use(key, "centre"));
  for (const soci::row& row : rows) venues.push_back(VenueOf(row));
  return venues;
}

void VenueRepository::LockVenue(soci::session& sql, std::int64_t venue_id) const {
  const long long key = venue_id;
  sql << "UPDATE venue SET bookings_made = bookings_made + 1 WHERE id = :id", soci::use(key, "id");
}

bool VenueRepository::Overlaps(soci::session& sql, std::int64_t venue_id, const std::string& on,
                               const std::string& start, const std::string& end) const {
  const long long key = venue_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM venue_booking WHERE venue_id = :venue_id AND booked_on = :booked_on "
         "AND cancelled_at IS NULL AND start_time < :end_time AND end_time > :start_time",
      soci::use(key, "venue_id"), soci::use(on, "booked_on"), soci::use(end, "end_time"),
      soci::use(start, "start_time"), soci::into(count);
  return count > 0;
}

std::int64_t VenueRepository::InsertBooking(soci::session& sql, std::int64_t venue_id, std::int64_t org_id,
                                            const NewBooking& booking, std::int64_t created_by,
                                            std::int64_t now) const {
  const long long venue = venue_id, org = org_id, unit = booking.unit_id.value_or(0), attendees = booking.attendees,
                  user = created_by, at = now;
  soci::indicator unit_indicator = booking.unit_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "INSERT INTO venue_booking (venue_id, org_id, unit_id, booked_on, start_time, end_time, title, attendees, "
         "created_by, created_at) VALUES (:venue_id, :org_id, :unit_id, :booked_on, :start_time, :end_time, :title, "
         ":attendees, :created_by, :created_at) RETURNING id",
      soci::use(venue, "venue_id"), soci::use(org, "org_id"), soci::use(unit, unit_indicator, "unit_id"),
      soci::use(booking.booked_on, "booked_on"), soci::use(booking.start_time, "start_time"),
      soci::use(booking.end_time, "end_time"), soci::use(booking.title, "title"), soci::use(attendees, "attendees"),
      soci::use(user, "created_by"), soci::use(at, "created_at"), soci::into(id);
  return id;
}

std::optional<Booking> VenueRepository::FindBooking(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectBookings) + " WHERE b.id = :id", soci::use(key, "id"));
  for (const soci::row& row : rows) return BookingOf(row);
  return std::nullopt;
}

std::vector<Booking> VenueRepository::ListBookings(soci::session& sql, std::int64_t venue_id, const std::string& from,
                                                   const std::string& to) const {
  const long long key = venue_id;
  std::vector<Booking> bookings;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectBookings) +
                          " WHERE b.venue_id = :venue_id AND b.booked_on >= :from_day AND b.booked_on <= :to_day "
                          "AND b.cancelled_at IS NULL ORDER BY b.booked_on, b.start_time, b.id",
       soci::use(key, "venue_id"), soci::use(from, "from_day"), soci::use(to, "to_day"));
  for (const soci::row& row : rows) bookings.push_back(BookingOf(row));
  return bookings;
}

bool VenueRepository::CancelBooking(soci::session& sql, std::int64_t id, std::int64_t now) const {
  const long long key = id, at = now;
  soci::statement statement =
      (sql.prepare << "UPDATE venue_booking SET cancelled_at = :at WHERE id = :id AND cancelled_at IS NULL",
       soci::use(at, "at"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace liandong::cobuild_list
