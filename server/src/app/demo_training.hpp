// The demo city's qualifications, training and staffing: the city's qualification allowances paid
// to its principals and deputies (one 社会工作师 expiring within 45 days), city and district courses
// with this and last year's required hours and completion records (one staff worker per street
// short of hours), each community's guarantees for this and last year under the shipped staffing
// norm (东风社区, 胜利社区 and 光明社区 short of it), and each street's establishment quotas.
#pragma once

#include <map>
#include <string>

#include "app/application.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::app {

// Inside CreateDemoCity's transaction, after the workforce, with its communities by name.
void CreateDemoTraining(const Application& application, db::Session& session, const org::Org& city,
                        const std::map<std::string, org::Org>& streets,
                        const std::map<std::string, org::Org>& communities, std::int64_t now);

}  // namespace liandong::app
