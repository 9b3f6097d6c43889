#pragma once

#include "features/member/member_service.hpp"
#include "http/router.hpp"

namespace liandong::member {

// /api/v1/members…, /api/v1/transfers…
void RegisterMemberRoutes(http::Router& router, const MemberService& member_service);

}  // namespace liandong::member
