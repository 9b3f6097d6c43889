#include "features/cobuild_list/venue_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "features/cobuild_list/list_json.hpp"
#include "http/json_input.hpp"

namespace liandong::cobuild_list {
namespace {

constexpr std::size_t kMaxCharacters = 20000;
constexpr std::size_t kMaxItems = 100;

boost::json::value RefJson(const std::optional<Ref>& ref) {
  if (!ref) return nullptr;
  return boost::json::object{{"id", ref->id}, {"name", ref->name}};
}

}  // namespace

boost::json::object ToJson(const Venue& venue) {
  return {{"id", venue.id},
          {"org", boost::json::object{{"id", venue.org.id}, {"name", venue.org.name}}},
          {"service_centre", RefJson(venue.service_centre)},
          {"unit", RefJson(venue.unit)},
          {"name", venue.name},
          {"capacity", venue.capacity},
          {"opening_hours", venue.opening_hours},
          {"resource_id", venue.resource_id ? boost::json::value(*venue.resource_id) : boost::json::value(nullptr)},
          {"created_at", core::FormatUtc(venue.created_at)}};
}

boost::json::object ToJson(const ServiceCentre& centre) {
  boost::json::array items;
  for (const std::string& item : centre.service_items) items.emplace_back(item);
  boost::json::array venues;
  for (const Venue& venue : centre.venues) venues.push_back(ToJson(venue));
  return {{"id", centre.id},
          {"org", boost::json::object{{"id", centre.org.id}, {"name", centre.org.name}}},
          {"name", centre.name},
          {"address", centre.address},
          {"opening_hours", centre.opening_hours},
          {"service_items", std::move(items)},
          {"venues", std::move(venues)},
          {"created_at", core::FormatUtc(centre.created_at)}};
}

boost::json::object ToJson(const Booking& booking) {
  return {{"id", booking.id},
          {"venue_id", booking.venue_id},
          {"org", booking.masked ? boost::json::value(nullptr)
                                 : boost::json::value(boost::json::object{{"id", booking.org.id},
                                                                          {"name", booking.org.name}})},
          {"unit", RefJson(booking.unit)},
          {"booked_on", booking.booked_on},
          {"start_time", booking.start_time},
          {"end_time", booking.end_time},
          {"title", booking.title},
          {"attendees", booking.attendees},
          {"cancelled", booking.cancelled},
          {"masked", booking.masked}};
}

boost::json::object ToJson(const VenueDetail& detail) {
  boost::json::object body = ToJson(detail.venue);
  boost::json::array bookings;
  for (const Booking& booking : detail.bookings) bookings.push_back(ToJson(booking));
  body["from"] = detail.from;
  body["to"] = detail.to;
  body["bookings"] = std::move(bookings);
  body["can_book"] = detail.can_book;
  return body;
}

NewServiceCentre ParseNewServiceCentre(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"org_id", "service_centre.org_not_found"},
                                       {"name", "service_centre.invalid_name"},
                                       {"address", "service_centre.invalid_address"},
                                       {"opening_hours", "service_centre.invalid_opening_hours"}});
  NewServiceCentre input;
  input.org_id = reader.RequiredId("org_id");
  input.name = reader.RequiredText("name", kMaxCharacters);
  input.address = reader.RequiredText("address", kMaxCharacters);
  input.opening_hours = reader.RequiredText("opening_hours", kMaxCharacters);
  const boost::json::value* items = body.if_contains("service_items");
  const auto fail = [] {
    core::AppError error(core::ErrorKind::kInvalidArgument, "service_centre.invalid_items");
    error.WithField("service_items");
    return error;
  };
  if (items == nullptr || !items->is_array() || items->as_array().size() > kMaxItems) throw fail();
  for (const boost::json::value& item : items->as_array()) {
    if (!item.is_string() || item.as_string().empty()) throw fail();
    input.service_items.emplace_back(item.as_string());
  }
  return input;
}

NewVenue ParseNewVenue(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"org_id", "venue.org_not_found"},
                                       {"service_centre_id", "venue.invalid_service_centre"},
                                       {"unit_id", "venue.unit_not_found"},
                                       {"name", "venue.invalid_name"},
                                       {"capacity", "venue.invalid_capacity"},
                                       {"opening_hours", "venue.invalid_opening_hours"},
                                       {"category", "venue.invalid_category"},
                                       {"valid_to", "venue.invalid_date"}});
  NewVenue input;
  input.org_id = reader.RequiredId("org_id");
  input.service_centre_id = reader.Id("service_centre_id");
  input.unit_id = reader.Id("unit_id");
  input.name = reader.RequiredText("name", kMaxCharacters);
  const auto capacity = reader.Integer("capacity", 1, 100000);
  if (!capacity) reader.Fail("capacity");
  input.capacity = capacity.value_or(0);
  input.opening_hours = reader.RequiredText("opening_hours", kMaxCharacters);
  input.category = reader.Text("category", kMaxCharacters).value_or("venue");
  if (input.category.empty()) input.category = "venue";
  input.tags = ParseTags(body, "venue.invalid_tags");
  input.valid_to = reader.Text("valid_to", kMaxCharacters);
  if (input.valid_to && input.valid_to->empty()) input.valid_to.reset();
  return input;
}

NewBooking ParseNewBooking(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"org_id", "booking.org_not_found"},
                                       {"unit_id", "booking.unit_not_found"},
                                       {"booked_on", "booking.invalid_date"},
                                       {"start_time", "booking.invalid_time"},
                                       {"end_time", "booking.invalid_time"},
                                       {"title", "booking.invalid_title"},
                                       {"attendees", "booking.over_capacity"}});
  NewBooking booking;
  booking.org_id = reader.Id("org_id");
  booking.unit_id = reader.Id("unit_id");
  booking.booked_on = reader.RequiredText("booked_on", kMaxCharacters);
  booking.start_time = reader.RequiredText("start_time", kMaxCharacters);
  booking.end_time = reader.RequiredText("end_time", kMaxCharacters);
  booking.title = reader.RequiredText("title", kMaxCharacters);
  const auto attendees = reader.Integer("attendees", 1, 100000);
  if (!attendees) reader.Fail("attendees");
  booking.attendees = attendees.value_or(0);
  return booking;
}

}  // namespace liandong::cobuild_list
