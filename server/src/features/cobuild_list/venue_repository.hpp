// SQL for service centres, venues and bookings.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/cobuild_list/venue_model.hpp"

namespace liandong::cobuild_list {

class VenueRepository {
 public:
  std::int64_t InsertCentre(soci::session& sql, const NewServiceCentre& input, std::int64_t created_by,
                            std::int64_t now) const;
  std::optional<ServiceCentre> FindCentre(soci::session& sql, std::int64_t id) const;
  // Centres of the scope, and of the orgs above it (`ancestor_ids`), which serve it.
  std::vector<ServiceCentre> ListCentres(soci::session& sql, const core::OrgScope& scope,
                                         const std::vector<std::int64_t>& ancestor_ids) const;

  std::int64_t InsertVenue(soci::session& sql, const NewVenue& input, std::int64_t created_by, std::int64_t now) const;
  std::optional<Venue> FindVenue(soci::session& sql, std::int64_t id) const;
  std::vector<Venue> ListVenues(soci::session& sql, const core::OrgScope& scope,
                                const std::vector<std::int64_t>& ancestor_ids) const;
  std::vector<Venue> VenuesOfCentre(soci::session& sql, std::int64_t centre_id) const;

  // Bumps the venue's booking count: on PostgreSQL this locks its row until the transaction ends,
  // so that concurrent bookings of one venue check for overlaps one after the other.
  void LockVenue(soci::session& sql, std::int64_t venue_id) const;
  // A booking of the venue on that day, not cancelled, overlapping [start, end).
  bool Overlaps(soci::session& sql, std::int64_t venue_id, const std::string& on, const std::string& start,
                const std::string& end) const;
  std::int64_t InsertBooking(soci::session& sql, std::int64_t venue_id, std::int64_t org_id,
                             const NewBooking& booking, std::int64_t created_by, std::int64_t now) const;
  std::optional<Booking> FindBooking(soci::session& sql, std::int64_t id) const;
  std::vector<Booking> ListBookings(soci::session& sql, std::int64_t venue_id, const std::string& from,
                                    const std::string& to) const;
  bool CancelBooking(soci::session& sql, std::int64_t id, std::int64_t now) const;
};

}  // namespace liandong::cobuild_list
