// Rules for service centres, venues and bookings. cobuild:read to see the centres and venues of
// the actor's subtree and of the orgs above it (a street's centre serves its communities);
// cobuild:write to open a centre or a venue at an org of the subtree (a venue's capacity is listed
// as a resource in the same transaction) and to book a venue one sees, for one's org or a unit of
// the subtree. An overlapping booking is refused with 409 booking.overlaps, also when two arrive
// at once: each booking locks its venue's row before it checks. Bookings by orgs outside the
// reader's subtree show only their times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/cobuild_list/list_service.hpp"
#include "features/cobuild_list/venue_model.hpp"
#include "features/cobuild_list/venue_repository.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::cobuild_list {

class VenueService {
 public:
  VenueService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
               const org::OrgService& org_service, const unit::UnitService& unit_service,
               const ListService& list_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        unit_service_(unit_service),
        list_service_(list_service) {}

  ServiceCentre CreateCentre(const core::Actor& actor, const NewServiceCentre& input) const;
  std::vector<ServiceCentre> ListCentres(const core::Actor& actor, std::optional<std::int64_t> org_id) const;
  ServiceCentre GetCentre(const core::Actor& actor, std::int64_t id) const;

  VenueDetail CreateVenue(const core::Actor& actor, const NewVenue& input) const;
  std::vector<Venue> ListVenues(const core::Actor& actor, std::optional<std::int64_t> org_id) const;
  // The venue with its bookings from `from` to `to` (China dates; default this week and the next).
  VenueDetail GetVenue(const core::Actor& actor, std::int64_t id, std::optional<std::string> from,
                       std::optional<std::string> to) const;
  Booking Book(const core::Actor& actor, std::int64_t venue_id, const NewBooking& booking) const;
  Booking Cancel(const core::Actor& actor, std::int64_t booking_id) const;

  // Without checks, in the caller's transaction: the demo city and generated data sets.
  std::int64_t SeedCentre(soci::session& sql, const NewServiceCentre& input, std::int64_t created_by,
                          std::int64_t now) const {
    return repository_.InsertCentre(sql, input, created_by, now);
  }
  // The venue and its resource listing, valid from `valid_from`.
  std::int64_t SeedVenue(soci::session& sql, const NewVenue& input, const std::string& valid_from,
                         std::int64_t created_by, std::int64_t now) const;
  std::int64_t SeedBooking(soci::session& sql, std::int64_t venue_id, std::int64_t org_id, const NewBooking& booking,
                           std::int64_t created_by, std::int64_t now) const {
    return repository_.InsertBooking(sql, venue_id, org_id, booking, created_by, now);
  }

 private:
  Venue FindVenueInSight(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  std::vector<std::int64_t> AncestorsOf(const core::OrgScope& scope) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const unit::UnitService& unit_service_;
  const ListService& list_service_;
  VenueRepository repository_;
};

}  // namespace liandong::cobuild_list
