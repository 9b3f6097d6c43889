#include "features/open311/open311_format.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace liandong::open311 {
namespace {

// A record with every kind of value, and text that JSON and XML must escape.
Record Sample() {
  return Record{
      {"service_request_id", Value::Text("42")},
      {"description", Value::Text("来电人说：\"楼道灯\\不亮\"\n第二行\t\x01 <b>&'")},
      {"metadata", Value::Bool(true)},
      {"zipcode", Value::Null()},
      {"lat", Value::Number(39.9042)},
      {"long", Value::Number(116.4)},
      {"code", Value::Integer(-7)},
      {"values", Value::List("value", {Record{{"key", Value::Text("a")}}, Record{{"key", Value::Text("b")}}})},
  };
}

TEST(Open311Format, JsonIsWhatAParserReadsBackFieldForFieldInOrder) {
  const std::string text = WriteRecord(Format::kJson, "request", Sample());
  const boost::json::value parsed = boost::json::parse(text);
  const boost::json::object& object = parsed.as_object();
  std::vector<std::string> names;
  for (const auto& member : object) names.emplace_back(member.key());
  EXPECT_EQ(names, (std::vector<std::string>{"service_request_id", "description", "metadata", "zipcode", "lat", "long",
                                             "code", "values"}));
  EXPECT_EQ(object.at("description").as_string(), "来电人说：\"楼道灯\\不亮\"\n第二行\t\x01 <b>&'");
  EXPECT_TRUE(object.at("metadata").as_bool());
  EXPECT_TRUE(object.at("zipcode").is_null());
  EXPECT_DOUBLE_EQ(object.at("lat").as_double(), 39.9042);
  EXPECT_DOUBLE_EQ(object.at("long").as_double(), 116.4);
  EXPECT_EQ(object.at("code").as_int64(), -7);
  EXPECT_EQ(object.at("values").as_array().size(), 2u);
  EXPECT_EQ(object.at("values").as_array()[1].at("key").as_string(), "b");
  // Numbers as written, control characters as \u escapes, UTF-8 as it is.
  EXPECT_NE(text.find("\"lat\":39.9042,\"long\":116.4,"), std::string::npos) << text;
  EXPECT_NE(text.find("\\t\\u0001"), std::string::npos) << text;
  EXPECT_NE(text.find("来电人说"), std::string::npos) << text;
}

TEST(Open311Format, AListIsAnArrayInJsonAndRootAndItemElementsInXml) {
  const std::vector<Record> records = {Sample(), Sample()};
  const boost::json::value parsed =
      boost::json::parse(WriteList(Format::kJson, "service_requests", "request", records));
  EXPECT_EQ(parsed.as_array().size(), 2u);
  EXPECT_EQ(WriteList(Format::kJson, "service_requests", "request", {}), "[]");

  const std::string xml = WriteList(Format::kXml, "service_requests", "request", records);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>", 0), 0u) << xml;
  EXPECT_NE(xml.find("<zipcode/>"), std::string::npos);
  EXPECT_NE(xml.find("&lt;b&gt;&amp;&apos;"), std::string::npos);
  EXPECT_NE(xml.find("<values><value><key>a</key></value><value><key>b</key></value></values>"), std::string::npos);
  const std::string end = "</request></service_requests>";
  EXPECT_EQ(xml.substr(xml.size() - end.size()), end) << xml;
}

TEST(Open311Format, DateTimesAreInChinaTimeWithTheirOffset) {
  EXPECT_EQ(IsoDateTime(0), "1970-01-01T08:00:00+08:00");
  EXPECT_EQ(IsoDateTime(-1), "1970-01-01T07:59:59+08:00");
  EXPECT_EQ(IsoDateTime(951753599), "2000-02-28T23:59:59+08:00");
  EXPECT_EQ(IsoDateTime(1796344100), "2026-12-04T08:28:20+08:00");
  EXPECT_EQ(ParseIsoDateTime(IsoDateTime(1796344100)), 1796344100);
}

}  // namespace
}  // namespace liandong::open311
