#include "http/response.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace liandong::http {
namespace {

TEST(ResponseTest, NumbersAreWrittenAsPeopleAndSpreadsheetsReadThem) {
  const boost::json::object body = {{"rate", 12.5}, {"zero", 0.0}, {"share", 1.0 / 6}, {"million", 1e6},
                                    {"nested", boost::json::array{{{"hours", 2.0}}}}};
  EXPECT_EQ(SerializeJson(body),
            R"({"rate":12.5,"zero":0,"share":0.16666666666666666,"million":1e+06,"nested":[{"hours":2}]})");
}

TEST(ResponseTest, TextThatLooksLikeAnExponentIsLeftAlone) {
  // Strings and keys with "e" or digits, beside a double and without one.
  const boost::json::object with_double = {{"level", "street"}, {"code", "1E5"}, {"ratio", 0.5}};
  EXPECT_EQ(SerializeJson(with_double), R"({"level":"street","code":"1E5","ratio":0.5})");
  const boost::json::object integers = {{"expiring_days", 30}, {"name", "e\"1E5\""}, {"total", -7}};
  EXPECT_EQ(SerializeJson(integers), R"({"expiring_days":30,"name":"e\"1E5\"","total":-7})");
}

}  // namespace
}  // namespace liandong::http
