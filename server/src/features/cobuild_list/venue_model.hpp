// Party–mass service centres (党群服务中心) with their service items and opening hours, and the
// venues of centres and units, booked by orgs (for themselves or a unit) one day at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/cobuild_list/list_model.hpp"

namespace liandong::cobuild_list {

struct Venue {
  std::int64_t id = 0;
  Ref org;
  std::string org_path;
  std::optional<Ref> service_centre;
  std::optional<Ref> unit;
  std::string name;
  std::int64_t capacity = 0;
  std::string opening_hours;
  std::optional<std::int64_t> resource_id;
  std::int64_t created_at = 0;
};

struct ServiceCentre {
  std::int64_t id = 0;
  Ref org;
  std::string org_path;
  std::string name;
  std::string address;
  std::string opening_hours;
  std::vector<std::string> service_items;
  std::vector<Venue> venues;
  std::int64_t created_at = 0;
};

struct Booking {
  std::int64_t id = 0;
  std::int64_t venue_id = 0;
  Ref org;
  std::string org_path;
  std::optional<Ref> unit;
  std::string booked_on;
  std::string start_time;  // "HH:MM"
  std::string end_time;
  std::string title;
  std::int64_t attendees = 0;
  bool cancelled = false;
  // A booking by an org the reader does not see shows only its time ("已预约").
  bool masked = false;
};

struct VenueDetail {
  Venue venue;
  std::string from;  // the days whose bookings are listed
  std::string to;
  std::vector<Booking> bookings;
  bool can_book = false;
};

struct NewServiceCentre {
  std::int64_t org_id = 0;
  std::string name;
  std::string address;
  std::string opening_hours;
  std::vector<std::string> service_items;
};

struct NewVenue {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> service_centre_id;
  std::optional<std::int64_t> unit_id;
  std::string name;
  std::int64_t capacity = 0;
  std::string opening_hours;
  std::string category = "venue";  // of the resource listing it
  std::vector<std::string> tags;
  std::optional<std::string> valid_to;  // of the listing; default kOpenEnded
};

struct NewBooking {
  std::optional<std::int64_t> org_id;  // default the actor's org
  std::optional<std::int64_t> unit_id;
  std::string booked_on;
  std::string start_time;
  std::string end_time;
  std::string title;
  std::int64_t attendees = 0;
};

inline constexpr const char* kOpenEnded = "2099-12-31";

}  // namespace liandong::cobuild_list
