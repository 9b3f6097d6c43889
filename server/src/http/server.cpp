#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "http/client_address.hpp"
#include "http/errors.hpp"

namespace liandong::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using core::AppError;
using core::ErrorKind;

class Connection;

}  // namespace

struct Server::State {
  State(ServerConfig server_config, const Pipeline& server_pipeline)
      : config(std::move(server_config)),
        pipeline(server_pipeline),
        proxies(config.trusted_proxies),
        io(config.io_threads),
        work(io.get_executor()),
        workers(static_cast<std::size_t>(config.worker_threads)),
        acceptor(asio::make_strand(io)),
        signals(io),
        drain_timer(io) {}

  void Accept();
  void Register(Connection* connection, const std::shared_ptr<Connection>& shared);
  void Unregister(Connection* connection);
  // Closes the idle connections; each busy one closes after its response.
  void ShutdownConnections();
  std::size_t ConnectionCount();

  ServerConfig config;
  const Pipeline& pipeline;
  const TrustedProxies proxies;
  // Declared before the io_context: handlers it destroys may still unregister connections.
  std::mutex connections_mutex;
  std::condition_variable connections_changed;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
  asio::io_context io;
  // Keeps the I/O threads running while every connection's request is on the worker pool.
  asio::executor_work_guard<asio::io_context::executor_type> work;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer drain_timer;
  std::vector<std::thread> io_threads;
  std::atomic<bool> draining{false};
  std::atomic<bool> stopping{false};
  std::atomic<std::uint16_t> bound_port{0};
  std::thread stopper;
  bool stopped = false;
};

namespace {

std::string FormatAddress(const tcp::socket& socket) {
  boost::system::error_code error;
  const auto endpoint = socket.remote_endpoint(error);
  return error ? std::string("unknown") : endpoint.address().to_string();
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Server::State& state)
      : stream_(std::move(socket)), state_(state), remote_address_(FormatAddress(stream_.socket())) {}

  ~Connection() { state_.Unregister(this); }

  void Start() {
    state_.Register(this, shared_from_this());
    stream_.expires_after(state_.config.head_timeout);
    WaitForRequest();
  }

  // Refuses the connection with 503 (over the connection cap or shutting down).
  void Refuse() {
    closing_ = true;
    WriteError(AppError(ErrorKind::kUnavailable, "server.unavailable", "connection limit"));
  }

  beast::tcp_stream::executor_type executor() { return stream_.get_executor(); }

  // Closes the connection if it is idle; otherwise the response in flight is its last.
  void Shutdown() {
    closing_ = true;
    if (!busy_) Close();
  }

 private:
  // Waits for the first byte of the next request within the current deadline.
  void WaitForRequest() {
    busy_ = false;
    if (closing_) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already buffered
    stream_.async_read_some(buffer_.prepare(4096),
                            beast::bind_front_handler(&Connection::OnFirstBytes, shared_from_this()));
  }

  void OnFirstBytes(beast::error_code error, std::size_t bytes) {
    if (error) return Close();
    buffer_.commit(bytes);
    stream_.expires_after(state_.config.head_timeout);
    ReadHeader();
  }

  void ReadHeader() {
    busy_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_.config.header_limit));
    // The head decides which limit applies (IsUpload); until then the larger one.
    parser_->body_limit(std::max(state_.config.body_limit, state_.config.upload_limit));
    beast::http::async_read_header(stream_, buffer_, *parser_,
                                   beast::bind_front_handler(&Connection::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code error, std::size_t) {
    if (error == beast::http::error::header_limit) {
      closing_ = true;
      return WriteError(AppError(ErrorKind::kHeaderTooLarge, "request.header_too_large"));
    }
    if (error == beast::http::error::body_limit) {
      // Content-Length over the limit: refused from the head alone, the body is never read.
      closing_ = true;
      return WriteError(AppError(ErrorKind::kPayloadTooLarge, "request.body_too_large"));
    }
    if (error == beast::http::error::end_of_stream || error == beast::error::timeout || error == asio::error::eof ||
        error == asio::error::operation_aborted || error == asio::error::connection_reset) {
      return Close();
    }
    if (error) {
      closing_ = true;
      return WriteError(AppError(ErrorKind::kInvalidArgument, "request.invalid_http", error.message()));
    }
    const std::size_t limit = IsUpload(parser_->get()) ? state_.config.upload_limit : state_.config.body_limit;
    const auto length = parser_->content_length();
    if (length && *length > limit) {
      closing_ = true;
      return WriteError(AppError(ErrorKind::kPayloadTooLarge, "request.body_too_large"));
    }
    parser_->body_limit(limit);  // what a chunked body may still send
    if (parser_->is_done()) return Dispatch();
    stream_.expires_after(state_.config.body_timeout);
    beast::http::async_read(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Connection::OnBody, shared_from_this()));
  }

  bool IsUpload(const beast::http::request<beast::http::string_body>& head) const {
    if (head.method() != beast::http::verb::post || state_.config.upload_suffix.empty()) return false;
    std::string_view target = head.target();
    target = target.substr(0, target.find('?'));
    return target.ends_with(state_.config.upload_suffix);
  }

  void OnBody(beast::error_code error, std::size_t) {
    if (error == beast::http::error::body_limit) {
      closing_ = true;
      return WriteError(AppError(ErrorKind::kPayloadTooLarge, "request.body_too_large"));
    }
    if (error) return Close();
    Dispatch();
  }

  void Dispatch() {
    stream_.expires_never();
    auto message = parser_->release();
    parser_.reset();
    keep_alive_ = message.keep_alive();
    head_ = message.method() == beast::http::verb::head;
    std::shared_ptr<Request> request;
    try {
      std::string client = remote_address_;
      if (!state_.proxies.empty()) {
        std::string forwarded_for;
        const auto [first, last] = message.equal_range("X-Forwarded-For");
        for (auto field = first; field != last; ++field) {
          if (!forwarded_for.empty()) forwarded_for += ',';
          forwarded_for.append(field->value());
        }
        client = state_.proxies.ClientAddress(remote_address_, forwarded_for);
      }
      request = std::make_shared<Request>(std::move(message), std::move(client), core::RandomHex(8));
    } catch (const AppError& error) {
      closing_ = true;
      return WriteError(error);
    }
    if (state_.draining.load() && request->path() == state_.config.health_path) {
      // Tells the load balancer to send no more; requests already routed here are still served.
      closing_ = true;
      return WriteError(AppError(ErrorKind::kUnavailable, "server.unavailable", "draining"));
    }
    if (state_.pipeline.RunsInline(*request)) {
      return Write(state_.pipeline.Handle(*request));
    }
    asio::post(state_.workers, [self = shared_from_this(), request] {
      Response response = self->state_.pipeline.Handle(*request);
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response)]() mutable { self->Write(std::move(response)); });
    });
  }

  void WriteError(const AppError& error) {
    const std::string request_id = core::RandomHex(8);
    Response response = ErrorResponse(error, Language::kChinese, request_id);
    AddStandardHeaders(response, true, request_id);
    Write(std::move(response));
  }

  void Write(Response response) {
    auto message = std::make_shared<beast::http::response<beast::http::string_body>>();
    message->version(11);
    message->result(response.status);
    message->set(beast::http::field::server, "liandong");
    if (!response.content_type.empty()) message->set(beast::http::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) message->insert(name, value);
    // While draining, each connection ends after its response, so that the load balancer opens
    // its next one to a server that stays.
    const bool keep_alive = keep_alive_ && !closing_ && !state_.stopping.load() && !state_.draining.load();
    message->keep_alive(keep_alive);
    const std::size_t length = response.body.size();
    message->body() = head_ ? std::string() : std::move(response.body);
    message->content_length(length);
    head_ = false;
    response_ = message;
    stream_.expires_after(state_.config.body_timeout);
    beast::http::async_write(stream_, *message,
                             [self = shared_from_this(), keep_alive](beast::error_code error, std::size_t) {
                               self->response_.reset();
                               if (error || !keep_alive) return self->Close();
                               self->stream_.expires_after(self->state_.config.idle_timeout);
                               self->WaitForRequest();
                             });
  }

  void Close() {
    busy_ = false;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  Server::State& state_;
  std::string remote_address_;
  beast::flat_buffer buffer_;
  std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
  std::shared_ptr<beast::http::response<beast::http::string_body>> response_;
  bool busy_ = false;
  bool closing_ = false;
  bool keep_alive_ = false;
  bool head_ = false;
};

}  // namespace

void Server::State::Register(Connection* connection, const std::shared_ptr<Connection>& shared) {
  std::lock_guard lock(connections_mutex);
  connections.emplace(connection, shared);
}

void Server::State::Unregister(Connection* connection) {
  std::lock_guard lock(connections_mutex);
  connections.erase(connection);
  connections_changed.notify_all();
}

void Server::State::ShutdownConnections() {
  std::vector<std::shared_ptr<Connection>> open_connections;
  {
    std::lock_guard lock(connections_mutex);
    for (auto& [raw, weak] : connections) {
      if (auto connection = weak.lock()) open_connections.push_back(std::move(connection));
    }
  }
  // Outside the lock: dropping the last reference to a connection unregisters it.
  for (auto& connection : open_connections) {
    // Runs on the connection's own strand, like all its other work.
    asio::post(connection->executor(), [connection] { connection->Shutdown(); });
  }
}

std::size_t Server::State::ConnectionCount() {
  std::lock_guard lock(connections_mutex);
  return connections.size();
}

void Server::State::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](boost::system::error_code error, tcp::socket socket) {
    if (error == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (!error) {
      auto connection = std::make_shared<Connection>(std::move(socket), *this);
      if (ConnectionCount() >= config.max_connections || stopping.load()) {
        core::log::Warn("http.connection_refused", {{"connections", ConnectionCount()}});
        connection->Refuse();
      } else {
        connection->Start();
      }
    }
    Accept();
  });
}

Server::Server(ServerConfig config, const Pipeline& pipeline)
    : state_(std::make_unique<State>(std::move(config), pipeline)) {}

Server::~Server() {
  Stop();
  Wait();
}

void Server::Start() {
  auto& state = *state_;
  const tcp::endpoint endpoint(asio::ip::make_address(state.config.address), state.config.port);
  state.acceptor.open(endpoint.protocol());
  state.acceptor.set_option(asio::socket_base::reuse_address(true));
  state.acceptor.bind(endpoint);
  state.acceptor.listen(asio::socket_base::max_listen_connections);
  state.bound_port = state.acceptor.local_endpoint().port();
  state.Accept();
  for (int i = 0; i < state.config.io_threads; ++i) {
    state.io_threads.emplace_back([&state] { state.io.run(); });
  }
  core::log::Info("http.listening", {{"address", state.config.address},
                                     {"port", state.bound_port.load()},
                                     {"io_threads", state.config.io_threads},
                                     {"worker_threads", state.config.worker_threads}});
}

std::uint16_t Server::port() const { return state_->bound_port.load(); }

void Server::Stop() {
  auto& state = *state_;
  if (state.stopping.exchange(true)) return;
  if (state.io_threads.empty()) return;
  core::log::Info("http.stopping");
  asio::post(state.acceptor.get_executor(), [&state] {
    boost::system::error_code ignored;
    state.acceptor.close(ignored);
  });
  state.ShutdownConnections();
  state.stopper = std::thread([&state] {
    std::unique_lock lock(state.connections_mutex);
    state.connections_changed.wait_for(lock, state.config.shutdown_timeout,
                                       [&state] { return state.connections.empty(); });
    if (!state.connections.empty()) {
      core::log::Warn("http.shutdown_timeout", {{"connections", state.connections.size()}});
    }
    lock.unlock();
    state.work.reset();
    state.io.stop();
  });
}

void Server::Wait() {
  auto& state = *state_;
  if (state.stopped) return;
  for (auto& thread : state.io_threads) thread.join();
  if (state.stopper.joinable()) state.stopper.join();
  // Stop posts the acceptor's closing to the I/O threads, but the stopper may stop them first when
  // no connection is left; a listening socket left open would take connections into its backlog
  // that nobody answers. No I/O thread runs any more: close it here.
  boost::system::error_code ignored;
  state.acceptor.close(ignored);
  state.workers.join();
  state.stopped = true;
  if (!state.io_threads.empty()) core::log::Info("http.stopped");
}

void Server::Drain() {
  auto& state = *state_;
  if (state.config.drain_period.count() <= 0 || state.draining.exchange(true)) return Stop();
  core::log::Info("http.draining", {{"drain_ms", static_cast<std::int64_t>(state.config.drain_period.count())}});
  // Idle keep-alive connections stay open: closing one races with a request the load balancer may
  // be sending on it (HAProxy then drops its client's connection). Each one closes after its next
  // answer instead; those still idle when the drain ends were left alone by the load balancer,
  // which has by then taken this server out.
  state.drain_timer.expires_after(state.config.drain_period);
  state.drain_timer.async_wait([this](boost::system::error_code error) {
    if (error != asio::error::operation_aborted) Stop();
  });
}

void Server::WaitForSignal() {
  state_->signals.async_wait([this](boost::system::error_code error, int signal) {
    if (error) return;
    core::log::Info("http.signal", {{"signal", signal}});
    Drain();  // the first signal drains; a second one stops at once
    if (!state_->stopping.load()) WaitForSignal();
  });
}

void Server::RunUntilSignal() {
  auto& state = *state_;
  state.signals.add(SIGINT);
  state.signals.add(SIGTERM);
  WaitForSignal();
  Start();
  Wait();
}

}  // namespace liandong::http
