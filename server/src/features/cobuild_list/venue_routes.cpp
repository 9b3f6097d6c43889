#include "features/cobuild_list/venue_routes.hpp"

#include <boost/json/array.hpp>

#include "features/cobuild_list/venue_json.hpp"
#include "http/json_input.hpp"

namespace liandong::cobuild_list {
namespace {

std::optional<std::int64_t> OrgOf(const http::Request& request) {
  if (const auto org = request.Query("org"); org && !org->empty()) return http::ParseId(*org, "org");
  return std::nullopt;
}

std::optional<std::string> DayOf(const http::Request& request, const char* name) {
  auto day = request.Query(name);
  if (day && day->empty()) day.reset();
  return day;
}

}  // namespace

void RegisterVenueRoutes(http::Router& router, const VenueService& venue_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/service-centres", "cobuild:read", [&](http::Request& request) {
    boost::json::array items;
    for (const ServiceCentre& centre : venue_service.ListCentres(request.Actor(), OrgOf(request))) {
      items.push_back(ToJson(centre));
    }
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/service-centres", "cobuild:write", [&](http::Request& request) {
    const NewServiceCentre input = ParseNewServiceCentre(request.Json());
    return http::Created(ToJson(venue_service.CreateCentre(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/service-centres/{id}", "cobuild:read", [&](http::Request& request) {
    return http::Ok(ToJson(venue_service.GetCentre(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/venues", "cobuild:read", [&](http::Request& request) {
    boost::json::array items;
    for (const Venue& venue : venue_service.ListVenues(request.Actor(), OrgOf(request))) items.push_back(ToJson(venue));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/venues", "cobuild:write", [&](http::Request& request) {
    const NewVenue input = ParseNewVenue(request.Json());
    return http::Created(ToJson(venue_service.CreateVenue(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/venues/{id}", "cobuild:read", [&](http::Request& request) {
    return http::Ok(ToJson(venue_service.GetVenue(request.Actor(), request.PathId("id"), DayOf(request, "from"),
                                                  DayOf(request, "to"))));
  });
  router.Add(Verb::post, "/api/v1/venues/{id}/bookings", "cobuild:write", [&](http::Request& request) {
    const NewBooking booking = ParseNewBooking(request.Json());
    return http::Created(ToJson(venue_service.Book(request.Actor(), request.PathId("id"), booking)));
  });
  router.Add(Verb::post, "/api/v1/venue-bookings/{id}/cancel", "cobuild:write", [&](http::Request& request) {
    return http::Ok(ToJson(venue_service.Cancel(request.Actor(), request.PathId("id"))));
  });
}

}  // namespace liandong::cobuild_list
