// The demo city's community workforce: the city's 三岗十八级 and 西城区's own 四岗二十四级, four
// workers per community (a principal, a deputy and two staff) with five years of appraisals that
// make every kind of proposal (a regular step, an early step, a grade held after 不称职, one too
// new for a step), and 西城区's regrading of this year reviewed and approved.
#pragma once

#include <map>
#include <string>

#include "app/application.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::app {

// Inside CreateDemoCity's transaction, with its communities and streets by name.
void CreateDemoWorkforce(const Application& application, db::Session& session, const org::Org& city,
                         const std::map<std::string, org::Org>& streets,
                         const std::map<std::string, org::Org>& communities, std::int64_t now);

}  // namespace liandong::app
