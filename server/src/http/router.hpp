// One table of routes: method + pattern ("/api/v1/orgs/{id}/stats") → handler, with who may call it.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace liandong::http {

using Handler = std::function<Response(Request&)>;
using Verb = boost::beast::http::verb;

enum class Access {
  kPublic,            // anyone (health, login)
  kPasswordVerified,  // a session whose second factor may still be pending (me, the code, log out)
  kOwnAccount,        // a full session, even with an expired password or no second factor yet (own account)
  kSignedIn,          // a full session in good standing whose role grants the route's permission
};

enum class Execution {
  kWorker,  // on the worker pool: anything that touches the database
  kInline,  // on the I/O thread: only for handlers that never block
};

struct Route {
  Verb method;
  std::string pattern;
  Access access;
  std::string permission;  // for kSignedIn: what the role must grant ("org:read", …)
  Execution execution;
  Handler handler;
  std::vector<std::string> segments;  // the pattern split at '/'; "{name}" matches any segment
};

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> parameters;
  std::vector<Verb> allowed;  // when the path exists but not for this method
};

class Router {
 public:
  // A public or own-account route (a signed-in route must name its permission: the overload below).
  void Add(Verb method, std::string pattern, Access access, Handler handler, Execution execution = Execution::kWorker);
  // A signed-in route that the pipeline opens only to roles granting `permission`. Services check
  // the subtree (and any finer permission) themselves.
  void Add(Verb method, std::string pattern, std::string_view permission, Handler handler,
           Execution execution = Execution::kWorker);

  RouteMatch Find(Verb method, const std::vector<std::string>& segments) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  void AddRoute(Verb method, std::string pattern, Access access, std::string permission, Handler handler,
                Execution execution);
  std::vector<Route> routes_;
};

}  // namespace liandong::http
