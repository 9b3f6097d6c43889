#include <gtest/gtest.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <thread>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::cobuild_list {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Serialize(const boost::json::object& body) { return boost::json::serialize(body); }

class VenueApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    heping_ = street_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    const auto centre = street_->Post(
        "/api/v1/service-centres",
        Serialize({{"org_id", heping_},
                   {"name", "和平街道党群服务中心"},
                   {"address", "和平路 18 号"},
                   {"opening_hours", "周一至周六 8:30-20:00"},
                   {"service_items", boost::json::array{"党员教育", "政策咨询", "志愿服务对接"}}}));
    EXPECT_EQ(centre.status, 201) << centre.body;
    centre_ = centre.Json().at("id").as_int64();
    const auto venue = street_->Post("/api/v1/venues", Serialize({{"org_id", heping_},
                                                                  {"service_centre_id", centre_},
                                                                  {"name", "一楼报告厅"},
                                                                  {"capacity", 80},
                                                                  {"opening_hours", "8:30-20:00"}}));
    EXPECT_EQ(venue.status, 201) << venue.body;
    venue_ = venue.Json().at("id").as_int64();
  }

  boost::json::object Slot(const std::string& start, const std::string& end, const std::string& title = "党员学习会") {
    return {{"booked_on", "2026-01-05"}, {"start_time", start}, {"end_time", end}, {"title", title}, {"attendees", 40}};
  }

  std::string Bookings() { return "/api/v1/venues/" + std::to_string(venue_) + "/bookings"; }

  TestServer server_;
  std::unique_ptr<HttpClient> street_;
  std::int64_t heping_ = 0;
  std::int64_t centre_ = 0;
  std::int64_t venue_ = 0;
};

TEST_F(VenueApiTest, ACentresVenueIsListedAsAResourceAndBookedWithoutOverlaps) {
  const auto centre = street_->Get("/api/v1/service-centres/" + std::to_string(centre_)).Json();
  EXPECT_EQ(centre.at("service_items").as_array().size(), 3u);
  ASSERT_EQ(centre.at("venues").as_array().size(), 1u);
  const auto resource_id = centre.at("venues").as_array()[0].at("resource_id");
  ASSERT_TRUE(resource_id.is_int64());
  const auto resource = street_->Get("/api/v1/resources/" + std::to_string(resource_id.as_int64())).Json();
  EXPECT_EQ(resource.at("resource_kind"), "venue");
  EXPECT_EQ(resource.at("quantity"), 80);
  EXPECT_EQ(resource.at("service_centre").at("name"), "和平街道党群服务中心");

  ASSERT_EQ(street_->Post(Bookings(), Serialize(Slot("09:00", "11:00"))).status, 201);
  const auto overlap = street_->Post(Bookings(), Serialize(Slot("10:30", "12:00")));
  EXPECT_EQ(overlap.status, 409);
  EXPECT_EQ(ErrorCode(overlap), "booking.overlaps");
  // Back to back is no overlap.
  EXPECT_EQ(street_->Post(Bookings(), Serialize(Slot("11:00", "12:00"))).status, 201);

  // A community books its street's venue; the street sees who, a sibling street sees nothing.
  HttpClient community = server_.SignedIn("community");
  const auto booked = community.Post(Bookings(), Serialize(Slot("14:00", "16:00", "老年人合唱排练")));
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.Json().at("org").at("name"), "和平里社区");
  const auto calendar =
      community.Get("/api/v1/venues/" + std::to_string(venue_) + "?from=2026-01-05&to=2026-01-05").Json();
  const auto& bookings = calendar.at("bookings").as_array();
  ASSERT_EQ(bookings.size(), 3u);
  // The street's own bookings show only their times to the community.
  EXPECT_TRUE(bookings[0].at("masked").as_bool());
  EXPECT_EQ(bookings[0].at("title"), "已预约");
  EXPECT_EQ(bookings[2].at("title"), "老年人合唱排练");
  const auto cancelled = community.Post("/api/v1/venue-bookings/" + std::to_string(booked.Json().at("id").as_int64()) +
                                            "/cancel",
                                        "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.Json().at("cancelled").as_bool());
  // The freed slot can be booked again.
  EXPECT_EQ(community.Post(Bookings(), Serialize(Slot("14:00", "16:00"))).status, 201);
}

// Eight bookings of one slot at once: exactly one is made, the others get 409 booking.overlaps.
TEST_F(VenueApiTest, ConcurrentBookingsOfOneSlotMakeExactlyOne) {
  constexpr int kClients = 8;
  std::vector<std::unique_ptr<HttpClient>> clients;
  // A user each: a user's sessions are capped, so one user signed in eight times would lose some.
  for (int i = 0; i < kClients; ++i) {
    const std::string username = "venue.booker." + std::to_string(i);
    {
      db::Session session(server_.application().database());
      server_.application().auth_service().CreateUser(
          session.sql(), auth::NewUser{heping_, username, "预约测试", "street_admin", "Venue-Test-Password-2026"});
    }
    clients.push_back(std::make_unique<HttpClient>(server_.Client()));
    EXPECT_EQ(clients.back()->SignIn(username, "Venue-Test-Password-2026").status, 200);
  }
  std::atomic<int> made{0};
  std::atomic<int> refused{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      // Different but overlapping times, so that no two bodies are alike.
      const std::string start = "09:" + std::to_string(10 + i);
      const auto result = clients[i]->Post(Bookings(), Serialize(Slot(start, "10:30")));
      if (result.status == 201) {
        ++made;
      } else if (result.status == 409 && ErrorCode(result) == "booking.overlaps") {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(made.load(), 1);
  EXPECT_EQ(refused.load(), kClients - 1);
  EXPECT_EQ(other.load(), 0);
  db::Session session(server_.application().database());
  long long rows = 0;
  session.sql() << "SELECT COUNT(*) FROM venue_booking", soci::into(rows);
  EXPECT_EQ(rows, 1);
}

TEST_F(VenueApiTest, BadBookingsGetTheirOwnCodesAndChangeNothing) {
  const auto with = [&](const char* field, boost::json::value value) {
    boost::json::object body = Slot("09:00", "10:00");
    body[field] = value;
    return body;
  };
  const std::vector<std::pair<boost::json::object, std::string>> cases = {
      {with("booked_on", "2026-13-01"), "booking.invalid_date"},
      {with("booked_on", "2025-12-31"), "booking.in_past"},
      {with("booked_on", "2027-06-01"), "booking.too_far_ahead"},
      {with("start_time", "9am"), "booking.invalid_time"},
      {with("end_time", "08:00"), "booking.invalid_time"},
      {with("end_time", "24:30"), "booking.invalid_time"},
      {with("title", ""), "booking.invalid_title"},
      {with("attendees", 81), "booking.over_capacity"},
      {with("attendees", 0), "booking.over_capacity"},
  };
  for (const auto& [body, code] : cases) {
    const auto result = street_->Post(Bookings(), Serialize(body));
    EXPECT_EQ(result.status, 400) << code << " " << result.body;
    EXPECT_EQ(ErrorCode(result), code) << result.body;
  }
  const auto venue_with = [&](const char* field, boost::json::value value) {
    boost::json::object body = {{"org_id", heping_}, {"name", "二楼活动室"}, {"capacity", 30}, {"opening_hours", "全天"}};
    body[field] = value;
    return body;
  };
  const std::vector<std::pair<boost::json::object, std::string>> venues = {
      {venue_with("capacity", 0), "venue.invalid_capacity"},
      {venue_with("name", ""), "venue.invalid_name"},
      {venue_with("opening_hours", ""), "venue.invalid_opening_hours"},
      {venue_with("category", "x"), "venue.invalid_category"},
      {venue_with("service_centre_id", 999999), "venue.invalid_service_centre"},
  };
  for (const auto& [body, code] : venues) {
    const auto result = street_->Post("/api/v1/venues", Serialize(body));
    EXPECT_EQ(result.status, 400) << code << " " << result.body;
    EXPECT_EQ(ErrorCode(result), code) << result.body;
  }
  const auto no_items = street_->Post("/api/v1/service-centres",
                                      Serialize({{"org_id", heping_}, {"name", "中心"}, {"address", "路"},
                                                 {"opening_hours", "全天"}, {"service_items", boost::json::array{}}}));
  EXPECT_EQ(ErrorCode(no_items), "service_centre.invalid_items");
  db::Session session(server_.application().database());
  long long bookings = 0, venues_made = 0, centres = 0;
  session.sql() << "SELECT COUNT(*) FROM venue_booking", soci::into(bookings);
  session.sql() << "SELECT COUNT(*) FROM venue", soci::into(venues_made);
  session.sql() << "SELECT COUNT(*) FROM service_centre", soci::into(centres);
  EXPECT_EQ(bookings, 0);
  EXPECT_EQ(venues_made, 1);
  EXPECT_EQ(centres, 1);
}

}  // namespace
}  // namespace liandong::cobuild_list
