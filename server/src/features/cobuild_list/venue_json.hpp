// JSON shapes of service centres, venues and bookings, both ways.
#pragma once

#include <boost/json/object.hpp>

#include "features/cobuild_list/venue_model.hpp"

namespace liandong::cobuild_list {

boost::json::object ToJson(const ServiceCentre& centre);
boost::json::object ToJson(const Venue& venue);
boost::json::object ToJson(const Booking& booking);
// A venue with "from", "to", "bookings" and "can_book".
boost::json::object ToJson(const VenueDetail& detail);

// {"org_id","name","address","opening_hours","service_items":[…]}
NewServiceCentre ParseNewServiceCentre(const boost::json::object& body);
// {"org_id","service_centre_id"?,"unit_id"?,"name","capacity","opening_hours","category"?,"tags"?,"valid_to"?}
NewVenue ParseNewVenue(const boost::json::object& body);
// {"booked_on","start_time","end_time","title","attendees","org_id"?,"unit_id"?}
NewBooking ParseNewBooking(const boost::json::object& body);

}  // namespace liandong::cobuild_list
