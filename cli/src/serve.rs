//! `liaison serve`: the contract over HTTP for platforms in any language.
//!
//! - `POST /v1/{op}` with the operation's request as a JSON object (an empty body is `{}`)
//!   → 200 with the answer as JSON, or the coded error `{code, message, message_zh, loc,
//!   rule?}` with `liaison::api::http_status(code)`: 400, 404 (unknown operation or path),
//!   405 (wrong method), 408 (over `--timeout`), 413 (body over `--max-body`), 503 (over
//!   `--max-in-flight`: tower's load shedding in front of its concurrency limit), 500.
//! - `GET /v1/openapi.json`, `GET /v1/rules` (as `POST /v1/rules`), `GET /healthz`.
//! - The call runs on tokio's blocking pool, so a large `check` never stalls other
//!   requests. The server never reads a file for a request (`Options::default()`).
//! - One line per request on stderr — time, method, path, status, duration — where a path
//!   that is not a short ASCII token is described, never shown; never a body.
//! - SIGTERM or Ctrl-C: stop accepting, finish the requests in flight, exit 0.

use crate::args::ServeArgs;
use crate::out::{self, invalid, Out};
use axum::body::{to_bytes, Body, Bytes};
use axum::error_handling::HandleErrorLayer;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::serve::ListenerExt;
use axum::{BoxError, Router};
use liaison::api::{call_json, http_status, Options, OPERATIONS};
use liaison::error::{is_token, Detail, Shown};
use liaison::{Error, ErrorKind};
use std::io::Write;
use std::net::ToSocketAddrs;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceBuilder;

/// What every handler shares: the limits and the answers computed once.
struct Shared {
    max_body: u64,
    openapi: Bytes,
    rules: Bytes,
}

type St = State<Arc<Shared>>;

pub fn serve(a: &ServeArgs) -> Result<ExitCode, Error> {
    let addrs: Vec<std::net::SocketAddr> = a
        .listen
        .to_socket_addrs()
        .map_err(|_| {
            invalid(
                "not an address to listen on (HOST:PORT, e.g. 127.0.0.1:8080)",
                "不是可监听的地址（HOST:PORT，如 127.0.0.1:8080）",
            )
            .at("--listen")
        })?
        .collect();
    let in_flight = usize::try_from(a.max_in_flight).unwrap_or(usize::MAX);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // One blocking thread per request in flight at most: the concurrency limit bounds
        // the work the server takes on.
        .max_blocking_threads(in_flight)
        .build()
        .map_err(|e| startup_error(&e))?;
    let result = runtime.block_on(run(a, addrs));
    // Requests in flight have finished; a computation that outlived its timeout is not
    // waited for.
    runtime.shutdown_timeout(Duration::from_millis(200));
    result
}

fn startup_error(e: &std::io::Error) -> Error {
    let (en, zh) = match e.kind() {
        std::io::ErrorKind::AddrInUse => ("the address is in use", "地址已被占用"),
        std::io::ErrorKind::AddrNotAvailable => (
            "the address is not one of this machine's",
            "该地址不属于本机",
        ),
        std::io::ErrorKind::PermissionDenied => ("permission denied", "没有权限"),
        _ => ("the operating system refused", "操作系统拒绝了该操作"),
    };
    ErrorKind::Io {
        detail: Detail::new(format!("cannot listen: {en}"), format!("无法监听：{zh}")),
    }
    .at("--listen")
}

async fn run(a: &ServeArgs, addrs: Vec<std::net::SocketAddr>) -> Result<ExitCode, Error> {
    let listener = tokio::net::TcpListener::bind(addrs.as_slice())
        .await
        .map_err(|e| startup_error(&e))?;
    let bound = listener.local_addr().map_err(|e| startup_error(&e))?;
    let shared = Arc::new(Shared {
        max_body: a.max_body,
        openapi: Bytes::from(
            serde_json::to_vec(&liaison::api::schema::openapi()).unwrap_or_default(),
        ),
        rules: Bytes::from(call_json("rules", "{}", &Options::default())?.into_bytes()),
    });
    let app = router(shared, Duration::from_secs(a.timeout), a.max_in_flight);
    let mut o = Out::stdout();
    o.line(&format!("listening on http://{bound}"))?;
    o.flush()?;
    out::note(&format!(
        "liaison serve: POST /v1/{{op}}, GET /v1/openapi.json, GET /healthz; body ≤ {} bytes, timeout {} s, {} requests at once",
        a.max_body, a.timeout, a.max_in_flight
    ));
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| startup_error(&e))?;
    out::note("liaison serve: stopped");
    Ok(ExitCode::SUCCESS)
}

/// SIGTERM or Ctrl-C (SIGINT).
async fn shutdown_signal() {
    use std::future::Future;
    use std::task::Poll;
    let mut ctrl_c = std::pin::pin!(tokio::signal::ctrl_c());
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    std::future::poll_fn(|cx| {
        let interrupted = ctrl_c.as_mut().poll(cx).is_ready();
        let terminated = term.as_mut().is_some_and(|t| t.poll_recv(cx).is_ready());
        if interrupted || terminated {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    out::note("liaison serve: shutting down, finishing the requests in flight");
}

fn router(shared: Arc<Shared>, timeout: Duration, max_in_flight: u64) -> Router {
    let seconds = timeout.as_secs();
    let limits = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(move |e: BoxError| async move {
            let kind = if e.is::<tower::timeout::error::Elapsed>() {
                ErrorKind::Timeout { seconds }
            } else if e.is::<tower::load_shed::error::Overloaded>() {
                ErrorKind::Overloaded {
                    limit: max_in_flight,
                }
            } else {
                ErrorKind::Internal {
                    detail: Detail::new("a request failed", "请求失败"),
                }
            };
            error_response(&Error::new(kind))
        }))
        .load_shed()
        .concurrency_limit(usize::try_from(max_in_flight).unwrap_or(usize::MAX))
        .timeout(timeout);
    Router::new()
        .route("/v1/{op}", any(operation))
        .route_layer(limits)
        .route("/healthz", any(healthz))
        .fallback(not_found)
        .layer(middleware::from_fn(log))
        .with_state(shared)
}

fn json_response(status: StatusCode, body: impl Into<Body>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.into(),
    )
        .into_response()
}

fn error_response(e: &Error) -> Response {
    let status = StatusCode::from_u16(http_status(e.code())).unwrap_or(StatusCode::BAD_REQUEST);
    json_response(status, serde_json::to_vec(e).unwrap_or_default())
}

fn not_allowed(allowed: &'static str) -> Response {
    let mut r = error_response(&Error::new(ErrorKind::MethodNotAllowed {
        allowed: Detail::new(allowed, allowed),
    }));
    r.headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allowed));
    r
}

fn unknown(what: &str) -> Response {
    error_response(&Error::new(ErrorKind::UnknownOperation {
        op: Shown::text(what),
    }))
}

async fn healthz(method: Method) -> Response {
    if method == Method::GET || method == Method::HEAD {
        json_response(StatusCode::OK, &b"{\"status\":\"ok\"}"[..])
    } else {
        not_allowed("GET")
    }
}

async fn not_found(request: Request) -> Response {
    unknown(request.uri().path())
}

/// `/v1/{op}`: POST answers the operation; GET serves the catalogue and the OpenAPI
/// document.
async fn operation(
    State(shared): St,
    method: Method,
    op: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(Path(op)) = op else {
        return unknown("");
    };
    let is_get = method == Method::GET || method == Method::HEAD;
    match (op.as_str(), is_get) {
        ("openapi.json", true) => return json_response(StatusCode::OK, shared.openapi.clone()),
        ("openapi.json", false) => return not_allowed("GET"),
        ("rules", true) => return json_response(StatusCode::OK, shared.rules.clone()),
        _ => {}
    }
    if !OPERATIONS.contains(&op.as_str()) {
        return unknown(&op);
    }
    if method != Method::POST {
        return not_allowed(if op == "rules" { "GET, POST" } else { "POST" });
    }
    let too_large = || {
        error_response(&Error::new(ErrorKind::TooLarge {
            limit: shared.max_body,
        }))
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > shared.max_body) {
        return too_large();
    }
    let limit = usize::try_from(shared.max_body).unwrap_or(usize::MAX);
    let bytes = match to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(e) => {
            let over = std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            return if over {
                too_large()
            } else {
                error_response(&invalid(
                    "the request body could not be read",
                    "无法读取请求正文",
                ))
            };
        }
    };
    match tokio::task::spawn_blocking(move || answer(&op, &bytes)).await {
        Ok(Ok(text)) => json_response(StatusCode::OK, text),
        Ok(Err(e)) => error_response(&e),
        Err(_) => error_response(&Error::new(ErrorKind::Internal {
            detail: Detail::new("the operation failed", "操作失败"),
        })),
    }
}

/// One call of the contract on a request body; no files are read.
fn answer(op: &str, body: &[u8]) -> Result<String, Error> {
    let text = std::str::from_utf8(body).map_err(|e| {
        let before = body.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(before.get(start..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        Error::new(ErrorKind::InvalidJson {
            detail: Detail::new("the body is not UTF-8 text", "请求正文不是 UTF-8 文本"),
            line,
            column,
        })
    })?;
    let text = if text.trim().is_empty() { "{}" } else { text };
    call_json(op, text, &Options::default())
}

/// A method or path as a log may show it: itself when it is a short ASCII token, else its
/// length (a path may hold anything a client put in it).
fn loggable(text: &str) -> String {
    if is_token(text) {
        text.to_string()
    } else {
        format!("<{} characters>", text.chars().count())
    }
}

/// One line per request on stderr: time (UTC), method, path, status, duration.
async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = loggable(request.method().as_str());
    let path = loggable(request.uri().path());
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let time = chrono::DateTime::from_timestamp(
        i64::try_from(now.as_secs()).unwrap_or(0),
        now.subsec_nanos(),
    )
    .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
    .unwrap_or_default();
    let line = format!(
        "{time} {method} {path} {} {:.3}ms\n",
        response.status().as_u16(),
        elapsed.as_secs_f64() * 1000.0
    );
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_log_never_shows_a_path_that_is_not_a_token() {
        assert_eq!(loggable("/v1/deadline"), "/v1/deadline");
        assert_eq!(loggable("/v1/张三丰13812345678"), "<18 characters>");
        assert_eq!(loggable("/v1/13812345678"), "<15 characters>");
    }

    #[test]
    fn an_empty_body_is_an_empty_request_and_bytes_must_be_utf8() {
        assert!(answer("rules", b"").is_ok());
        assert!(answer("rules", b" \n").is_ok());
        let e = answer("rules", b"{\n \"a\xff\": 1}").unwrap_err();
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "invalid_json");
        assert!(e.message().contains("line 2, column 4"), "{}", e.message());
    }
}
