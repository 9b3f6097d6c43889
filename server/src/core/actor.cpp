#include "core/actor.hpp"

#include "core/error.hpp"

namespace liandong::core {

void RequirePermission(const Actor& actor, std::string_view permission) {
  if (!actor.Can(permission)) {
    throw AppError(ErrorKind::kPermissionDenied, "auth.permission_denied", "missing " + std::string(permission));
  }
}

}  // namespace liandong::core
