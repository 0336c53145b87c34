import Foundation
import Hummingbird
import ServiceLifecycle

/// `/api/events`: server-sent events announcing each change of the model.
struct EventRoutes: RouteGroup {
    static func frame(_ event: ChainEvent) throws -> ByteBuffer {
        var text = "id: \(event.revision)\nevent: chain\ndata: "
        text += String(decoding: try JSONOutput.encode(event).readableBytesView, as: UTF8.self)
        text += "\n\n"
        return ByteBuffer(string: text)
    }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/api/events") { _, _ in
            let subscription = site.reader.events.subscribe()
            let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                defer { subscription.cancel() }
                var sent = site.snapshot.revision
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                try await writer.write(try Self.frame(ChainEvent(site.snapshot)))
                try await withGracefulShutdownHandler {
                    for await signal in subscription.signals {
                        let snapshot = site.snapshot
                        if snapshot.revision != sent {
                            sent = snapshot.revision
                            try await writer.write(try Self.frame(ChainEvent(snapshot)))
                        } else if signal == .heartbeat {
                            try await writer.write(ByteBuffer(string: ": still here\n\n"))
                        }
                    }
                } onGracefulShutdown: {
                    subscription.cancel()
                }
                try await writer.finish(nil)
            })
        }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(paths: [
            "/api/events": ["get": OpenAPI.operation(
                id: "events", summary: "Changes of the chain, as server-sent events",
                description: "A text/event-stream that never ends on its own. It opens with the current state, then sends an event named chain each time main or a pending object changes. Each event's id is the model's revision and its data a JSON object like ChainEvent. A comment line every 15 seconds keeps idle connections open.",
                tag: "chain",
                responses: ["200": [
                    "description": "The event stream.",
                    "content": ["text/event-stream": ["schema": Schema.withDescription(Schema.string, "Events whose data is a ChainEvent.")]],
                ]])],
        ], schemas: ["ChainEvent": Schema.object([
            "revision": Schema.integer, "tip_height": Schema.integer, "tip": Schema.hex64, "finalized_height": Schema.integer,
            "pending_votes": Schema.integer, "pending_transfers": Schema.integer, "pending_candidates": Schema.integer,
        ], description: "The data of one chain event.")])
    }
}
