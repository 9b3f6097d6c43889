#include "features/org/org_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace liandong::org {

boost::json::value ToJson(const OrgWithAncestors& org) {
  boost::json::array path;
  for (const Org& step : org.lineage) {
    path.push_back(boost::json::object{{"id", step.id}, {"name", step.name}, {"level", step.level}});
  }
  boost::json::object body{
      {"id", org.org.id},     {"name", org.org.name},    {"level", org.org.level},
      {"kind", org.org.kind}, {"path", std::move(path)},
  };
  body["parent_id"] = org.org.parent_id ? boost::json::value(*org.org.parent_id) : boost::json::value(nullptr);
  return body;
}

boost::json::value ToJson(const OrgStats& stats) {
  boost::json::array by_level;
  for (const LevelCount& count : stats.by_level) {
    by_level.push_back(boost::json::object{{"level", count.level}, {"count", count.count}});
  }
  return boost::json::object{{"org_id", stats.org_id}, {"total", stats.total}, {"by_level", std::move(by_level)}};
}

}  // namespace liandong::org
