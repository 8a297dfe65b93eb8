//! The contract as an OpenAPI 3.1 document, generated from the request and answer types
//! (feature `schema`). `liaison serve` serves it at `GET /v1/openapi.json`; the TypeScript
//! declarations of the npm package and the Python stubs are generated from its schemas, so
//! that no host restates a shape by hand.

pub mod python;
pub mod typescript;
use super::{http_status, operations, schemas};
use crate::Error;
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

/// The schema of an error: `{"code", "message", "message_zh", "loc", "rule"?}`.
fn error_schema() -> Value {
    json!({
        "type": "object",
        "description": "A bad input: a stable code, messages in English and Chinese, and the place it concerns.",
        "required": ["code", "message", "message_zh", "loc"],
        "additionalProperties": false,
        "properties": {
            "code": {"type": "string", "enum": Error::CODES},
            "message": {"type": "string", "description": "English; shows no personal data."},
            "message_zh": {"type": "string", "description": "Chinese; shows no personal data."},
            "loc": {"$ref": "#/components/schemas/Loc"},
            "rule": {"type": "string", "description": "The rule id, where one applies."},
            "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Error"},
                "description": "The problems an `invalid_records` error gathers, each with its place."}
        }
    })
}

/// One operation's name, request schema and answer schema.
pub type OperationSchemas = (&'static str, Value, Value);

/// The definitions of every request and answer type (keyed by type name, refs to
/// `#/components/schemas/…`) and, per operation, its name, request and answer schemas.
pub fn contract() -> (Map<String, Value>, Vec<OperationSchemas>) {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let ops = schemas(&mut generator)
        .into_iter()
        .map(|(name, request, answer)| (name, request.to_value(), answer.to_value()))
        .collect();
    generator.subschema_for::<crate::Loc>();
    let mut definitions = generator.take_definitions(true);
    definitions.insert("Error".to_string(), error_schema());
    (definitions, ops)
}

/// The OpenAPI 3.1 document of `liaison serve`: `POST /v1/{operation}` for every
/// operation, `GET /v1/openapi.json`, `GET /v1/rules`, `GET /healthz`.
///
/// ```
/// let doc = liaison::api::schema::openapi();
/// assert_eq!(doc["openapi"], "3.1.0");
/// assert!(doc["paths"]["/v1/deadline"]["post"].is_object());
/// ```
pub fn openapi() -> Value {
    let (mut schemas, ops) = contract();
    let error = |description: &str| {
        json!({
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        })
    };
    let mut paths = Map::new();
    let infos = operations();
    for (name, request, answer) in ops {
        let info = infos.iter().find(|o| o.name == name);
        paths.insert(
            format!("/v1/{name}"),
            json!({"post": {
                "operationId": name,
                "summary": info.map(|o| o.summary.as_str()).unwrap_or(""),
                "description": format!(
                    "Rules: {}. Parameters in positional order: {}.",
                    info.map(|o| o.rule.as_str()).unwrap_or(""),
                    info.map(|o| o.params.join(", ")).unwrap_or_default()
                ),
                "requestBody": {"required": true, "content": {"application/json": {"schema": request}}},
                "responses": {
                    "200": {"description": "The answer.", "content": {"application/json": {"schema": answer}}},
                    "400": error("A bad input (every code but those below)."),
                    "408": error("The request took longer than the server's limit."),
                    "413": error("The body is larger than the server's limit (`too_large`)."),
                    "503": error("The server is at its limit of requests in flight."),
                    "500": error("An internal error (`internal_error`)."),
                }
            }}),
        );
    }
    paths.insert(
        "/v1/openapi.json".to_string(),
        json!({"get": {"operationId": "openapi", "summary": "This document.",
            "responses": {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}}}}),
    );
    paths.insert(
        "/v1/rules".to_string(),
        json!({"get": {"operationId": "get_rules", "summary": "The rule catalogue (as POST /v1/rules).",
            "responses": {"200": {"description": "Every rule.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/RuleInfo"}}}}}}}}),
    );
    paths.insert(
        "/healthz".to_string(),
        json!({"get": {"operationId": "healthz", "summary": "Whether the server is up.",
            "responses": {"200": {"description": "Up.", "content": {"application/json": {"schema": {
                "type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}}}}}}}),
    );
    schemas.sort_keys();
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "liaison",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "Exact, executable rules of 巴南委办发〔2008〕43号",
            "description": "Every operation of the contract as POST /v1/{operation} with a JSON request of snake_case keys. Errors are {code, message, message_zh, loc, rule?}; each code's status is in the error_codes catalogue.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "paths": paths,
        "components": {"schemas": schemas},
        "x-error-status": Error::CODES.iter().map(|c| (c.to_string(), json!(http_status(c)))).collect::<Map<String, Value>>(),
    })
}
