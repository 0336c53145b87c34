import Hummingbird

/// POST /api/sign/vote, /api/sign/transfer and /api/sign/<kind> for each module's signing operation. Without
/// unlocked keys they answer 401 (no bearer token) or 404 and say how to turn signing on; with them,
/// `SigningGuard` admits only same-site requests with the token.
struct SigningRoutes: RouteGroup {
    let desk: SigningDesk?
    let policy: SigningPolicy?
    let operations: [any SigningOperation]

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        let group = router.group("/api/sign")
        guard let desk, let policy else {
            let hint = Self.hint(nouns: operations.map(\.noun))
            for kind in ["vote", "transfer"] + operations.map(\.kind) {
                group.post(RouterPath(kind)) { request, _ -> Response in throw Self.signingOff(request, hint: hint) }
            }
            return
        }
        group.add(middleware: SigningGuard(policy: policy))
        group.post("vote") { request, context in
            let body = try await RequestBody.decode(VoteRequest.self, from: request, context: context)
            let document = try await desk.vote(body)
            return try JSONOutput.response(document, status: document.stored ? .created : .ok)
        }
        group.post("transfer") { request, context in
            let body = try await RequestBody.decode(TransferRequest.self, from: request, context: context)
            return try JSONOutput.response(try await desk.transfer(body), status: .created)
        }
        for operation in operations {
            group.post(RouterPath(operation.kind)) { request, context in try await operation.sign(request, context: context, desk: desk) }
        }
    }

    /// The line saying how to turn signing on, naming what can be signed.
    static func hint(nouns: [String]) -> String {
        let all = ["votes", "transfers"] + nouns
        let list = all.dropLast().joined(separator: ", ") + " and " + all.last!
        return "signing is off: start pot-web with --unlock LABEL,... to sign \(list) with those keys"
    }

    /// The refusal of a signing request when no key is unlocked: 401 without bearer credentials,
    /// as with signing on, else 404; both say how to turn signing on.
    static func signingOff(_ request: Request, hint: String) -> WebError {
        guard AccessToken.bearerCredentials(request.headers[.authorization]) != nil else {
            return .unauthorized("\(hint), then send Authorization: Bearer <the token it prints>")
        }
        return .notFound(hint)
    }

    var openAPI: OpenAPIFragment {
        operations.map(\.openAPI).reduce(kernelOpenAPI) { $0.merging($1) }
    }

    private var kernelOpenAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/sign/vote": ["post": OpenAPI.operation(
                    id: "signVote", summary: "Sign and store a vote with an unlocked key",
                    description: "Checked as pot vote checks it: the voter is a member, the height is open, every candidate is a stored block at that height, the probabilities sum to 1, and the voter has no other vote for the height (409: that would be equivocation).",
                    tag: "signing",
                    requestBody: ["required": true, "content": OpenAPI.jsonContent(Schema.ref("VoteRequest"))],
                    responses: SigningResponses.refusals([
                        "201": OpenAPI.response("Signed and stored.", schema: "SignedVote"),
                        "200": OpenAPI.response("The identical vote was already stored.", schema: "SignedVote"),
                    ]),
                    security: true)],
                "/api/sign/transfer": ["post": OpenAPI.operation(
                    id: "signTransfer", summary: "Sign and store a transfer with an unlocked key",
                    description: "Checked as pot transfer checks it: a known recipient other than the sender, a memo of at most 256 bytes, the next free nonce (409 when already used or taken), and enough balance beyond what is already pending.",
                    tag: "signing",
                    requestBody: ["required": true, "content": OpenAPI.jsonContent(Schema.ref("TransferRequest"))],
                    responses: SigningResponses.refusals(["201": OpenAPI.response("Signed and stored.", schema: "SignedTransfer")]),
                    security: true)],
            ],
            schemas: [
                "VoteRequest": VoteRequest.schema, "TransferRequest": TransferRequest.schema,
                "SignedVote": SignedVoteDocument.schema, "SignedTransfer": SignedTransferDocument.schema,
            ])
    }
}

/// What a signing route may answer, for the OpenAPI document.
package enum SigningResponses {
    /// The answers every signing route declares, with `extra` added or replacing some.
    package static func refusals(_ extra: [String: JSONValue]) -> [String: JSONValue] {
        var responses: [String: JSONValue] = [
            "400": OpenAPI.errorResponse("The body is not JSON of this shape (a missing, mistyped or unknown field)."),
            "401": OpenAPI.errorResponse("No bearer token, or a wrong one (without a token also when signing is off)."),
            "403": OpenAPI.errorResponse("A cross-site request (Origin or Sec-Fetch-Site), a Host that is not this machine, or a key this server did not unlock."),
            "404": OpenAPI.errorResponse("Signing is off (pot-web runs without --unlock) and the request carries a bearer token."),
            "409": OpenAPI.errorResponse("Conflicts with an object already stored."),
            "413": OpenAPI.errorResponse("The body is larger than 64 KiB."),
            "415": OpenAPI.errorResponse("The body is not sent as application/json."),
            "422": OpenAPI.errorResponse("Well formed, but the chain refuses the object."),
        ]
        for (code, response) in extra { responses[code] = response }
        return responses
    }
}
