package dev.orchestrion.definition.rest;

/** Example bodies for the OpenAPI document. */
final class ApiExamples {

    static final String DEFINITION = """
            {"name": "Reference workflow", "description": "Doubles a number", "tags": ["benchmark"],
             "parameters": [{"name": "amount", "type": "number", "required": true, "validations": {"min": 0}}],
             "trigger": {"kind": "api"},
             "nodes": [
               {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
               {"id": "double", "type": "set", "name": "Double", "position": {"x": 200, "y": 0},
                "properties": {"assignments": [{"name": "doubled", "value": "params.amount * 2.0"}]}},
               {"id": "end", "type": "end", "name": "End", "position": {"x": 400, "y": 0},
                "properties": {"result": {"doubled": "vars.doubled"}}}],
             "executionConnectors": [{"from": "start", "output": "next", "to": "double"},
                                     {"from": "double", "output": "next", "to": "end"}],
             "dataConnectors": []}""";

    static final String DEFINITION_RESPONSE = """
            {"id": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "name": "Reference workflow", "description": "Doubles a number",
             "tags": ["benchmark"], "folderId": null, "exclusiveGroup": null, "timeout": null, "eager": null,
             "nodeEvents": null,
             "parameters": [{"name": "amount", "type": "number", "required": true, "validations": {"min": 0}}],
             "trigger": {"kind": "api"}, "nodes": [], "executionConnectors": [], "dataConnectors": [], "contents": [],
             "status": "ACTIVE", "revision": 3, "publishedVersion": 1, "pendingRevision": false, "priority": 2,
             "scheduledStartAt": null, "createdAt": "2026-03-01T09:00:00Z", "createdBy": "ada@acme",
             "updatedAt": "2026-03-01T09:05:00Z", "updatedBy": "ada@acme"}""";

    static final String SEARCH_RESPONSE = """
            {"items": [{"id": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "name": "Reference workflow",
             "description": "Doubles a number", "tags": ["benchmark"], "folderId": null, "status": "ACTIVE",
             "triggerKind": "api", "exclusiveGroup": null, "publishedVersion": 1, "pendingRevision": false,
             "revision": 3, "scheduledStartAt": null, "createdAt": "2026-03-01T09:00:00Z",
             "updatedAt": "2026-03-01T09:05:00Z"}], "page": 0, "size": 20, "total": 1}""";

    static final String INCIDENTS = """
            {"definitionId": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "revision": 2, "incidents": [
              {"code": "MISSING_PROPERTY", "nodeId": "check", "property": "condition",
               "message": "Node check (if) needs property condition"},
              {"code": "UNREACHABLE_NODE", "nodeId": "orphan", "message": "No execution path from start reaches node orphan"}]}""";

    static final String INCIDENTS_PROBLEM = """
            {"type": "https://orchestrion.dev/problems/incidents", "title": "Definition has incidents", "status": 422,
             "detail": "Definition 6f1c… has 1 incident(s); fix them first", "instance": "/definitions/6f1c…/start",
             "errors": [{"field": "nodes.call.connection", "message": "UNKNOWN_CONNECTION: No connection named crm exists"}],
             "incidents": [{"code": "UNKNOWN_CONNECTION", "nodeId": "call", "property": "connection",
                            "message": "No connection named crm exists"}]}""";

    static final String VERSION = """
            {"definitionId": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "version": 1, "publishedAt": "2026-03-01T09:05:00Z",
             "publishedBy": "ops@acme", "name": "Fetch a credit score", "timeout": null, "exclusiveGroup": null,
             "eager": null, "nodeEvents": null, "parameters": [], "trigger": {"kind": "api"}, "nodes": [],
             "executionConnectors": [], "dataConnectors": [],
             "connections": {"credit-bureau": "5b0f6c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f"}}""";

    static final String VERSIONS = """
            [{"version": 1, "publishedAt": "2026-03-01T09:05:00Z", "publishedBy": "ops@acme", "name": "Reference workflow"},
             {"version": 2, "publishedAt": "2026-03-02T10:00:00Z", "publishedBy": "ops@acme", "name": "Reference workflow"}]""";

    static final String PARAMETER_SCHEMA = """
            {"definitionId": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "status": "ACTIVE", "version": 1,
             "parameters": [{"name": "amount", "type": "number", "required": true, "validations": {"min": 0}}]}""";

    static final String LIFECYCLE = """
            {"at": "2026-12-24T18:00:00Z", "revision": 2}""";

    static final String BULK = """
            {"action": "duplicate", "ids": ["6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "00000000-0000-0000-0000-000000000000"]}""";

    static final String BULK_RESPONSE = """
            {"action": "duplicate", "results": [
              {"id": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "outcome": "done", "status": 200,
               "newId": "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"},
              {"id": "00000000-0000-0000-0000-000000000000", "outcome": "failed", "status": 404,
               "detail": "Workflow definition 00000000-0000-0000-0000-000000000000 does not exist"}]}""";

    static final String CN_FILE = """
            {"format": "orchestrion.cn", "formatVersion": 1, "exportedAt": "2026-03-01T09:00:00Z",
             "definitions": [{"sourceId": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "folder": "Onboarding/KYC",
               "definition": {"name": "Fetch a credit score", "trigger": {"kind": "api"}, "nodes": [],
                              "executionConnectors": [], "dataConnectors": [], "contents": []}}],
             "references": [{"type": "folder", "name": "Onboarding/KYC"},
                            {"type": "connection", "name": "credit-bureau", "kind": "http"}]}""";

    static final String IMPORT_RESPONSE = """
            {"items": [{"sourceId": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
               "name": "Fetch a credit score", "folderId": null, "incidents": [{"code": "UNKNOWN_CONNECTION",
               "nodeId": "score", "property": "connection", "message": "No connection named credit-bureau exists"}]}],
             "unresolved": [{"type": "connection", "name": "credit-bureau",
               "message": "No connection named credit-bureau of kind http here; see the UNKNOWN_CONNECTION incident"}]}""";

    static final String FOLDER = """
            {"name": "KYC", "parentId": null}""";

    static final String FOLDER_RESPONSE = """
            {"id": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", "name": "KYC", "parentId": null, "path": "KYC",
             "revision": 0, "createdAt": "2026-03-01T09:00:00Z", "updatedAt": "2026-03-01T09:00:00Z"}""";

    static final String PRIORITIES = """
            {"items": [{"position": 1, "definitionId": "6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "name": "VIP onboarding",
                        "exclusiveGroup": "onboarding"},
                       {"position": 2, "definitionId": "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a", "name": "Onboarding",
                        "exclusiveGroup": "onboarding"}]}""";

    static final String PRIORITIES_REQUEST = """
            {"order": ["6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"]}""";

    static final String CONNECTION = """
            {"name": "credit-bureau", "kind": "http", "endpoint": "https://api.bureau.example",
             "auth": {"kind": "bearer"},
             "credentials": {"test": {"token": "test-token"}, "production": {"token": "prod-token"}}}""";

    static final String CONNECTION_RESPONSE = """
            {"id": "5b0f6c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f", "name": "credit-bureau", "kind": "http", "description": null,
             "endpoint": "https://api.bureau.example", "auth": {"kind": "bearer"}, "smtp": null,
             "credentials": {"test": {"token": "****"}, "production": {"token": "****"}}, "revision": 0,
             "createdAt": "2026-03-01T09:00:00Z", "updatedAt": "2026-03-01T09:00:00Z"}""";

    static final String INTERNAL_CONNECTION = """
            {"id": "5b0f6c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f", "name": "credit-bureau", "kind": "http",
             "endpoint": "https://api.bureau.example",
             "auth": {"kind": "bearer", "username": null, "password": null, "token": "prod-token", "headerName": null,
                      "apiKey": null, "tokenUrl": null, "clientId": null, "clientSecret": null, "scope": null},
             "smtp": null}""";

    static final String TEMPLATES = """
            {"categories": [{"category": "Onboarding and KYC", "templates": [{"id": "kyc-onboarding",
              "name": "KYC onboarding check", "description": "Checks a new customer with an identity provider"}]}]}""";

    static final String FROM_TEMPLATE = """
            {"name": "Our KYC check", "folderId": null}""";

    static final String NODE_TYPES = """
            {"items": [{"type": "if", "description": "Takes the true or the false output.",
              "properties": [{"name": "condition", "format": "expression", "required": true,
                              "description": "must evaluate to a bool"}],
              "outputs": [{"name": "true", "required": false}, {"name": "false", "required": false}],
              "outputData": {"result": "boolean"}}]}""";

    private ApiExamples() {
    }
}
