// The HTTP/1.1 server: Boost.Beast on Asio I/O threads, handlers on a worker pool so that
// database work never blocks a socket. Enforces the request limits and shuts down gracefully.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/pipeline.hpp"

namespace liandong::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port, see Server::port()
  int io_threads = 1;
  int worker_threads = 4;
  std::size_t max_connections = 10000;
  std::size_t header_limit = 8 * 1024;    // 431 past this
  std::size_t body_limit = 1024 * 1024;   // 413 past this, before the body is read
  // File uploads (POST to a path ending in upload_suffix) may send up to upload_limit instead.
  std::size_t upload_limit = 20 * 1024 * 1024;
  std::string upload_suffix = "/attachments";
  std::chrono::seconds head_timeout{10};  // to receive a request's head
  std::chrono::seconds idle_timeout{15};  // between keep-alive requests
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds shutdown_timeout{10};
  // On SIGTERM, first drain for this long: keep serving, but answer the health path with 503 and
  // close each connection after its response, so that a load balancer checking health routes new
  // requests elsewhere; then stop (Stop). Zero: stop at once. A second signal stops at once.
  std::chrono::milliseconds drain_period{0};
  std::string health_path = "/api/v1/health";
  // Reverse proxies whose X-Forwarded-For is believed (addresses or networks, see
  // http/client_address.hpp); empty: the client is the connection's peer.
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  Server(ServerConfig config, const Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O threads and the worker pool; returns at once.
  void Start();
  // The bound port (after Start).
  std::uint16_t port() const;
  // Stops accepting, lets in-flight requests finish, closes idle connections; returns at once.
  void Stop();
  // Blocks until the server has stopped (all threads joined).
  void Wait();
  // Start, then on SIGINT or SIGTERM drain (ServerConfig::drain_period) and Stop, then Wait.
  void RunUntilSignal();
  // Starts draining (see ServerConfig::drain_period), then stops; returns at once.
  void Drain();

  // The implementation (sockets, threads, connections), public only to the connections in server.cpp.
  struct State;

 private:
  void WaitForSignal();

  std::unique_ptr<State> state_;
};

}  // namespace liandong::http
